import { readImageSize } from './image-size.ts';
import type { VariantMaker } from './variants.ts';

/**
 * The variant maker for runtimes without an image codec (Workers): it keeps the downloaded
 * JPEG or WebP as both original and single display rendition at its own size. Pages get one
 * `srcset` candidate instead of three, until a wasm codec or the Images binding is wired in.
 */
export const passthroughVariantMaker: VariantMaker = {
  async make(source) {
    const size = readImageSize(source);
    if (!size || size.format === 'png') throw new Error('unsupported image: expected a JPEG or WebP file');
    const rendition = { bytes: source, width: size.width, height: size.height, format: size.format };
    return { original: rendition, display: [rendition] };
  },
};
