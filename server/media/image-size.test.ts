import sharp from 'sharp';
import { expect, it } from 'vitest';
import { readImageSize } from './image-size.ts';

const image = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#c8553d' } });

it.each([
  ['jpeg', (w: number, h: number) => image(w, h).jpeg().toBuffer()],
  ['jpeg', (w: number, h: number) => image(w, h).jpeg({ progressive: true }).toBuffer()],
  ['png', (w: number, h: number) => image(w, h).png().toBuffer()],
  ['webp', (w: number, h: number) => image(w, h).webp().toBuffer()],
  ['webp', (w: number, h: number) => image(w, h).webp({ lossless: true }).toBuffer()],
  ['webp', (w: number, h: number) => image(w, h).ensureAlpha().webp({ alphaQuality: 50 }).toBuffer()],
] as const)('reads the size of a %s', async (format, make) => {
  for (const [w, h] of [[1080, 1350], [321, 17]] as const) {
    expect(readImageSize(new Uint8Array(await make(w, h)))).toEqual({ format, width: w, height: h });
  }
});

it('says null for what is not an image', () => {
  expect(readImageSize(new TextEncoder().encode('<svg width="10" height="10"/>'))).toBeNull();
  expect(readImageSize(new Uint8Array([0xff, 0xd8, 0x00]))).toBeNull();
});
