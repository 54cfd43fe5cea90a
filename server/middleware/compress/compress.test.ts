import { Hono } from 'hono';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { nodeEncoders } from '../../entry/node-encoders.ts';
import { chooseEncoding, compression, type Encoder } from './index.ts';

const big = JSON.stringify({ posts: Array.from({ length: 80 }, (_, i) => ({ id: `post_${i}`, caption: 'Un été à Biarritz 🌊' })) });

function app(options: { countCalls?: { n: number } } = {}) {
  const counted = (encoder: Encoder): Encoder => async (body) => {
    if (options.countCalls) options.countCalls.n++;
    return encoder(body);
  };
  return new Hono()
    .use(compression({ encoders: { br: counted(nodeEncoders.br), gzip: counted(nodeEncoders.gzip) } }).middleware)
    .get('/big', (c) => c.json(JSON.parse(big)))
    .get('/tagged', (c) => c.body(big, 200, { 'Content-Type': 'application/json', ETag: '"v1"' }))
    .get('/small', (c) => c.json({ ok: true }))
    .get('/image', (c) => c.body(new Uint8Array(4096), 200, { 'Content-Type': 'image/webp' }))
    .get('/raw', (c) => c.body(big, 200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-transform' }))
    .get('/missing', (c) => c.json({ error: big }, 404));
}

describe('compress', () => {
  it('answers brotli when accepted, gzip otherwise, the same bytes once decoded', async () => {
    const br = await app().request('/big', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(Number(br.headers.get('content-length'))).toBe(brBytes.length);
    expect(brBytes.length).toBeLessThan(big.length / 4);
    expect(brotliDecompressSync(brBytes).toString()).toBe(big);

    const gz = await app().request('/big', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(big);
  });

  it('sends the body as is without Accept-Encoding, but still says it varies', async () => {
    const res = await app().request('/big');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(await res.text()).toBe(big);
  });

  it('leaves small bodies, images, no-transform answers, errors and HEAD alone', async () => {
    const headers = { 'Accept-Encoding': 'br' };
    for (const path of ['/small', '/image', '/raw', '/missing']) {
      expect((await app().request(path, { headers })).headers.get('content-encoding'), path).toBeNull();
    }
    expect((await app().request('/big', { method: 'HEAD', headers })).headers.get('content-encoding')).toBeNull();
  });

  it('compresses an answer with an ETag once, and marks its ETag weak', async () => {
    const calls = { n: 0 };
    const server = app({ countCalls: calls });
    const first = await server.request('/tagged', { headers: { 'Accept-Encoding': 'br' } });
    const second = await server.request('/tagged', { headers: { 'Accept-Encoding': 'br' } });
    expect(first.headers.get('etag')).toBe('W/"v1"');
    expect(Buffer.from(await second.arrayBuffer())).toEqual(Buffer.from(await first.arrayBuffer()));
    expect(calls.n).toBe(1);
    await server.request('/tagged', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(calls.n).toBe(2);
  });
});

describe('chooseEncoding', () => {
  it('takes the first offered that the browser accepts, q=0 refusing', () => {
    expect(chooseEncoding('gzip, br', ['br', 'gzip'])).toBe('br');
    expect(chooseEncoding('br;q=0, gzip', ['br', 'gzip'])).toBe('gzip');
    expect(chooseEncoding('*', ['br', 'gzip'])).toBe('br');
    expect(chooseEncoding('identity', ['br', 'gzip'])).toBeNull();
    expect(chooseEncoding(undefined, ['br', 'gzip'])).toBeNull();
    expect(chooseEncoding('BR', ['br'])).toBe('br');
  });
});
