import { addressRefusal, parseIPv4 } from './address.ts';

/**
 * Names that mean "this machine" or "this network" rather than a place on the internet
 * (RFC 6761, RFC 8375 and the private suffixes of RFC 6762 appendix G).
 */
const LOCAL_SUFFIXES = ['localhost', 'local', 'localdomain', 'internal', 'intranet', 'private', 'corp', 'home', 'lan', 'home.arpa'];

/**
 * Why Vitrine must not fetch `url` (a phrase for an error message), or null when it may: an
 * https address without credentials whose host is a public IP literal or a public-looking name.
 * Names are judged here by their spelling only; what they resolve to is checked when connecting
 * (server/outbound/node-transport.ts). `allowOrigins` lets chosen origins through unchecked —
 * a test's loopback server — and is empty unless an entry point passes it in.
 */
export function targetRefusal(url: URL, allowOrigins: readonly string[] = []): string | null {
  if (allowOrigins.includes(url.origin)) return null;
  if (url.protocol !== 'https:') return `${url.protocol.replace(/:$/, '')} is not allowed (https only)`;
  if (url.username || url.password) return 'credentials in the address are not allowed';
  if (url.hostname.startsWith('[')) {
    const why = addressRefusal(url.hostname.slice(1, -1));
    return why && `${url.hostname} is ${why}`;
  }
  // The URL parser has normalised every IPv4 spelling (decimal, octal, hex) to a dotted quad.
  if (parseIPv4(url.hostname) !== null) {
    const why = addressRefusal(url.hostname);
    return why && `${url.hostname} is ${why}`;
  }
  // `localhost.` is `localhost`: a trailing dot only makes a name absolute.
  const name = url.hostname.replace(/\.+$/, '');
  if (!name.includes('.')) return `${url.hostname} is not a public host name`;
  if (LOCAL_SUFFIXES.some((suffix) => name === suffix || name.endsWith(`.${suffix}`))) return `${url.hostname} is a local name`;
  return null;
}

/** The refusal of a URL given as text (a form field, an import row), including text that is no URL. */
export function urlRefusal(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'is not a URL';
  }
  return targetRefusal(url);
}
