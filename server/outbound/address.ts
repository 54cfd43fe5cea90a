/**
 * Which IP addresses Vitrine may connect to when it fetches something on a user's behalf: only
 * globally reachable unicast. Everything in IANA's special-purpose registries that is not
 * (loopback, private, link-local, shared, benchmarking, documentation, multicast, reserved,
 * unique-local, ...) is refused, and the IPv4 address inside an IPv4-mapped or NAT64 IPv6
 * address is judged as IPv4, so `::ffff:127.0.0.1` and `64:ff9b::a9fe:a9fe` are refused too.
 *
 * Only canonical forms are parsed here: the URL parser has already turned `2130706433`,
 * `0177.0.0.1` and `0x7f.1` into `127.0.0.1`, and resolvers answer in dotted quads.
 */

type Range = readonly [prefix: number, bits: number, name: string];

const IPV4_REFUSED: readonly Range[] = [
  [ipv4(0, 0, 0, 0), 8, 'a "this network" address'],
  [ipv4(10, 0, 0, 0), 8, 'a private address'],
  [ipv4(100, 64, 0, 0), 10, 'a shared (carrier-grade NAT) address'],
  [ipv4(127, 0, 0, 0), 8, 'a loopback address'],
  [ipv4(169, 254, 0, 0), 16, 'a link-local address'],
  [ipv4(172, 16, 0, 0), 12, 'a private address'],
  [ipv4(192, 0, 0, 0), 24, 'an IETF protocol address'],
  [ipv4(192, 0, 2, 0), 24, 'a documentation address'],
  [ipv4(192, 88, 99, 0), 24, 'a reserved (6to4 relay) address'],
  [ipv4(192, 168, 0, 0), 16, 'a private address'],
  [ipv4(198, 18, 0, 0), 15, 'a benchmarking address'],
  [ipv4(198, 51, 100, 0), 24, 'a documentation address'],
  [ipv4(203, 0, 113, 0), 24, 'a documentation address'],
  [ipv4(224, 0, 0, 0), 4, 'a multicast address'],
  [ipv4(240, 0, 0, 0), 4, 'a reserved address'],
];

function ipv4(a: number, b: number, c: number, d: number): number {
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}

/** A dotted quad as a 32-bit number; null for anything else. */
export function parseIPv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255)) return null;
  const [a, b, c, d] = parts.map(Number) as [number, number, number, number];
  return ipv4(a, b, c, d);
}

/** An IPv6 address (with `::` and a trailing dotted quad allowed) as eight 16-bit groups; null otherwise. */
export function parseIPv6(text: string): number[] | null {
  // A zone (`fe80::1%eth0`) names an interface of this host: never a public address.
  if (!/^[0-9a-f:.]+$/i.test(text)) return null;
  // A trailing dotted quad (`::ffff:127.0.0.1`) is the last two groups written in decimal.
  let body = text;
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad) {
    const v4 = parseIPv4(quad[1]!);
    if (v4 === null) return null;
    body = `${text.slice(0, quad.index)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const halves = body.split('::');
  if (halves.length > 2) return null;
  const groups = (half: string) => (half === '' ? [] : half.split(':').map((g) => (/^[0-9a-f]{1,4}$/i.test(g) ? parseInt(g, 16) : NaN)));
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  const known = head.length + rest.length;
  if ([...head, ...rest].some(Number.isNaN)) return null;
  if (halves.length === 1 ? known !== 8 : known > 7) return null;
  return [...head, ...Array<number>(8 - known).fill(0), ...rest];
}

function inIPv4Range(address: number, [prefix, bits]: Range): boolean {
  return address >>> (32 - bits) === prefix >>> (32 - bits);
}

function ipv4Refusal(address: number): string | null {
  return IPV4_REFUSED.find((range) => inIPv4Range(address, range))?.[2] ?? null;
}

/** Whether the first `bits` bits of `groups` equal those of `prefix`. */
function startsWith(groups: number[], prefix: number[], bits: number): boolean {
  for (let i = 0; bits > 0; i++, bits -= 16) {
    const mask = bits >= 16 ? 0xffff : (0xffff << (16 - bits)) & 0xffff;
    if ((groups[i]! & mask) !== ((prefix[i] ?? 0) & mask)) return false;
  }
  return true;
}

const embeddedIPv4 = (groups: number[]) => ((groups[6]! << 16) | groups[7]!) >>> 0;

function ipv6Refusal(groups: number[]): string | null {
  // IPv4-mapped (::ffff:a.b.c.d) and the well-known NAT64 prefix reach the IPv4 address inside.
  if (startsWith(groups, [0, 0, 0, 0, 0, 0xffff], 96) || startsWith(groups, [0x64, 0xff9b], 96)) {
    const inner = ipv4Refusal(embeddedIPv4(groups));
    return inner && `${inner} inside IPv6`;
  }
  if (groups.every((g) => g === 0)) return 'the unspecified address';
  if (startsWith(groups, [0, 0, 0, 0, 0, 0, 0, 1], 128)) return 'a loopback address';
  if (startsWith(groups, [0xfc00], 7)) return 'a unique local address';
  if (startsWith(groups, [0xfe80], 10)) return 'a link-local address';
  if (startsWith(groups, [0xff00], 8)) return 'a multicast address';
  // Global unicast is 2000::/3, less the special blocks inside it (Teredo and the other IETF
  // assignments, documentation, 6to4 which tunnels to any IPv4 address).
  if (!startsWith(groups, [0x2000], 3)) return 'not a global unicast address';
  if (startsWith(groups, [0x2001, 0], 23)) return 'an IETF protocol address';
  if (startsWith(groups, [0x2001, 0xdb8], 32) || startsWith(groups, [0x3fff], 20)) return 'a documentation address';
  if (startsWith(groups, [0x2002], 16)) return 'a 6to4 address';
  return null;
}

/**
 * Why Vitrine must not connect to `address` (an IPv4 or IPv6 literal, without brackets), as a
 * phrase for an error message ("a loopback address"); null when it is a public address.
 */
export function addressRefusal(address: string): string | null {
  const v4 = parseIPv4(address);
  if (v4 !== null) return ipv4Refusal(v4);
  const v6 = parseIPv6(address);
  if (v6 !== null) return ipv6Refusal(v6);
  return 'not an IP address';
}
