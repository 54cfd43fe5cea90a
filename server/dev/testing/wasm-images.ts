/**
 * Real photos for tests that run inside workerd, where sharp cannot make them: pixels encoded with
 * the Worker's own jSquash codecs, and the metadata of the image-fixtures.ts photos (EXIF camera
 * and GPS, XMP city, ICC profile; the JPEG's orientation 6) spliced in at any size.
 */
import encodeJpeg, { init as initJpegEncode } from '@jsquash/jpeg/encode.js';
import encodePng, { init as initPng } from '@jsquash/png/encode.js';
import { concatBytes } from '../../media/strip-metadata.ts';
import type { WasmCodecs } from '../../media/wasm-variants.ts';
import { PHOTO_WITH_GPS } from './image-fixtures.ts';

/** A diagonal two-colour gradient, `width` × `height`, as RGBA. */
export function gradient(width: number, height: number, from: [number, number, number] = [224, 164, 88], to: [number, number, number] = [61, 122, 200]): ImageData {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = (x / width + y / height) / 2;
      const i = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) data[i + c] = from[c]! + (to[c]! - from[c]!) * t;
      data[i + 3] = 255;
    }
  }
  return { data, width, height, colorSpace: 'srgb' } as ImageData;
}

export async function encodedImage(codecs: WasmCodecs, format: 'jpeg' | 'png', pixels: ImageData): Promise<Uint8Array> {
  if (format === 'jpeg') {
    await initJpegEncode(codecs.jpegEncode);
    return new Uint8Array(await encodeJpeg(pixels, { quality: 85 }));
  }
  await initPng(codecs.pngDecode);
  return new Uint8Array(await encodePng(pixels));
}

/** `image` with the fixture photo's metadata: a JPEG gets its APPn segments, a PNG its chunks before IDAT. */
export function withFixtureMetadata(image: Uint8Array, format: 'jpeg' | 'png'): Uint8Array {
  const fixture = PHOTO_WITH_GPS[format];
  if (format === 'jpeg') {
    // The fixture's SOI and APPn segments (EXIF, XMP, ICC), then everything of `image` after its SOI and APP0.
    const appEnd = segmentsEnd(fixture, (marker) => marker >= 0xe0 && marker <= 0xef);
    const bodyStart = segmentsEnd(image, (marker) => marker === 0xe0);
    return concatBytes([fixture.subarray(0, appEnd), image.subarray(bodyStart)]);
  }
  // Signature and IHDR are the first 33 bytes of any PNG; the fixture's other chunks up to IDAT go after them.
  const idat = chunkOffset(fixture, 'IDAT');
  return concatBytes([image.subarray(0, 33), fixture.subarray(33, idat), image.subarray(33)]);
}

function segmentsEnd(jpeg: Uint8Array, keep: (marker: number) => boolean): number {
  const view = new DataView(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength);
  let offset = 2;
  while (keep(jpeg[offset + 1]!)) offset += 2 + view.getUint16(offset + 2);
  return offset;
}

function chunkOffset(png: Uint8Array, type: string): number {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  for (let offset = 8; offset < png.length; offset += 12 + view.getUint32(offset)) {
    if (String.fromCharCode(...png.subarray(offset + 4, offset + 8)) === type) return offset;
  }
  throw new Error(`no ${type} chunk`);
}

/**
 * The renderer of the fake Instagram CDN (and the imports' open web) inside workerd: a gradient
 * PNG of the scene SVG's size divided by `scale`, so collected media go through the Worker's
 * real variant maker. Collection tests re-host 70 posts in one go; at a third of 1080 px each
 * costs about a tenth of a full-size photo. One PNG per size is made and kept.
 */
export function gradientPngRenderer(codecs: WasmCodecs, scale = 1) {
  const made = new Map<string, Promise<Uint8Array>>();
  return (svg: string): Promise<Uint8Array> => {
    const width = Math.round(Number(/\bwidth="(\d+)"/.exec(svg)?.[1]) / scale);
    const height = Math.round(Number(/\bheight="(\d+)"/.exec(svg)?.[1]) / scale);
    if (!width || !height) throw new Error('gradientPngRenderer needs an SVG with width and height');
    const key = `${width}x${height}`;
    if (!made.has(key)) made.set(key, encodedImage(codecs, 'png', gradient(width, height)));
    return made.get(key)!;
  };
}
