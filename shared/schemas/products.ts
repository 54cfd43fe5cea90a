import { z } from 'zod';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not an id');
const fraction = z.number().min(0).max(1);

/** A hotspot: a product shown at (x, y), fractions of the media's width and height. */
export const tagInput = z.strictObject({
  productId: id,
  /** Which carousel child; null or absent: the first media. */
  mediaId: id.nullable().optional(),
  x: fraction,
  y: fraction,
});

export const tagMove = z.strictObject({ x: fraction, y: fraction });
