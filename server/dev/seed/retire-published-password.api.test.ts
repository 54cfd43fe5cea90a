import { createHarness } from '#harness';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { users } from '../../db/schema.ts';
import { hashPassword } from '../../security/password.ts';
import { admin, signIn } from '../testing/admin-client.ts';
import { DEMO_OWNER } from './demo-content.ts';
import { retirePublishedDemoPassword } from './retire-published-password.ts';

it('a demo seeded with the once-published password gets a new one, and its sessions end', async () => {
  const h = await createHarness();
  expect(await retirePublishedDemoPassword(h.db, 'never used'), 'a generated password is left alone').toBe(false);

  // A data folder seeded by an earlier version.
  await h.db.update(users).set({ passwordHash: await hashPassword('vitrine-demo') }).where(eq(users.email, DEMO_OWNER.email));
  const old = await signIn(h, DEMO_OWNER.email, 'vitrine-demo');
  expect(await retirePublishedDemoPassword(h.db, 'the-replacement-password')).toBe(true);

  expect((await admin(h, null, 'POST', '/auth/sign-in', { email: DEMO_OWNER.email, password: 'vitrine-demo' })).status).toBe(401);
  expect((await admin(h, old, 'GET', '/auth/session')).status).toBe(401);
  await signIn(h, DEMO_OWNER.email, 'the-replacement-password');
  expect(await retirePublishedDemoPassword(h.db, 'again'), 'done once').toBe(false);
});
