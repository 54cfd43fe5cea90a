import { createHarness } from '#harness';
import { expect, it } from 'vitest';
import { admin, sessionFrom } from '../../testing/admin-client.ts';

it('on a first run without demo data, setup creates the owner once, then refuses', async () => {
  const h = await createHarness({ seed: false });
  expect(await (await admin(h, null, 'GET', '/auth/setup')).json()).toEqual({ needed: true });
  const input = { workspaceName: 'Atelier Nord', name: 'Ines', email: 'ines@atelier.example', password: 'a long enough password' };
  const res = await admin(h, null, 'POST', '/auth/setup', input);
  expect(res.status).toBe(201);
  const owner = await sessionFrom(res);
  expect(owner.role).toBe('owner');
  expect(await (await admin(h, null, 'GET', '/auth/setup')).json()).toEqual({ needed: false });
  expect((await admin(h, null, 'POST', '/auth/setup', { ...input, email: 'intruder@example.com' })).status).toBe(409);
  expect((await admin(h, owner, 'GET', '/members')).status).toBe(200);
});
