/**
 * Every route reads its body with a limit while it streams: a chunked body without
 * Content-Length that never ends is answered 413 once it passes the route's limit, having read
 * little more than the limit - including routes that need no session (sign-in, setup, invitations,
 * the rights form, Instagram's webhooks, event ingest).
 */
import { createHarness } from '#harness';
import { beforeAll, expect, it } from 'vitest';
import { signIn, TEST_ORIGIN, type AdminSession } from '../dev/testing/admin-client.ts';
import { request, type Harness } from '../dev/testing/harness.ts';
import { orderKey } from '../dev/testing/tracking-client.ts';

let h: Harness;
let owner: AdminSession;
let key: string;
beforeAll(async () => {
  h = await createHarness();
  owner = await signIn(h);
  key = await orderKey(h);
});

const CHUNK = 16 * 1024;

/** A body that never ends, counting what the server pulled from it. */
function endlessBody() {
  const pulled = { bytes: 0 };
  const chunk = new Uint8Array(CHUNK).fill(0x61);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled.bytes += CHUNK;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled };
}

const KIB = 1024;
const json = { 'content-type': 'application/json' };
const cases: [string, string, number, () => Record<string, string>][] = [
  ['sign-in', '/admin/auth/sign-in', 256 * KIB, () => ({ ...json, origin: TEST_ORIGIN })],
  ['setup', '/admin/auth/setup', 256 * KIB, () => ({ ...json, origin: TEST_ORIGIN })],
  ['accept-invitation', '/admin/auth/accept-invitation', 256 * KIB, () => ({ ...json, origin: TEST_ORIGIN })],
  ['the rights form', '/r/any-token', 64 * KIB, () => ({ 'content-type': 'application/x-www-form-urlencoded' })],
  ["Instagram's webhooks", '/hooks/instagram', 1024 * KIB, () => ({ ...json, 'x-hub-signature-256': 'sha256=00' })],
  ['event ingest', '/v1/events', 16 * KIB, () => ({ ...json, origin: 'https://shop.example', 'user-agent': 'Mozilla/5.0 (iPhone) test' })],
  ['orders', '/v1/orders', 64 * KIB, () => ({ ...json, authorization: `Bearer ${key}` })],
  ['an admin JSON route', '/admin/galleries', 256 * KIB, () => ({ ...json, origin: TEST_ORIGIN, cookie: owner.cookie, 'x-csrf-token': owner.csrfToken })],
  ['bulk imports', '/admin/imports?format=csv', 5 * 1024 * KIB, () => ({ 'content-type': 'text/csv', origin: TEST_ORIGIN, cookie: owner.cookie, 'x-csrf-token': owner.csrfToken })],
  ['multipart uploads', '/admin/uploads', 40 * 1024 * KIB, () => ({ 'content-type': 'multipart/form-data; boundary=x', origin: TEST_ORIGIN, cookie: owner.cookie, 'x-csrf-token': owner.csrfToken })],
];

it.each(cases)('%s: an endless chunked body is cut off with 413 just past the limit', async (_name, path, limit, headers) => {
  const { stream, pulled } = endlessBody();
  const res = await request(h, path, { method: 'POST', headers: headers(), body: stream, duplex: 'half' } as RequestInit);
  expect(res.status).toBe(413);
  expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large', field: 'body', message: `body: larger than ${limit} bytes` } });
  // Read as it streamed: the limit plus what the transport had buffered ahead, never everything.
  expect(pulled.bytes).toBeGreaterThan(limit);
  expect(pulled.bytes).toBeLessThan(limit + 8 * CHUNK);
});

it('refuses a declared Content-Length over the limit without reading the body', async () => {
  const { stream, pulled } = endlessBody();
  const res = await request(h, '/admin/auth/sign-in', { method: 'POST', headers: { ...json, origin: TEST_ORIGIN, 'content-length': String(300 * KIB) }, body: stream, duplex: 'half' } as RequestInit);
  expect(res.status).toBe(413);
  expect(pulled.bytes).toBeLessThanOrEqual(4 * CHUNK);
});
