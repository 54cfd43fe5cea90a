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

/**
 * Whether Vitrine may download from a URL a user gave it (imports): https on a public host name.
 * Loopback, private and link-local addresses are refused so an import cannot make the server
 * fetch from its own network (on Workers the platform refuses those anyway).
 */
export function isPublicHttpsUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal') || host.endsWith('.local')) return false;
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return !(a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || a >= 224);
  }
  if (host.includes(':')) return !(host === '::1' || host === '::' || host.startsWith('fc') || host.startsWith('fd') || host.startsWith('fe80') || host.startsWith('::ffff:'));
  return host.includes('.');
}
