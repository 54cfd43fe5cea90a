import sharp from 'sharp';
import { displayWidthsFor, type MadeVariants, type VariantMaker } from './variants.ts';

/** Node's variant maker: JPEG original, WebP display renditions (the browsers we target all read WebP). */
export function sharpVariantMaker(): VariantMaker {
  return {
    async make(source: Uint8Array): Promise<MadeVariants> {
      const image = sharp(source).rotate();
      const { data: original, info } = await image.clone().jpeg({ quality: 88, mozjpeg: true }).toBuffer({ resolveWithObject: true });
      const display = await Promise.all(
        displayWidthsFor(info.width).map(async (width) => {
          const { data, info: out } = await image
            .clone()
            .resize({ width, withoutEnlargement: true })
            .webp({ quality: 78, effort: 4 })
            .toBuffer({ resolveWithObject: true });
          return { bytes: new Uint8Array(data), width: out.width, height: out.height, format: 'webp' as const };
        }),
      );
      return { original: { bytes: new Uint8Array(original), width: info.width, height: info.height, format: 'jpeg' }, display };
    },
  };
}
