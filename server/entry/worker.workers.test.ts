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

it('the deployed Worker refuses first-run setup until VITRINE_SETUP_TOKEN is set, and marks https answers with HSTS', async () => {
  const setup = await SELF.fetch('https://vitrine.example/admin/auth/setup', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'https://vitrine.example' },
    body: JSON.stringify({ setupToken: 'a-guessed-token', workspaceName: 'Mine now', name: 'Mallory', email: 'mallory@example.com', password: 'a long enough password' }),
  });
  expect(setup.status).toBe(403);
  expect(await setup.json()).toMatchObject({ error: { code: 'setup_locked', field: 'setupToken' } });
  expect(setup.headers.get('strict-transport-security')).toBe('max-age=31536000');
  expect(await (await SELF.fetch('https://vitrine.example/admin/auth/setup')).json()).toEqual({ needed: true });
});

it("a deployed Worker's address leads to the panel: it has no store of its own (the demo is dev:worker's)", async () => {
  const res = await SELF.fetch('https://vitrine.example/', { redirect: 'manual' });
  expect(res.status).toBe(302);
  expect(res.headers.get('location')).toBe('https://vitrine.example/panel/');
});
