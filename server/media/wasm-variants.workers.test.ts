/**
 * The Worker's own variant maker inside workerd, with the codecs as the Worker imports them: three
 * WebP widths of the photo as shown, none of its metadata (EXIF camera and GPS, XMP), PNG accepted,
 * anything else refused by name, and nothing decoded that the header says is too big.
 */
import decodeWebp, { init as initWebpDecode } from '@jsquash/webp/decode.js';
import { describe, expect, it } from 'vitest';
import { PHOTO_WITH_GPS, metadataTraces } from '../dev/testing/image-fixtures.ts';
import { encodedImage, gradient, withFixtureMetadata } from '../dev/testing/wasm-images.ts';
import { workerCodecs } from '../entry/worker-codecs.ts';
import { readImageSize } from './image-size.ts';
import type { Rendition } from './variants.ts';
import { wasmVariantMaker } from './wasm-variants.ts';

const maker = wasmVariantMaker(workerCodecs);

/** Decodes a rendition for real: its pixels are the size it is recorded with. */
async function decodedSize(rendition: Rendition) {
  await initWebpDecode(workerCodecs.webpDecode);
  const { width, height } = await decodeWebp(rendition.bytes.slice().buffer);
  return { width, height };
}

function expectNoMetadata(bytes: Uint8Array) {
  expect(metadataTraces(bytes)).toEqual([]);
  const text = Array.from(bytes, (b) => String.fromCharCode(b)).join('');
  for (const marker of ['Exif', 'EXIF', 'XMP ', 'ICCP', 'ICC_PROFILE']) expect(text).not.toContain(marker);
}

describe('Worker renditions (jSquash WebAssembly in workerd)', () => {
  it('a phone JPEG with EXIF GPS, stored 900 × 1400 and turned by its orientation: three upright WebP widths, no EXIF', async () => {
    const source = withFixtureMetadata(await encodedImage(workerCodecs, 'jpeg', gradient(900, 1400)), 'jpeg');
    expect(metadataTraces(source)).toEqual(['EXIF camera', 'EXIF GPS', 'XMP city']);
    const made = await maker.make(source);
    // Orientation 6: shown 1400 wide and 900 high; the original is re-encoded upright.
    expect(made.original).toMatchObject({ format: 'jpeg', width: 1400, height: 900 });
    expect(readImageSize(made.original.bytes)).toEqual({ format: 'jpeg', width: 1400, height: 900 });
    expect(made.display.map(({ format, width, height }) => ({ format, width, height }))).toEqual([
      { format: 'webp', width: 320, height: 206 },
      { format: 'webp', width: 640, height: 411 },
      { format: 'webp', width: 1080, height: 694 },
    ]);
    for (const rendition of [made.original, ...made.display]) expectNoMetadata(rendition.bytes);
    for (const rendition of made.display) expect(await decodedSize(rendition)).toEqual({ width: rendition.width, height: rendition.height });
  });

  it('a PNG with EXIF and XMP chunks: a JPEG original and three WebP widths, no metadata', async () => {
    const source = withFixtureMetadata(await encodedImage(workerCodecs, 'png', gradient(1200, 800)), 'png');
    expect(metadataTraces(source)).toEqual(['EXIF camera', 'EXIF GPS', 'XMP city']);
    const made = await maker.make(source);
    expect(made.original).toMatchObject({ format: 'jpeg', width: 1200, height: 800 });
    expect(made.display.map((d) => [d.width, d.height])).toEqual([[320, 213], [640, 427], [1080, 720]]);
    for (const rendition of [made.original, ...made.display]) expectNoMetadata(rendition.bytes);
    for (const rendition of made.display) expect(await decodedSize(rendition)).toEqual({ width: rendition.width, height: rendition.height });
  });

  it('keeps a see-through PNG see-through in its WebP renditions', async () => {
    const pixels = gradient(1200, 800);
    // The left half fully transparent.
    for (let y = 0; y < 800; y++) for (let x = 0; x < 600; x++) pixels.data[(y * 1200 + x) * 4 + 3] = 0;
    const made = await maker.make(await encodedImage(workerCodecs, 'png', pixels));
    await initWebpDecode(workerCodecs.webpDecode);
    const shown = await decodeWebp(made.display[0]!.bytes.slice().buffer);
    const alphaAt = (x: number, y: number) => shown.data[(y * shown.width + x) * 4 + 3];
    expect([alphaAt(10, 100), alphaAt(310, 100)]).toEqual([0, 255]);
  });

  it('an upright JPEG or WebP original is kept as downloaded, its metadata stripped', async () => {
    const made = await maker.make(PHOTO_WITH_GPS.webp);
    expect(made.original).toMatchObject({ format: 'webp', width: 8, height: 6 });
    expect(metadataTraces(made.original.bytes)).toEqual([]);
    // Smaller than every standard width: one rendition at its own width.
    expect(made.display.map((d) => [d.format, d.width, d.height])).toEqual([['webp', 8, 6]]);
    expect(await decodedSize(made.display[0]!)).toEqual({ width: 8, height: 6 });
  });

  it.each([
    ['GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'is not a JPEG, PNG or WebP image (it is GIF)'],
    ['<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', 'is not a JPEG, PNG or WebP image (it is SVG)'],
    ['\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic', 'is not a JPEG, PNG or WebP image (it is HEIC)'],
  ])('refuses %j, naming the accepted formats', async (file, message) => {
    await expect(maker.make(Uint8Array.from(file, (c) => c.charCodeAt(0)))).rejects.toThrow(message);
  });

  it('refuses a decoding bomb from its header: over 50 MP as on Node, over 4 MP on a Worker', async () => {
    const png = PHOTO_WITH_GPS.png.slice();
    const view = new DataView(png.buffer);
    view.setUint32(16, 10_000);
    view.setUint32(20, 8_000);
    await expect(maker.make(png)).rejects.toThrow('is 10000 × 8000 px, more than the 50 megapixels accepted');
    view.setUint32(16, 4_032);
    view.setUint32(20, 3_024);
    await expect(maker.make(png)).rejects.toThrow('is 4032 × 3024 px, more than the 4 megapixels accepted here');
  });

  it('refuses a file whose header promises an image its data does not hold', async () => {
    // Chunks well formed, so the metadata stripper passes it; the compressed pixels are noise.
    const png = PHOTO_WITH_GPS.png.slice();
    const idat = String.fromCharCode(...png).indexOf('IDAT') + 4;
    png.fill(0xa5, idat, idat + 8);
    await expect(maker.make(png)).rejects.toThrow('is a PNG that could not be decoded');
  });
});
