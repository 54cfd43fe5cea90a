import { acceptedImage } from './accept-image.ts';
import { stripMetadata } from './strip-metadata.ts';
import type { VariantMaker } from './variants.ts';

/**
 * The variant maker for runtimes without an image codec (Workers): it keeps the downloaded
 * JPEG, PNG or WebP, its metadata stripped, as both original and single display rendition at
 * its own size. Pages get one `srcset` candidate instead of three, until a wasm codec or the
 * Images binding is wired in.
 */
export const passthroughVariantMaker: VariantMaker = {
  async make(source) {
    const size = acceptedImage(source);
    const { bytes, orientation } = stripMetadata(source, size.format);
    // Browsers honour the kept orientation: a quarter-turned photo is shown the other way round.
    const turned = orientation >= 5;
    const rendition = { bytes, width: turned ? size.height : size.width, height: turned ? size.width : size.height, format: size.format };
    return { original: rendition, display: [rendition] };
  },
};
