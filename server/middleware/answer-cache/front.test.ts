/**
 * A gallery answer served from memory ahead of the app's layers (`front`) goes out exactly as the
 * same answer made through them: same status, headers and bytes, for every encoding a browser may
 * ask for, over http and https (HSTS), and as a 304. Node only: compression is Node's layer.
 */
import { createHarness } from '#harness';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { nodeEncoders } from '../../entry/node-encoders.ts';
import type { Harness } from '../../dev/testing/harness.ts';
import { compression } from '../compress/index.ts';

let h: Harness;
let app: ReturnType<typeof createApp>;
let fresh = 0;
/** Requests that reached the layers (compression is the first of them): one served ahead of them does not count. */
let layered = 0;

beforeAll(async () => {
  h = await createHarness();
  const real = compression({ encoders: nodeEncoders });
  app = createApp(h.deps, { compression: { ...real, middleware: (c, next) => (layered++, real.middleware(c, next)) } });
});

async function get(url: string, headers: Record<string, string>, method = 'GET') {
  const before = layered;
  const res = await app.request(new Request(url, { headers, method }));
  const seen = Object.fromEntries([...res.headers].filter(([name]) => name !== 'x-vitrine-cache' && name !== 'content-length'));
  const through = layered > before;
  return { status: res.status, cache: res.headers.get('x-vitrine-cache'), through, length: res.headers.get('content-length'), headers: seen, body: new Uint8Array(await res.arrayBuffer()) };
}

describe('an answer served ahead of the layers', () => {
  const origins = ['http://vitrine.test', 'https://vitrine.test'];
  const paths = ['/v1/galleries/demo/posts', '/v1/galleries/demo/posts.html'];
  const encodings = ['gzip, deflate, br', 'gzip', 'br;q=0, gzip;q=0', undefined];

  for (const origin of origins) {
    for (const path of paths) {
      for (const accept of encodings) {
        it(`${origin}${path} with Accept-Encoding ${accept ?? '(none)'} is the answer the layers made`, async () => {
          const url = `${origin}${path}?limit=30&front=${++fresh}`;
          const headers: Record<string, string> = accept ? { 'accept-encoding': accept } : {};
          const made = await get(url, headers);
          const kept = await get(url, headers);
          expect([made.cache, kept.cache]).toEqual(['miss', 'hit']);
          expect([made.through, kept.through], 'made through the layers, kept served ahead of them').toEqual([true, false]);
          expect(kept.status).toBe(200);
          expect(kept.headers).toEqual(made.headers);
          expect(kept.body).toEqual(made.body);
          // Node's adapter sets the length of an answer that did not say it: the kept one says it, truly.
          expect(Number(kept.length)).toBe(kept.body.byteLength);
          if (made.length !== null) expect(kept.length).toBe(made.length);
          expect(kept.headers['strict-transport-security'] !== undefined).toBe(origin.startsWith('https:'));
          expect(kept.headers['access-control-allow-origin']).toBe('*');
        });
      }
      it(`${origin}${path} revalidated gives the same 304 as the layers`, async () => {
        const url = `${origin}${path}?limit=30&front=${++fresh}`;
        const first = await get(url, { 'accept-encoding': 'br' });
        const etag = first.headers.etag!;
        // A miss answering 304 (the route) and a hit answering 304 (front), for the same URL.
        const other = `${url}&again=1`;
        const made = await get(other, { 'if-none-match': etag });
        await get(other, {});
        const kept = await get(other, { 'if-none-match': etag });
        expect([made.status, kept.status]).toEqual([304, 304]);
        expect([made.cache, kept.cache]).toEqual(['miss', 'hit']);
        expect([made.through, kept.through]).toEqual([true, false]);
        expect(kept.headers).toEqual(made.headers);
        expect(kept.body.byteLength).toBe(0);
      });
    }
  }

  it('leaves HEAD and unknown galleries to the layers', async () => {
    const url = `http://vitrine.test/v1/galleries/demo/posts?front=${++fresh}`;
    expect((await get(url, {})).through).toBe(true);
    expect((await get(url, {})).through).toBe(false);
    const head = await get(url, {}, 'HEAD');
    expect([head.status, head.cache, head.through]).toEqual([200, 'hit', true]);
    expect(head.body.byteLength).toBe(0);
    const missing = await get('http://vitrine.test/v1/galleries/no_such_gallery/posts', {});
    expect([missing.status, missing.through]).toEqual([404, true]);
  });
});
