import sharp from 'sharp';
import { readImageSize } from './image-size.ts';
import { displayWidthsFor, type MadeVariants, type Rendition, type VariantMaker } from './variants.ts';

/**
 * Node's variant maker: WebP display renditions (every browser we target reads WebP). The
 * original is kept as downloaded when it is already a JPEG or WebP — re-encoding it would cost
 * more time than the three renditions together and lose quality for nothing; anything else
 * (PNG, SVG from the demo) becomes a JPEG original.
 */
export function sharpVariantMaker(): VariantMaker {
  // libvips' operation cache helps re-processing the same file; Vitrine processes each download
  // once, so the cache only holds memory (about 50 MB by default).
  sharp.cache(false);
  return {
    async make(source: Uint8Array): Promise<MadeVariants> {
      const image = sharp(source).rotate();
      const original = await keepOrEncode(source, image);
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

async function keepOrEncode(source: Uint8Array, image: sharp.Sharp): Promise<Rendition> {
  const size = readImageSize(source);
  const { orientation } = size && size.format !== 'png' ? await image.metadata() : { orientation: undefined };
  // A rotated JPEG is re-encoded upright, so the stored original and its size agree.
  if (size && size.format !== 'png' && (orientation ?? 1) === 1) return { bytes: source, width: size.width, height: size.height, format: size.format };
  const { data, info } = await image.clone().jpeg({ quality: 88, mozjpeg: true }).toBuffer({ resolveWithObject: true });
  return { bytes: new Uint8Array(data), width: info.width, height: info.height, format: 'jpeg' };
}
