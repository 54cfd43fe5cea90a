import { html, nothing } from 'lit';
import type { TileImage } from './tile-image.ts';

/**
 * A post's picture as an <img> whose width the browser picks from `srcset` by `sizes`, its box
 * reserved by width and height before it arrives. Tiles load lazily; the lightbox's picture is
 * the one the shopper asked for, so it loads at once and first.
 */
export const responsiveImg = (image: TileImage, { sizes, part, className, lazy }: { sizes: string; part: string; className?: string; lazy: boolean }) =>
  // Loading hints and sizes come before src and srcset, so the browser never picks eagerly.
  // On one line: the template's text ships as written, within the first paint's gzip budget.
  html`<img class=${className ?? nothing} part=${part} loading=${lazy ? 'lazy' : nothing} decoding=${lazy ? 'async' : nothing} fetchpriority=${lazy ? nothing : 'high'} width=${image.width} height=${image.height} alt=${image.alt} sizes=${sizes} srcset=${image.srcset} src=${image.src} />`;
