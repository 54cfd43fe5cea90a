import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { hsts, HSTS_VALUE } from './index.ts';

const app = new Hono()
  .use(hsts())
  .get('/ok', (c) => c.text('ok'))
  .get('/fails', () => {
    throw new Error('boom');
  })
  .onError((_error, c) => c.text('failed', 500));

describe('hsts', () => {
  it('marks every https answer, including errors and not-found', async () => {
    expect((await app.request('https://vitrine.example/ok')).headers.get('strict-transport-security')).toBe(HSTS_VALUE);
    expect((await app.request('https://vitrine.example/fails')).headers.get('strict-transport-security')).toBe(HSTS_VALUE);
    expect((await app.request('https://vitrine.example/missing')).headers.get('strict-transport-security')).toBe(HSTS_VALUE);
  });

  it('leaves plain http alone', async () => {
    expect((await app.request('http://127.0.0.1:8787/ok')).headers.get('strict-transport-security')).toBeNull();
  });
});
