import { t } from '../../../i18n/i18n.ts';
/** Hotspot positions: fractions (0..1) of the media's width and height, as the API stores them. */
export interface Point {
  x: number;
  y: number;
}

/** One arrow key press moves a hotspot 1% of the media; with Shift, 10%. */
export const STEP = 0.01;
export const BIG_STEP = 0.1;

const ARROWS: Record<string, Point> = { ArrowLeft: { x: -1, y: 0 }, ArrowRight: { x: 1, y: 0 }, ArrowUp: { x: 0, y: -1 }, ArrowDown: { x: 0, y: 1 } };

/** Keeps a coordinate on the media, rounded to 4 decimals so what is saved is what was shown. */
const fraction = (value: number): number => Math.round(Math.min(1, Math.max(0, value)) * 10_000) / 10_000;

/** Where a pointer sits on a box (the media's on-screen rectangle), kept inside it. */
export function pointAt(clientX: number, clientY: number, box: Pick<DOMRect, 'left' | 'top' | 'width' | 'height'>): Point {
  return { x: fraction((clientX - box.left) / (box.width || 1)), y: fraction((clientY - box.top) / (box.height || 1)) };
}

/** The point an arrow key moves to, or null for any other key. */
export function nudge(point: Point, key: string, big: boolean): Point | null {
  const direction = ARROWS[key];
  if (!direction) return null;
  const step = big ? BIG_STEP : STEP;
  return { x: fraction(point.x + direction.x * step), y: fraction(point.y + direction.y * step) };
}

export const samePoint = (a: Point, b: Point): boolean => a.x === b.x && a.y === b.y;

/** How a position reads aloud and in labels: "40% across, 25% down". */
export const describePoint = (point: Point): string => t('tag.point', { x: Math.round(point.x * 100), y: Math.round(point.y * 100) });

/** CSS placement of a hotspot's centre. */
export const placeAt = (point: Point): { left: string; top: string } => ({ left: `${point.x * 100}%`, top: `${point.y * 100}%` });
