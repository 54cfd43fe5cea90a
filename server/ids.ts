const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** A prefixed random id (`post_3k9x…`): 16 characters of Crockford base32, 80 bits. */
export function newId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 31];
  return `${prefix}_${out}`;
}

let sequence = 0;

/**
 * An id that sorts by creation: the time, then a per-process sequence, then randomness. Rows
 * made in the same millisecond by one process keep their order (the audit log relies on it);
 * rows from different processes stay unique.
 */
export function newSortableId(prefix: string, now: number): string {
  sequence = (sequence + 1) % 36 ** 4;
  return `${prefix}_${now.toString(36).padStart(9, '0')}${sequence.toString(36).padStart(4, '0')}${newId('x').slice(2, 10)}`;
}
