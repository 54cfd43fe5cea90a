import { createHarness } from '#harness';
import { beforeAll, expect, it } from 'vitest';
import { findApiKey } from '../../domain/accounts/api-keys.ts';
import { admin, addMember, signIn, type AdminSession } from '../../dev/testing/admin-client.ts';
import type { Harness } from '../../dev/testing/harness.ts';

let h: Harness;
let owner: AdminSession;
beforeAll(async () => {
  h = await createHarness();
  owner = await signIn(h);
});

it('invites, lists, changes roles and removes members, keeping an owner and an audit trail', async () => {
  const merch = await addMember(h, owner, 'mia@example.com', 'merchandiser');
  expect(merch.role).toBe('merchandiser');
  const list = (await (await admin(h, owner, 'GET', '/members')).json()) as { members: { userId: string; email: string; role: string }[] };
  const mia = list.members.find((m) => m.email === 'mia@example.com')!;
  expect(mia.role).toBe('merchandiser');

  expect((await admin(h, owner, 'PATCH', `/members/${mia.userId}`, { role: 'analyst' })).status).toBe(204);
  expect((await admin(h, merch, 'GET', '/auth/session').then((r) => r.json())) as { role: string }).toMatchObject({ role: 'analyst' });

  const lastOwner = await admin(h, owner, 'PATCH', '/members/usr_demo', { role: 'analyst' });
  expect(lastOwner.status).toBe(409);
  expect(((await lastOwner.json()) as { error: { field: string } }).error.field).toBe('role');

  expect((await admin(h, owner, 'DELETE', `/members/${mia.userId}`)).status).toBe(204);
  expect((await admin(h, merch, 'GET', '/auth/session')).status).toBe(401);

  const audit = (await (await admin(h, owner, 'GET', '/audit')).json()) as { entries: { action: string; actorEmail: string }[] };
  expect(audit.entries.map((e) => e.action)).toEqual(['member.removed', 'member.role_changed', 'invitation.accepted', 'invitation.created']);
  expect(audit.entries[0]!.actorEmail).toBe(h.owner.email);
});

it('an invitation works once', async () => {
  const invited = await admin(h, owner, 'POST', '/invitations', { email: 'once@example.com', role: 'analyst' });
  const token = new URL(((await invited.json()) as { acceptUrl: string }).acceptUrl).hash.replace('#token=', '');
  const accept = () => admin(h, null, 'POST', '/auth/accept-invitation', { token, name: 'Once', password: 'a long enough password' });
  expect((await accept()).status).toBe(201);
  expect((await accept()).status).toBe(404);
});

it('shows an API key once, stores only its hash, and honours revocation', async () => {
  const created = await admin(h, owner, 'POST', '/api-keys', { name: 'Shop server', scopes: ['orders:write'] });
  expect(created.status).toBe(201);
  const { id, key } = (await created.json()) as { id: string; key: string };
  expect(key).toMatch(/^vk_[\w-]{32}$/);
  const listed = await (await admin(h, owner, 'GET', '/api-keys')).text();
  expect(listed).not.toContain(key);
  expect(listed).toContain(key.slice(0, 10));
  expect(await findApiKey(h.db, key, h.clock.now())).toMatchObject({ workspaceId: 'ws_demo', scopes: ['orders:write'] });
  expect((await admin(h, owner, 'DELETE', `/api-keys/${id}`)).status).toBe(204);
  expect(await findApiKey(h.db, key, h.clock.now())).toBeNull();
  const badScope = await admin(h, owner, 'POST', '/api-keys', { name: 'x', scopes: ['admin'] });
  expect(((await badScope.json()) as { error: { field: string } }).error.field).toBe('scopes.0');
});
