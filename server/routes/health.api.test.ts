import { createHarness } from '#harness';
import { expect, it } from 'vitest';
import { request } from '../dev/testing/harness.ts';

it('GET /healthz answers ok once the database answers', async () => {
  const h = await createHarness();
  const res = await request(h, '/healthz');
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(await res.json()).toMatchObject({ status: 'ok', version: 'test' });
});
