import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { hsts, HSTS_VALUE } from './index.ts';

const app = new Hono()
  .use(hsts())
  .get('/ok', (c) => c.text('ok'))
  .get('/own', () => new Response('made by hand'))
  .get('/fails', () => {
    throw new Error('boom');
  })
  .onError((_error, c) => c.text('failed', 500));

describe('hsts', () => {
  it('marks every https answer, including errors and not-found', async () => {
    expect((await app.request('https://vitrine.example/ok')).headers.get('strict-transport-security')).toBe(HSTS_VALUE);
    expect((await app.request('https://vitrine.example/fails')).headers.get('strict-transport-security')).toBe(HSTS_VALUE);
    expect((await app.request('https://vitrine.example/missing')).headers.get('strict-transport-security')).toBe(HSTS_VALUE);
    // A Response the route made itself, not through the context, is marked too.
    expect((await app.request('https://vitrine.example/own')).headers.get('strict-transport-security')).toBe(HSTS_VALUE);
  });

  it('leaves plain http alone', async () => {
    for (const path of ['/ok', '/own', '/fails', '/missing']) expect((await app.request(`http://127.0.0.1:8787${path}`)).headers.get('strict-transport-security')).toBeNull();
  });
});
