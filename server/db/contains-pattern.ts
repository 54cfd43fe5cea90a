/**
 * A LIKE pattern matching text that contains `term` (case-folded, `\` as the escape character).
 * D1 refuses patterns over 50 bytes (SQLite's SQLITE_MAX_LIKE_PATTERN_LENGTH as Cloudflare sets
 * it) with "pattern too complex", so a long search term is cut, on code points, to fit: the
 * search then matches a little more widely instead of failing.
 */
export const MAX_LIKE_PATTERN_BYTES = 50;

const utf8 = new TextEncoder();

export function containsPattern(term: string): string {
  let body = '';
  let bytes = 2; // the two `%`
  for (const ch of term.toLowerCase()) {
    const piece = /[\\%_]/.test(ch) ? `\\${ch}` : ch;
    const size = utf8.encode(piece).length;
    if (bytes + size > MAX_LIKE_PATTERN_BYTES) break;
    body += piece;
    bytes += size;
  }
  return `%${body}%`;
}
