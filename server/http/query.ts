import { decodeCursor, InvalidCursorError, type Cursor } from '../lib/cursor.ts';
import { cutText } from '../../shared/text.ts';
import { invalidParameter } from '../domain/errors.ts';

/** Parses an optional integer query parameter within [min, max], naming it when it is wrong. */
export function intParam(
  raw: string | undefined,
  name: string,
  { min, max, fallback }: { min: number; max: number; fallback: number },
): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) throw invalidParameter(name, `must be an integer, got "${cutText(raw, 40)}"`);
  const value = Number(raw);
  if (value < min || value > max) throw invalidParameter(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

/** Parses an optional `cursor` query parameter into the kind of cursor the list pages by. */
export function cursorParam(raw: string | undefined, expected: Cursor['kind']): Cursor | null {
  if (raw === undefined || raw === '') return null;
  let cursor: Cursor;
  try {
    cursor = decodeCursor(raw);
  } catch (error) {
    if (error instanceof InvalidCursorError) throw invalidParameter('cursor', error.message);
    throw error;
  }
  if (cursor.kind !== expected) throw invalidParameter('cursor', 'does not come from a previous page of this list');
  return cursor;
}
