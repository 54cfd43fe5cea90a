/**
 * Draws a demo "customer photo" as SVG: a softly lit room corner with the tagged products on
 * a table. Deterministic per seed, made entirely offline, so the demo needs no network and no
 * stock photos. Pure: the renderer that rasterises it lives elsewhere.
 */
import type { DemoProduct } from './demo-content.ts';
import { seededRandom } from './random.ts';

export const ASPECT_SIZES = {
  square: { width: 1080, height: 1080 },
  portrait: { width: 1080, height: 1350 },
  landscape: { width: 1080, height: 566 },
} as const;

const WALLS = ['#f4efe6', '#e8eef0', '#efe4dc', '#e6ebe0', '#f0e6ef', '#e9e4d8'];
const TABLES = ['#a47551', '#8c6a4f', '#c9b79c', '#5e4b3c', '#d8cbb8'];

export function demoSceneSvg(seed: number, size: { width: number; height: number }, shown: DemoProduct[]): string {
  const rand = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const { width: w, height: h } = size;
  const tableY = h * (0.58 + rand() * 0.12);
  const light = { x: w * (0.15 + rand() * 0.7), y: h * 0.1 };
  const items = shown
    .map((product, i) => {
      const slot = (i + 1) / (shown.length + 1);
      const cx = w * (slot + (rand() - 0.5) * 0.12);
      const scale = (Math.min(w, h) / 1080) * (0.9 + rand() * 0.3);
      return productSvg(product, cx, tableY, scale);
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
<defs>
<radialGradient id="light" cx="${light.x}" cy="${light.y}" r="${Math.max(w, h) * 0.9}" gradientUnits="userSpaceOnUse">
<stop offset="0" stop-color="#ffffff" stop-opacity="0.75"/><stop offset="1" stop-color="#000000" stop-opacity="0.18"/></radialGradient>
<linearGradient id="table" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${pick(TABLES)}"/><stop offset="1" stop-color="#3b2f27"/></linearGradient>
</defs>
<rect width="${w}" height="${h}" fill="${pick(WALLS)}"/>
<rect x="${w * (0.55 + rand() * 0.2)}" y="${h * 0.08}" width="${w * 0.22}" height="${h * 0.3}" fill="#ffffff" opacity="0.35" rx="6"/>
<rect y="${tableY}" width="${w}" height="${h - tableY}" fill="url(#table)"/>
${items}
<rect width="${w}" height="${h}" fill="url(#light)"/>
</svg>`;
}

function productSvg(product: DemoProduct, cx: number, baseY: number, s: number): string {
  const c = product.color;
  const shadow = `<ellipse cx="${cx}" cy="${baseY + 8 * s}" rx="${110 * s}" ry="${16 * s}" fill="#000" opacity="0.22"/>`;
  switch (product.shape) {
    case 'lamp':
      return `${shadow}<rect x="${cx - 8 * s}" y="${baseY - 300 * s}" width="${16 * s}" height="${300 * s}" fill="#333"/>
<path d="M${cx - 120 * s} ${baseY - 300 * s} L${cx - 60 * s} ${baseY - 420 * s} L${cx + 60 * s} ${baseY - 420 * s} L${cx + 120 * s} ${baseY - 300 * s} Z" fill="${c}"/>
<ellipse cx="${cx}" cy="${baseY}" rx="${70 * s}" ry="${14 * s}" fill="#333"/>`;
    case 'vase':
      return `${shadow}<path d="M${cx - 40 * s} ${baseY - 330 * s} Q${cx - 130 * s} ${baseY - 150 * s} ${cx - 70 * s} ${baseY} L${cx + 70 * s} ${baseY} Q${cx + 130 * s} ${baseY - 150 * s} ${cx + 40 * s} ${baseY - 330 * s} Z" fill="${c}"/>
<path d="M${cx} ${baseY - 330 * s} q${-30 * s} ${-120 * s} ${-90 * s} ${-160 * s} M${cx} ${baseY - 330 * s} q${40 * s} ${-100 * s} ${100 * s} ${-140 * s}" stroke="#9c8a5a" stroke-width="${6 * s}" fill="none"/>`;
    case 'mug':
      return `${shadow}<rect x="${cx - 70 * s}" y="${baseY - 150 * s}" width="${140 * s}" height="${150 * s}" rx="${18 * s}" fill="${c}"/>
<path d="M${cx + 70 * s} ${baseY - 120 * s} q${60 * s} 0 ${60 * s} ${50 * s} q0 ${50 * s} ${-60 * s} ${50 * s}" stroke="${c}" stroke-width="${16 * s}" fill="none"/>`;
    case 'bag':
      return `${shadow}<path d="M${cx - 60 * s} ${baseY - 260 * s} q${60 * s} ${-120 * s} ${120 * s} 0" stroke="${c}" stroke-width="${14 * s}" fill="none"/>
<path d="M${cx - 120 * s} ${baseY - 260 * s} L${cx + 120 * s} ${baseY - 260 * s} L${cx + 100 * s} ${baseY} L${cx - 100 * s} ${baseY} Z" fill="${c}"/>`;
    case 'cushion':
      return `${shadow}<rect x="${cx - 130 * s}" y="${baseY - 200 * s}" width="${260 * s}" height="${200 * s}" rx="${60 * s}" fill="${c}"/>
<line x1="${cx - 100 * s}" y1="${baseY - 100 * s}" x2="${cx + 100 * s}" y2="${baseY - 100 * s}" stroke="#ffffff" stroke-opacity="0.25" stroke-width="${6 * s}"/>`;
    case 'candle':
      return `${shadow}<rect x="${cx - 60 * s}" y="${baseY - 170 * s}" width="${120 * s}" height="${170 * s}" rx="${10 * s}" fill="${c}"/>
<rect x="${cx - 60 * s}" y="${baseY - 110 * s}" width="${120 * s}" height="${50 * s}" fill="#6b7f3a" opacity="0.6"/>
<ellipse cx="${cx}" cy="${baseY - 205 * s}" rx="${12 * s}" ry="${26 * s}" fill="#ffb347"/>`;
  }
}
