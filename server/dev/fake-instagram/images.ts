/**
 * The pictures behind CDN URLs: drawn offline as SVG scenes (the demo's own room-corner
 * renderer), rasterised to JPEG once per object and kept.
 */
import { DEMO_PRODUCTS } from '../seed/demo-content.ts';
import { ASPECT_SIZES, demoSceneSvg } from '../seed/demo-scene.ts';
import { hash53 } from './random.ts';
import type { Aspect } from './types.ts';

export type RenderImage = (svg: string) => Promise<Uint8Array>;

/** 1080 px wide in Instagram's three feed ratios (1:1, 4:5, 1.91:1). */
export function sceneSvg(objectId: string, aspect: Aspect): string {
  const seed = hash53(objectId) % 2147483647;
  const first = seed % DEMO_PRODUCTS.length;
  const shown = [DEMO_PRODUCTS[first], DEMO_PRODUCTS[(first + 1 + (seed % 3)) % DEMO_PRODUCTS.length]].filter((p) => p !== undefined);
  return demoSceneSvg(seed, ASPECT_SIZES[aspect], shown);
}

/** sharp, imported on first use so that importing the fake never needs a Node-only module. */
export const sharpRenderImage: RenderImage = async (svg) => {
  const { default: sharp } = await import('sharp');
  return new Uint8Array(await sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer());
};

/** One rendering per key, even when several requests ask at once. */
export function memoize(make: (key: string) => Promise<Uint8Array>): (key: string) => Promise<Uint8Array> {
  const cache = new Map<string, Promise<Uint8Array>>();
  return (key) => {
    let bytes = cache.get(key);
    if (!bytes) {
      bytes = make(key);
      cache.set(key, bytes);
      bytes.catch(() => cache.delete(key));
    }
    return bytes;
  };
}
