import type { ByteRange } from '../media/store.ts';

/**
 * The one range a `Range: bytes=…` header asks of a file of `size` bytes (RFC 9110 §14.1.2):
 * `a-b`, `a-` or the suffix `-n`, the end clamped to the file. `null` when there is no header or
 * it is not one we serve (a list of ranges, another unit): the whole file then answers, which
 * the RFC allows. `'unsatisfiable'` when the range starts past the end (a 416).
 */
export function requestedRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    const suffix = Math.min(Number(last), size);
    return suffix === 0 ? 'unsatisfiable' : { offset: size - suffix, length: suffix };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size) return 'unsatisfiable';
  if (end < start) return null;
  return { offset: start, length: end - start + 1 };
}
