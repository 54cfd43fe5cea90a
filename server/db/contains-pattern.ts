/**
 * Search terms as LIKE patterns. D1 refuses a pattern longer than 50 bytes ("LIKE or GLOB
 * pattern too complex"), so a long term would fail the search on Workers only; the term is cut
 * to fit, between code points (never inside an emoji), after its wildcards are escaped.
 */

/** D1's SQLITE_LIMIT_LIKE_PATTERN_LENGTH, in UTF-8 bytes. */
export const MAX_LIKE_PATTERN_BYTES = 50;

const utf8Bytes = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/**
 * A pattern for `lower(column) like ? escape '\'` matching text that contains `term`: lowercased,
 * `%`, `_` and `\` escaped, and as much of the term as fits in MAX_LIKE_PATTERN_BYTES.
 */
export function containsPattern(term: string): string {
  let body = '';
  let bytes = 2; // the two % around it
  for (const char of term.toLowerCase()) {
    const wildcard = char === '%' || char === '_' || char === '\\';
    const escaped = wildcard ? `\\${char}` : char;
    const size = (wildcard ? 1 : 0) + utf8Bytes(char.codePointAt(0)!);
    if (bytes + size > MAX_LIKE_PATTERN_BYTES) break;
    body += escaped;
    bytes += size;
  }
  return `%${body}%`;
}
