const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

const ID_BYTES = 16;
// Random bytes for 256 ids at a time: one call to the system's source instead of one per id
// (a 50,000-product import makes 50,000 ids). Filled lazily: Workers refuse it at module load.
const pool = new Uint8Array(ID_BYTES * 256);
let offset = pool.length;

/** A prefixed random id (`post_3k9x…`): 16 characters of Crockford base32, 80 bits. */
export function newId(prefix: string): string {
  if (offset === pool.length) {
    crypto.getRandomValues(pool);
    offset = 0;
  }
  let out = '';
  for (let i = offset; i < offset + ID_BYTES; i++) out += ALPHABET[pool[i]! & 31];
  offset += ID_BYTES;
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
