import { createHarness } from '#harness';
import { count } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { users, workspaces } from '../../db/schema.ts';
import { admin, sessionFrom } from '../../dev/testing/admin-client.ts';
import type { Harness } from '../../dev/testing/harness.ts';

const input = { workspaceName: 'Atelier Nord', name: 'Ines', email: 'ines@atelier.example', password: 'a long enough password' };

async function rows(h: Harness) {
  const [u] = await h.db.select({ n: count() }).from(users);
  const [w] = await h.db.select({ n: count() }).from(workspaces);
  return { users: u!.n, workspaces: w!.n };
}

// One test: on Workers every test of a file shares the file's database, and setup happens once.
it('first-run setup needs the setup token, and of setups racing on an empty database exactly one wins', async () => {
  const h = await createHarness({ seed: false });
  expect(await (await admin(h, null, 'GET', '/auth/setup')).json()).toEqual({ needed: true });

  // Whoever reaches a fresh deployment first cannot claim it: no token or a wrong one is a 403 naming it.
  for (const setupToken of [undefined, '', 'a-guessed-token', `${h.setupToken}x`, h.setupToken.slice(1)]) {
    const res = await admin(h, null, 'POST', '/auth/setup', { ...input, ...(setupToken === undefined ? {} : { setupToken }) });
    expect(res.status, `token ${JSON.stringify(setupToken)}`).toBe(403);
    const { error } = (await res.json()) as { error: { code: string; field: string; message: string } };
    expect(error).toMatchObject({ code: 'setup_token', field: 'setupToken' });
    expect(error.message).toMatch(/setup link the server printed/);
  }
  expect(await rows(h)).toEqual({ users: 0, workspaces: 0 });

  // Three setups at once, each past the "no user yet" check before any commits: the database lets one through.
  const answers = await Promise.all(
    ['first@atelier.example', 'second@atelier.example', 'third@atelier.example'].map((email) => admin(h, null, 'POST', '/auth/setup', { ...input, email, setupToken: h.setupToken })),
  );
  expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409]);
  for (const lost of answers.filter((r) => r.status === 409)) expect(((await lost.json()) as { error: { code: string } }).error.code).toBe('already_set_up');
  expect(await rows(h)).toEqual({ users: 1, workspaces: 1 });

  const owner = await sessionFrom(answers.find((r) => r.status === 201)!);
  expect(owner.role).toBe('owner');
  expect((await admin(h, owner, 'GET', '/members')).status).toBe(200);
  expect(await (await admin(h, null, 'GET', '/auth/setup')).json()).toEqual({ needed: false });
  expect((await admin(h, null, 'POST', '/auth/setup', { ...input, email: 'late@example.com', setupToken: h.setupToken })).status).toBe(409);
});
