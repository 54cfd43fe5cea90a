/**
 * Turning one source image into what Vitrine stores: the original (kept for re-processing and
 * evidence) and display renditions at fixed widths for `srcset`, every one without the source's
 * metadata. Implemented with sharp on Node (sharp-variants.ts) and with jSquash's WebAssembly
 * codecs on Workers (wasm-variants.ts), to the same widths and formats.
 */
export const DISPLAY_WIDTHS = [320, 640, 1080] as const;

export interface Rendition {
  bytes: Uint8Array;
  width: number;
  height: number;
  format: 'webp' | 'jpeg' | 'png';
}

export interface MadeVariants {
  original: Rendition;
  /** Ascending by width; never wider than the source. */
  display: Rendition[];
}

export interface VariantMaker {
  make(source: Uint8Array): Promise<MadeVariants>;
}

/** Display widths to make for a source `width` px wide: each standard width it covers, at least one. */
export function displayWidthsFor(width: number): number[] {
  const widths = DISPLAY_WIDTHS.filter((w) => w <= width);
  return widths.length > 0 ? widths : [width];
}
