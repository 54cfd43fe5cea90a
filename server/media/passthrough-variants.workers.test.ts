/**
 * The Workers variant maker inside workerd: what it stores carries none of the photo's metadata
 * (EXIF camera and GPS, XMP), PNG is accepted, and anything else is refused by name.
 */
import { describe, expect, it } from 'vitest';
import { PHOTO_WITH_GPS, metadataTraces } from '../dev/testing/image-fixtures.ts';
import { passthroughVariantMaker } from './passthrough-variants.ts';

describe('passthrough renditions in workerd', () => {
  it.each(['jpeg', 'png', 'webp'] as const)('a %s keeps its pixels and loses its EXIF GPS, camera and XMP', async (format) => {
    const source = PHOTO_WITH_GPS[format];
    expect(metadataTraces(source)).toEqual(['EXIF camera', 'EXIF GPS', 'XMP city']);
    const made = await passthroughVariantMaker.make(source);
    for (const rendition of [made.original, ...made.display]) {
      expect(rendition.format).toBe(format);
      expect(metadataTraces(rendition.bytes)).toEqual([]);
      expect(rendition.bytes.byteLength).toBeLessThan(source.byteLength);
    }
  });

  it('keeps a JPEG orientation alone, and gives the size as it is shown', async () => {
    const made = await passthroughVariantMaker.make(PHOTO_WITH_GPS.jpeg);
    // Stored 8 × 6, orientation 6: shown 6 wide and 8 high.
    expect(made.original).toMatchObject({ width: 6, height: 8 });
    const text = String.fromCharCode(...made.original.bytes.subarray(0, 64));
    expect(text).toContain('Exif\0\0MM');
  });

  it.each([
    ['GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'is not a JPEG, PNG or WebP image (it is GIF)'],
    ['<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', 'is not a JPEG, PNG or WebP image (it is SVG)'],
    ['\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic', 'is not a JPEG, PNG or WebP image (it is HEIC)'],
  ])('refuses %j, naming the accepted formats', async (file, message) => {
    await expect(passthroughVariantMaker.make(Uint8Array.from(file, (c) => c.charCodeAt(0)))).rejects.toThrow(message);
  });

  it('refuses more pixels than accepted from the header alone', async () => {
    const png = PHOTO_WITH_GPS.png.slice();
    new DataView(png.buffer).setUint32(16, 10_000);
    new DataView(png.buffer).setUint32(20, 8_000);
    await expect(passthroughVariantMaker.make(png)).rejects.toThrow('is 10000 × 8000 px, more than the 50 megapixels accepted');
  });
});
