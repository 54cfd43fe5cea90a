import sharp from 'sharp';
import { acceptedImage, MAX_IMAGE_PIXELS } from './accept-image.ts';
import type { ImageSize } from './image-size.ts';
import { stripMetadata } from './strip-metadata.ts';
import { displayWidthsFor, type MadeVariants, type Rendition, type VariantMaker } from './variants.ts';

/**
 * Node's variant maker: WebP display renditions (every browser we target reads WebP). The
 * original is kept as downloaded when it is already an upright JPEG or WebP — re-encoding it
 * would cost more time than the three renditions together and lose quality for nothing — with
 * its metadata stripped; a PNG or a rotated JPEG becomes a JPEG original. sharp writes no
 * metadata unless asked to (`keepMetadata`), so the encoded renditions carry none either.
 */
export function sharpVariantMaker(): VariantMaker {
  // libvips' operation cache helps re-processing the same file; Vitrine processes each download
  // once, so the cache only holds memory (about 50 MB by default).
  sharp.cache(false);
  return {
    async make(source: Uint8Array): Promise<MadeVariants> {
      // Format and size from the header first: only the accepted formats reach libvips, and
      // libvips itself refuses more pixels than that while decoding, whatever the header said.
      const size = acceptedImage(source);
      const image = sharp(source, { limitInputPixels: MAX_IMAGE_PIXELS }).rotate();
      const original = await keepOrEncode(source, size, image);
      const display = await Promise.all(
        displayWidthsFor(original.width).map(async (width) => {
          const { data, info } = await image
            .clone()
            .resize({ width, withoutEnlargement: true })
            // effort 2 of 6: about half the time of the default for a few percent more bytes.
            .webp({ quality: 78, effort: 2 })
            .toBuffer({ resolveWithObject: true });
          return { bytes: new Uint8Array(data), width: info.width, height: info.height, format: 'webp' as const };
        }),
      );
      return { original, display };
    },
  };
}

/**
 * For Vitrine's own demo scenes, SVG it drew itself: rendered to PNG, then made like any other
 * image by `maker` (sharp's, or the Worker's codecs for the local Worker's seed). SVG from anyone
 * else is refused by every maker.
 */
export function drawnSceneVariantMaker(maker: VariantMaker): VariantMaker {
  return { make: async (svg) => maker.make(new Uint8Array(await sharp(svg).png().toBuffer())) };
}

async function keepOrEncode(source: Uint8Array, size: ImageSize, image: sharp.Sharp): Promise<Rendition> {
  const { orientation } = size.format !== 'png' ? await image.metadata() : { orientation: undefined };
  // A rotated JPEG is re-encoded upright, so the stored original and its size agree.
  if (size.format !== 'png' && (orientation ?? 1) === 1) return { bytes: stripMetadata(source, size.format).bytes, width: size.width, height: size.height, format: size.format };
  const { data, info } = await image.clone().jpeg({ quality: 88, mozjpeg: true }).toBuffer({ resolveWithObject: true });
  return { bytes: new Uint8Array(data), width: info.width, height: info.height, format: 'jpeg' };
}
