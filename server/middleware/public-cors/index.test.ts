import { Hono, type MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { describe, expect, it } from 'vitest';
import { publicCors } from './index.ts';

/** The same routes behind Hono's cors and behind publicCors: every answer must carry the same headers. */
const appWith = (middleware: MiddlewareHandler) =>
  new Hono()
    .use(middleware)
    .get('/json', (c) => c.json({ ok: true }))
    .get('/etag', (c) => {
      c.header('ETag', '"x"');
      return c.req.header('if-none-match') === '"x"' ? c.body(null, 304) : c.body(new Uint8Array([1, 2, 3]));
    })
    .get('/own', () => new Response('made by hand', { headers: { 'content-type': 'text/plain' } }))
    .get('/fails', () => {
      throw new Error('boom');
    })
    .post('/events', (c) => {
      // As routes/public/events.ts: no '*' for the page, its own origin when allowed.
      c.header('Access-Control-Allow-Origin', undefined);
      c.header('Vary', 'Origin');
      const origin = c.req.header('origin');
      if (origin === 'https://shop.example') c.header('Access-Control-Allow-Origin', origin);
      return c.body(null, 204);
    })
    .notFound((c) => c.json({ error: 'not_found' }, 404))
    .onError((_e, c) => c.json({ error: 'internal' }, 500));

const hono = appWith(cors({ origin: '*', allowMethods: ['GET'], maxAge: 86400 }));
const ours = appWith(publicCors());

const cases: [string, string, RequestInit][] = [
  ['a read', '/json', {}],
  ['a read from a page', '/json', { headers: { origin: 'https://shop.example' } }],
  ['a body with its ETag', '/etag', {}],
  ['a 304', '/etag', { headers: { 'if-none-match': '"x"' } }],
  ['a Response made by the route itself', '/own', {}],
  ['an error', '/fails', {}],
  ['no such route', '/missing', {}],
  ['a preflight', '/json', { method: 'OPTIONS', headers: { origin: 'https://shop.example', 'access-control-request-method': 'GET' } }],
  ['a preflight asking for headers', '/json', { method: 'OPTIONS', headers: { origin: 'https://shop.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'X-One, content-type' } }],
  ['events from an allowed page', '/events', { method: 'POST', headers: { origin: 'https://shop.example' } }],
  ['events from another page', '/events', { method: 'POST', headers: { origin: 'https://other.example' } }],
];

describe('publicCors answers as Hono’s cors({ origin: "*", allowMethods: ["GET"], maxAge: 86400 })', () => {
  it.each(cases)('%s', async (_name, path, init) => {
    const [expected, actual] = await Promise.all([hono.request(path, init), ours.request(path, init)]);
    expect(actual.status).toBe(expected.status);
    expect([...actual.headers]).toEqual([...expected.headers]);
    expect(await actual.text()).toBe(await expected.text());
  });

  it('lets any page read, with GET only', async () => {
    expect((await ours.request('/json')).headers.get('access-control-allow-origin')).toBe('*');
    const preflight = await ours.request('/json', { method: 'OPTIONS' });
    expect([preflight.status, preflight.headers.get('access-control-allow-methods'), preflight.headers.get('access-control-max-age')]).toEqual([204, 'GET', '86400']);
  });
});
