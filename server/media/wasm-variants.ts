import decodeJpeg, { init as initJpegDecode } from '@jsquash/jpeg/decode.js';
import encodeJpeg, { init as initJpegEncode } from '@jsquash/jpeg/encode.js';
import decodePng, { init as initPng } from '@jsquash/png/decode.js';
import resize, { initResize } from '@jsquash/resize';
import decodeWebp, { init as initWebpDecode } from '@jsquash/webp/decode.js';
import encodeWebp, { init as initWebpEncode } from '@jsquash/webp/encode.js';
import { acceptedImage, ImageRefusedError } from './accept-image.ts';
import type { ImageSize } from './image-size.ts';
import { stripMetadata } from './strip-metadata.ts';
import { displayWidthsFor, type MadeVariants, type Rendition, type VariantMaker } from './variants.ts';

/**
 * The compiled codecs (jSquash: MozJPEG, libwebp, the png crate, squoosh's resize). Workers may
 * not compile WebAssembly from bytes at run time, so the Worker imports each `.wasm` file as a
 * module (worker-codecs.ts) and hands it over; Node compiles them from node_modules
 * (node-wasm-codecs.ts) for the dev seed and the bench.
 */
export interface WasmCodecs {
  jpegDecode: WebAssembly.Module;
  jpegEncode: WebAssembly.Module;
  pngDecode: WebAssembly.Module;
  webpDecode: WebAssembly.Module;
  /** The SIMD build (workerd and Node both run WebAssembly SIMD). */
  webpEncode: WebAssembly.Module;
  resize: WebAssembly.Module;
}

/**
 * Above this many pixels a Worker refuses an image even though Node (MAX_IMAGE_PIXELS, 50 MP)
 * takes it, because memory, not CPU, is what bites: a Worker isolate has 128 MB, and the codecs'
 * WebAssembly memories grow to hold the decoded photo (4 bytes a pixel) in the decoder, again in
 * JS and again in the resizer, and never shrink. Measured on Node with the same builds
 * (bench/renditions.ts --memory): 48 MB kept after 2 MP, 69 MB after Instagram's largest
 * (1440 × 1800), 76 MB after 4 MP (2,448 × 1,632), 242 MB after 12 MP. 4 MP leaves room for the app.
 */
export const MAX_WASM_IMAGE_PIXELS = 4_000_000;

/** Same settings as sharp-variants.ts: WebP quality 78 at method 2 (sharp's effort 2). */
const WEBP = { quality: 78, method: 2 } as const;
const JPEG_ORIGINAL = { quality: 88 } as const;

/**
 * The Worker's variant maker, the WebAssembly twin of sharpVariantMaker: the same three WebP
 * display widths and the same originals (an upright JPEG or WebP kept as downloaded with its
 * metadata stripped; a PNG or a rotated JPEG re-encoded as an upright JPEG). The encoders write
 * pixels only, so no rendition carries EXIF, XMP or an ICC profile.
 */
export function wasmVariantMaker(codecs: WasmCodecs, maxPixels = MAX_WASM_IMAGE_PIXELS): VariantMaker {
  let ready: Promise<unknown> | null = null;
  // Instantiated once per isolate, on the first image: a Worker that serves galleries only never pays for it.
  const init = () =>
    (ready ??= Promise.all([
      initJpegDecode(codecs.jpegDecode),
      initJpegEncode(codecs.jpegEncode),
      initPng(codecs.pngDecode),
      initWebpDecode(codecs.webpDecode),
      initWebpEncode(codecs.webpEncode),
      initResize(codecs.resize),
    ]));
  return {
    async make(source: Uint8Array): Promise<MadeVariants> {
      // Format and size from the header first: nothing is decoded that the header says is too big.
      const size = acceptedImage(source);
      if (size.width * size.height > maxPixels) {
        throw new ImageRefusedError(`is ${size.width} × ${size.height} px, more than the ${maxPixels / 1_000_000} megapixels accepted here`);
      }
      await init();
      const { bytes: stripped, orientation } = stripMetadata(source, size.format);
      const pixels = await decode(source, size);
      const original: Rendition =
        size.format !== 'png' && orientation === 1
          ? { bytes: stripped, width: size.width, height: size.height, format: size.format }
          : { bytes: new Uint8Array(await encodeJpeg(pixels, JPEG_ORIGINAL)), width: pixels.width, height: pixels.height, format: 'jpeg' };
      return { original, display: await displayRenditions(pixels, size.format === 'jpeg' || opaque(pixels)) };
    },
  };
}

async function decode(source: Uint8Array, size: ImageSize): Promise<ImageData> {
  const buffer = source.slice().buffer;
  try {
    // MozJPEG turns the pixels upright by the EXIF orientation when asked ("preserveOrientation").
    const pixels = size.format === 'jpeg' ? await decodeJpeg(buffer, { preserveOrientation: true }) : size.format === 'png' ? await decodePng(buffer) : await decodeWebp(buffer);
    if (pixels.width * pixels.height > size.width * size.height) throw new Error('more pixels than the header said');
    return pixels;
  } catch {
    throw new ImageRefusedError(`is a ${size.format.toUpperCase()} that could not be decoded`);
  }
}

/** True when no pixel is see-through (a JPEG never is; most PNGs and WebPs are not). */
function opaque(pixels: ImageData): boolean {
  const { data } = pixels;
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 255) return false;
  return true;
}

/**
 * Widest first, each made from the one before: resizing 1080 → 640 → 320 instead of the full
 * photo three times costs a third of the resampling and holds one full-size copy at a time.
 * Lanczos3 in sRGB, as sharp resizes; premultiplying by alpha only when there is any, since it
 * triples the resampling's cost (measured: 12 MP to 1080 px, 545 ms with both, 168 ms without).
 */
async function displayRenditions(pixels: ImageData, isOpaque: boolean): Promise<Rendition[]> {
  const made: Rendition[] = [];
  let from = pixels;
  for (const width of displayWidthsFor(pixels.width).reverse()) {
    const height = Math.max(1, Math.round((pixels.height * width) / pixels.width));
    const scaled = width === from.width ? from : await resize(from, { width, height, method: 'lanczos3', linearRGB: false, premultiply: !isOpaque });
    made.unshift({ bytes: new Uint8Array(await encodeWebp(scaled, WEBP)), width, height, format: 'webp' });
    from = scaled;
  }
  return made;
}
