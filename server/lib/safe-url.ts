/**
 * Links that reach shoppers' pages come from untrusted places (Instagram, product feeds). Only
 * `https:` URLs, or paths on the merchant's own site, may go into an `href` or `src`; anything
 * else (`javascript:`, `data:`, protocol-relative `//host`) is dropped here, before the API.
 */
export function safeLinkOrNull(value: string | null): string | null {
  if (!value) return null;
  if (value.startsWith('/') && !value.startsWith('//') && !value.includes('\\')) return value;
  try {
    return new URL(value).protocol === 'https:' ? value : null;
  } catch {
    return null;
  }
}
