import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSsrfHarness } from '../dev/testing/ssrf-harness.ts';
import { guardedFetch, OutboundError } from './guarded-fetch.ts';
import { nodeTransport, type Resolve } from './node-transport.ts';

let harness: Awaited<ReturnType<typeof startSsrfHarness>>;
/** A second loopback server standing for "something on the host's own network". */
let victim: Awaited<ReturnType<typeof startSsrfHarness>>;
beforeAll(async () => {
  [harness, victim] = await Promise.all([startSsrfHarness(), startSsrfHarness()]);
});
afterAll(() => Promise.all([harness.close(), victim.close()]));

/** Names resolve only through this table: no test sends a packet beyond loopback. */
const resolver = (table: Record<string, string[]>, calls: string[] = []): Resolve => async (hostname) => {
  calls.push(hostname);
  const addresses = table[hostname];
  if (!addresses) throw new Error(`getaddrinfo ENOTFOUND ${hostname}`);
  return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

const refused = async (promise: Promise<unknown>, pattern: RegExp) => {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error, String(pattern)).toBeInstanceOf(OutboundError);
  expect((error as Error).message).toMatch(pattern);
};

describe('by default', () => {
  const outbound = guardedFetch({ transport: nodeTransport({ resolve: resolver({}) }) });

  it('refuses the loopback test server itself, over http and https', async () => {
    await refused(outbound(new Request(`${harness.origin}/ok`)), /refused http:\/\/127\.0\.0\.1:\d+\/ok: http is not allowed/);
    await refused(outbound(new Request(`https://127.0.0.1:${harness.port}/ok`)), /127\.0\.0\.1 is a loopback address/);
    expect(harness.received).toEqual([]);
  });

  it.each([
    ['https://[::7f00:1]/', /\[::7f00:1\] is not a global unicast address/],
    ['https://[64:ff9b::a9fe:a9fe]/', /a link-local address inside IPv6/],
    ['https://[::ffff:127.0.0.1]/', /a loopback address inside IPv6/],
    ['https://198.18.0.1/', /a benchmarking address/],
    ['https://169.254.169.254/latest/meta-data/', /a link-local address/],
    ['https://2130706433/', /127\.0\.0\.1 is a loopback address/],
    ['https://0177.0.0.1/', /127\.0\.0\.1 is a loopback address/],
    ['https://0x7f.1/', /127\.0\.0\.1 is a loopback address/],
    ['https://localhost./', /localhost\. is not a public host name/],
    ['https://x.internal./', /x\.internal\. is a local name/],
    ['https://printer.local/', /is a local name/],
    ['file:///etc/passwd', /file is not allowed/],
  ])('refuses %s before connecting', async (url, pattern) => {
    await refused(outbound(new Request(url)), pattern);
  });

  it.each([
    [['127.0.0.1'], /it resolves to 127\.0\.0\.1, a loopback address/],
    [['10.0.0.7'], /10\.0\.0\.7, a private address/],
    [['::ffff:192.168.1.1'], /a private address inside IPv6/],
    [['fd00::1'], /a unique local address/],
    // Every address is checked, not just the first.
    [['8.8.8.8', '169.254.169.254'], /169\.254\.169\.254, a link-local address/],
  ])('refuses a public-looking name that resolves to %j', async (addresses, pattern) => {
    const calls: string[] = [];
    const guarded = guardedFetch({ transport: nodeTransport({ resolve: resolver({ 'evil.example': addresses }, calls) }) });
    await refused(guarded(new Request('https://evil.example/')), pattern);
    expect(calls).toEqual(['evil.example']);
  });
});

describe('with the test server allowed by configuration', () => {
  const calls: string[] = [];
  const table = { 'shop.example': ['127.0.0.1'], 'evil.example': ['127.0.0.1'] };
  const outbound = () => guardedFetch({ transport: nodeTransport({ resolve: resolver(table, calls) }), allowOrigins: [harness.origin, `http://shop.example:${harness.port}`] });

  it('reaches it, connecting to the address the name resolved to (resolved once)', async () => {
    expect(await (await outbound()(new Request(`${harness.origin}/ok`))).text()).toBe('hello');
    calls.length = 0;
    expect(await (await outbound()(new Request(`http://shop.example:${harness.port}/ok`))).text()).toBe('hello');
    expect(calls).toEqual(['shop.example']);
  });

  it.each([
    [() => `http://127.0.0.1:${victim.port}/ok`, /http is not allowed/],
    [() => `https://127.0.0.1:${victim.port}/ok`, /a loopback address/],
    [() => 'https://169.254.169.254/latest/meta-data/iam/', /a link-local address/],
    [() => 'https://192.168.1.1/', /a private address/],
    [() => 'https://[::1]/', /a loopback address/],
    [() => 'https://[64:ff9b::a9fe:a9fe]/', /a link-local address inside IPv6/],
    [() => 'https://localhost./', /not a public host name/],
    [() => 'https://evil.example/', /it resolves to 127\.0\.0\.1/],
  ])('refuses a redirect to %s, having requested only the first hop', async (target, pattern) => {
    const before = victim.received.length;
    await refused(outbound()(new Request(`${harness.origin}/redirect?to=${encodeURIComponent(target())}`)), pattern);
    expect(victim.received.length).toBe(before);
  });

  it('refuses a chain of redirects that goes into the host several hops in', async () => {
    const inner = `${harness.origin}/redirect?to=${encodeURIComponent('https://10.1.2.3/')}`;
    await refused(outbound()(new Request(`${harness.origin}/redirect?to=${encodeURIComponent(inner)}`)), /refused https:\/\/10\.1\.2\.3\/: 10\.1\.2\.3 is a private address/);
  });

  it('follows five redirects, not six', async () => {
    expect(await (await outbound()(new Request(`${harness.origin}/chain?hops=5`))).text()).toBe('hello');
    await refused(outbound()(new Request(`${harness.origin}/chain?hops=6`)), /more than 5 redirects/);
  });

  it('drops credentials on a redirect to another origin, and returns a 3xx as is when asked', async () => {
    const elsewhere = guardedFetch({ transport: nodeTransport(), allowOrigins: [harness.origin, victim.origin] });
    await elsewhere(new Request(`${harness.origin}/redirect?to=${encodeURIComponent(`${victim.origin}/ok`)}`, { headers: { authorization: 'Bearer t' } }));
    expect(victim.received.at(-1)!.headers.authorization).toBeUndefined();
    const manual = await elsewhere(new Request(`${harness.origin}/redirect?to=/ok`), { redirect: 'manual' });
    expect(manual.status).toBe(302);
  });

  it('resends a POST body on 307 and turns it into a GET on 302', async () => {
    await outbound()(new Request(`${harness.origin}/redirect?status=307&to=/ok`, { method: 'POST', body: 'payload' }));
    expect(harness.received.at(-1)).toMatchObject({ method: 'POST', path: '/ok', body: 'payload' });
    await outbound()(new Request(`${harness.origin}/redirect?status=302&to=/ok`, { method: 'POST', body: 'payload' }));
    expect(harness.received.at(-1)).toMatchObject({ method: 'GET', path: '/ok', body: '' });
  });

  it('gives up on a body that drips, and on an answer that never comes', async () => {
    const dripping = await outbound()(new Request(`${harness.origin}/drip`), { timeoutMs: 300 });
    await refused(dripping.text(), /no complete answer within 0\.3 s/);
    await refused(outbound()(new Request(`${harness.origin}/stall`), { timeoutMs: 300 }), /no complete answer within 0\.3 s/);
  });

  it('stops an endless body at the cap, and refuses a declared size over it before reading', async () => {
    const endless = await outbound()(new Request(`${harness.origin}/endless`), { maxBytes: 1024 * 1024 });
    await refused(endless.arrayBuffer(), /more than the 1048576 bytes allowed/);
    await refused(outbound()(new Request(`${harness.origin}/sized?bytes=2000000`), { maxBytes: 1024 * 1024 }), /the answer is 2000000 bytes, more than the 1048576 allowed/);
    expect(await (await outbound()(new Request(`${harness.origin}/sized?bytes=1000`), { maxBytes: 1000 })).arrayBuffer()).toHaveProperty('byteLength', 1000);
  });
});
