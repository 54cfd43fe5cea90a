/**
 * Text that is safe to store and to cut. JavaScript strings are UTF-16 and may hold half of a
 * surrogate pair (a "lone surrogate", e.g. from `slice` cutting an emoji in two or a `\ud800`
 * JSON escape) or NUL. Neither survives a database: SQLite cuts text at NUL, and libSQL's native
 * driver aborts the whole process on the invalid UTF-8 a lone surrogate turns into.
 */

const REPLACEMENT_CHARACTER = '\ufffd';

// A whole pair is matched first and kept, so only a half on its own (or NUL) is replaced.
const PAIR_OR_MALFORMED = /([\ud800-\udbff][\udc00-\udfff])|[\ud800-\udfff\0]/g;
const MAYBE_MALFORMED = /[\ud800-\udfff\0]/;

/** True when `text` has no lone surrogate and no NUL. */
export function isWellFormedText(text: string): boolean {
  return !MAYBE_MALFORMED.test(text) || safeText(text) === text;
}

/** `text` with every lone surrogate and NUL replaced by U+FFFD; well-formed text comes back as is. */
export function safeText(text: string): string {
  if (!MAYBE_MALFORMED.test(text)) return text;
  return text.replace(PAIR_OR_MALFORMED, (_match, pair: string | undefined) => pair ?? REPLACEMENT_CHARACTER);
}

// Every JSON escape in order, so an escaped backslash (`\\ud800`, which is text, not an escape)
// is consumed whole; a surrogate pair of escapes is matched as one and kept.
const JSON_ESCAPE = /\\(?:u(d[89ab][0-9a-f]{2}\\ud[c-f][0-9a-f]{2})|u([0-9a-f]{4})|[^u])/gi;

/**
 * JSON text with every lone-surrogate and NUL escape replaced by `\ufffd`. `JSON.parse` turns
 * `"\ud800"` into a lone surrogate and SQLite's `json_extract` into invalid UTF-8; content read
 * from elsewhere (Instagram, feeds, storefronts) is parsed through this so it arrives well-formed.
 */
export function safeJsonEscapes(json: string): string {
  if (!json.includes('\\u')) return json;
  return json.replace(JSON_ESCAPE, (escape, pair: string | undefined, code: string | undefined) => {
    if (pair !== undefined || code === undefined) return escape;
    const unit = parseInt(code, 16);
    return unit === 0 || (unit >= 0xd800 && unit <= 0xdfff) ? '\\ufffd' : escape;
  });
}

/** At most `max` UTF-16 units of `text`, never ending inside a surrogate pair. */
function cutCodePoints(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = Math.max(0, max);
  const last = text.charCodeAt(end - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? end - 1 : end);
}

let segmenter: Intl.Segmenter | null | undefined;

/**
 * At most `max` UTF-16 units of `text` (so it fits whatever limit counted `.length`), cut between
 * graphemes: never inside a surrogate pair, a ZWJ family, a flag or a letter with its accents.
 * A single grapheme longer than `max` (a letter under thousands of combining marks) is cut
 * between code points instead, so the result is never emptied by one pathological character.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (segmenter === undefined) segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  if (!segmenter) return cutCodePoints(text, max);
  let end = 0;
  for (const { index, segment } of segmenter.segment(text)) {
    if (index + segment.length > max) return end > 0 ? text.slice(0, end) : cutCodePoints(text, max);
    end = index + segment.length;
  }
  return text;
}

/** `text` if it fits in `max` UTF-16 units, else cut with `cutText` and ending in "…" (within `max`). */
export function shortenText(text: string, max: number): string {
  return text.length <= max ? text : `${cutText(text, max - 1)}…`;
}
