import { displayWidthsFor, type Rendition, type VariantMaker } from '../../media/variants.ts';

/** A valid 1×1 lossless WebP. */
const PIXEL = Uint8Array.from(atob('UklGRh4AAABXRUJQVlA4TBEAAAAvAAAAAAfQqiK3p/+BiOh/AAA='), (c) => c.charCodeAt(0));

/**
 * A variant maker for API tests on Node, where pixels do not matter, and for the demo seed of
 * both harnesses (workerd's runs the Worker's real maker for everything else): it reads the
 * source SVG's size and yields the renditions a real maker would list, each carrying the same
 * one-pixel WebP. Never used outside tests.
 */
export const placeholderVariantMaker: VariantMaker = {
  async make(source) {
    const svg = new TextDecoder().decode(source);
    const width = Number(/\bwidth="(\d+)"/.exec(svg)?.[1]);
    const height = Number(/\bheight="(\d+)"/.exec(svg)?.[1]);
    if (!width || !height) throw new Error('placeholderVariantMaker needs an SVG with width and height');
    const rendition = (w: number): Rendition => ({ bytes: PIXEL, width: w, height: Math.round((height * w) / width), format: 'webp' });
    return { original: { ...rendition(width), format: 'webp' }, display: displayWidthsFor(width).map(rendition) };
  },
};
