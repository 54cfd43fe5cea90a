const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** A prefixed random id (`post_3k9x…`): 16 characters of Crockford base32, 80 bits. */
export function newId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 31];
  return `${prefix}_${out}`;
}
