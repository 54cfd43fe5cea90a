import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { metadataTraces, PHOTO_WITH_GPS } from '../dev/testing/image-fixtures.ts';
import { nodeWasmCodecs } from './node-wasm-codecs.ts';
import { sharpVariantMaker } from './sharp-variants.ts';
import type { MadeVariants } from './variants.ts';
import { wasmVariantMaker } from './wasm-variants.ts';

const maker = sharpVariantMaker();
/** The Worker's maker, compiled on Node: sharp reads what it writes. */
const workerMaker = wasmVariantMaker(await nodeWasmCodecs());
const renditions = (made: MadeVariants) => [made.original, ...made.display];

/** A 1200 × 800 upright phone JPEG with EXIF GPS and XMP: kept as downloaded, so stripped in JS. */
async function uprightPhoto(format: 'jpeg' | 'webp') {
  const image = sharp({ create: { width: 1200, height: 800, channels: 3, background: '#3d7ac8' } })
    .withExif({ IFD0: { Make: 'PhoneCo' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 2976/100' } })
    .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:City="Paris"/></rdf:RDF></x:xmpmeta>');
  return new Uint8Array(await (format === 'jpeg' ? image.jpeg() : image.webp()).toBuffer());
}

describe('no stored rendition carries the photo metadata (Node, sharp)', () => {
  it.each([
    ['jpeg', 'sharp'],
    ['webp', 'sharp'],
    ['jpeg', 'Worker'],
    ['webp', 'Worker'],
  ] as const)('an upright %s (%s): the original kept as downloaded is stripped, the renditions written without', async (format, which) => {
    const source = await uprightPhoto(format);
    expect(metadataTraces(source)).toEqual(['EXIF camera', 'EXIF GPS', 'XMP city']);
    const made = await (which === 'sharp' ? maker : workerMaker).make(source);
    expect(made.original).toMatchObject({ format, width: 1200, height: 800 });
    expect(made.display.map((d) => d.width)).toEqual([320, 640, 1080]);
    for (const rendition of renditions(made)) {
      expect(metadataTraces(rendition.bytes)).toEqual([]);
      const meta = await sharp(rendition.bytes).metadata();
      expect(meta).toMatchObject({ width: rendition.width, height: rendition.height });
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
    }
  });

  it.each(['jpeg', 'png', 'webp'] as const)('the %s fixture (rotated JPEG, PNG, WebP with ICC) on both makers', async (format) => {
    for (const made of [await maker.make(PHOTO_WITH_GPS[format]), await workerMaker.make(PHOTO_WITH_GPS[format])]) {
      for (const rendition of renditions(made)) {
        expect(metadataTraces(rendition.bytes)).toEqual([]);
        // Still a well-formed image of the size recorded for it, turned as the photo is shown.
        expect((await sharp(rendition.bytes).metadata()).autoOrient).toEqual({ width: rendition.width, height: rendition.height });
      }
    }
  });

  it('turns a rotated JPEG upright on both makers: the same sizes, and no EXIF left to turn it again', async () => {
    const [node, worker] = [await maker.make(PHOTO_WITH_GPS.jpeg), await workerMaker.make(PHOTO_WITH_GPS.jpeg)];
    expect(worker.original).toMatchObject({ format: node.original.format, width: node.original.width, height: node.original.height });
    expect(worker.display.map((d) => [d.format, d.width, d.height])).toEqual(node.display.map((d) => [d.format, d.width, d.height]));
    for (const rendition of renditions(worker)) expect((await sharp(rendition.bytes).metadata()).exif).toBeUndefined();
  });
});

describe('what the Node maker accepts', () => {
  it.each([
    ['GIF', () => sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } }).gif().toBuffer()],
    ['TIFF', () => sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } }).tiff().toBuffer()],
    ['SVG', async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>')],
  ])('refuses a %s, naming the accepted formats', async (name, make) => {
    await expect(maker.make(new Uint8Array(await make()))).rejects.toThrow(`is not a JPEG, PNG or WebP image (it is ${name})`);
  });

  it('refuses an image over the pixel limit from its header, before decoding', async () => {
    const png = new Uint8Array(await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } }).png().toBuffer());
    new DataView(png.buffer).setUint32(16, 12_000);
    new DataView(png.buffer).setUint32(20, 12_000);
    await expect(maker.make(png)).rejects.toThrow('is 12000 × 12000 px, more than the 50 megapixels accepted');
  });
});
