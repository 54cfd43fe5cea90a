import { SELF } from 'cloudflare:test';
import { expect, it } from 'vitest';

// The Worker's own entry (wrangler.toml `main`), as deployed: bindings resolved by workerDeps,
// the app built on the first request. The API suite covers the routes; this covers the wiring.
it('the deployed Worker entry answers through its D1 binding', async () => {
  const health = await SELF.fetch('https://vitrine.example/healthz');
  expect(health.status).toBe(200);
  expect(await health.json()).toMatchObject({ status: 'ok', version: 'test' });

  const missing = await SELF.fetch('https://vitrine.example/v1/galleries/none/posts');
  expect(missing.status).toBe(404);
  expect(await missing.json()).toEqual({ error: { code: 'not_found', message: 'gallery "none" not found' } });
});
