import { createHarness } from '#harness';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGIN } from '../../seed/demo-content.ts';
import { TEST_CLIENT_IP_HEADER } from '../../testing/client-ip.ts';
import { admin, addMember, signIn, type AdminSession } from '../../testing/admin-client.ts';
import { request, type Harness } from '../../testing/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

describe('sign-in', () => {
  it('sets an HttpOnly, SameSite session cookie and returns the panel session', async () => {
    const res = await admin(h, null, 'POST', '/auth/sign-in', { email: 'DEMO@vitrine.local ', password: DEMO_LOGIN.password });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^vitrine_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ user: { email: DEMO_LOGIN.email }, role: 'owner', workspace: { id: 'ws_demo', name: 'Maison Lumen' } });
    expect(body.csrfToken).toMatch(/^[0-9a-f]{64}$/);
  });

  it('says the same thing for a wrong password and an unknown email', async () => {
    const wrong = await admin(h, null, 'POST', '/auth/sign-in', { email: DEMO_LOGIN.email, password: 'nope' }, { [TEST_CLIENT_IP_HEADER]: '192.0.2.10' });
    const unknown = await admin(h, null, 'POST', '/auth/sign-in', { email: 'nobody@example.com', password: 'nope' }, { [TEST_CLIENT_IP_HEADER]: '192.0.2.10' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it('names the field at fault in a bad body', async () => {
    const res = await admin(h, null, 'POST', '/auth/sign-in', { email: 'not-an-email', password: 'x' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe('email');
    const extra = await admin(h, null, 'POST', '/auth/sign-in', { email: DEMO_LOGIN.email, password: 'x', admin: true });
    expect(extra.status).toBe(400);
    const broken = await request(h, '/admin/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://vitrine.test' }, body: '{"email":' });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { code: string } }).error.code).toBe('invalid_json');
  });

  it('rate-limits guessing: the 11th attempt in 15 minutes is refused even with the right password', async () => {
    const ip = { [TEST_CLIENT_IP_HEADER]: '192.0.2.99' };
    for (let i = 0; i < 10; i++) {
      expect((await admin(h, null, 'POST', '/auth/sign-in', { email: DEMO_LOGIN.email, password: `guess${i}` }, ip)).status).toBe(401);
    }
    const blocked = await admin(h, null, 'POST', '/auth/sign-in', { email: DEMO_LOGIN.email, password: DEMO_LOGIN.password }, ip);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address is not affected, and the window passes.
    expect((await admin(h, null, 'POST', '/auth/sign-in', { email: DEMO_LOGIN.email, password: DEMO_LOGIN.password }, { [TEST_CLIENT_IP_HEADER]: '192.0.2.100' })).status).toBe(200);
    h.clock.advance(15 * 60_000);
    expect((await admin(h, null, 'POST', '/auth/sign-in', { email: DEMO_LOGIN.email, password: DEMO_LOGIN.password }, ip)).status).toBe(200);
  });
});

describe('sessions', () => {
  let owner: AdminSession;
  beforeAll(async () => {
    owner = await signIn(h);
  });

  it('needs a session for the admin API', async () => {
    expect((await admin(h, null, 'GET', '/auth/session')).status).toBe(401);
    expect((await admin(h, null, 'GET', '/members')).status).toBe(401);
    expect((await admin(h, { ...owner, cookie: 'vitrine_session=forged-token-value' }, 'GET', '/members')).status).toBe(401);
    expect((await admin(h, owner, 'GET', '/auth/session')).status).toBe(200);
  });

  it('refuses state changes from another site, or without the CSRF token', async () => {
    const body = { email: 'someone@example.com', role: 'analyst' };
    expect((await admin(h, owner, 'POST', '/invitations', body, { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' })).status).toBe(403);
    expect((await admin(h, owner, 'POST', '/invitations', body, { 'sec-fetch-site': '', origin: 'https://evil.example' })).status).toBe(403);
    const noToken = await admin(h, { ...owner, csrfToken: '' }, 'POST', '/invitations', body);
    expect(noToken.status).toBe(403);
    expect(((await noToken.json()) as { error: { field: string } }).error.field).toBe('x-csrf-token');
    expect((await admin(h, { ...owner, csrfToken: 'f'.repeat(64) }, 'POST', '/invitations', body)).status).toBe(403);
    // A cross-site form post of sign-in (login CSRF) is refused too.
    expect((await admin(h, null, 'POST', '/auth/sign-in', { email: DEMO_LOGIN.email, password: DEMO_LOGIN.password }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await admin(h, owner, 'POST', '/invitations', body)).status).toBe(201);
  });

  it('signs out for good', async () => {
    const session = await signIn(h);
    expect((await admin(h, session, 'POST', '/auth/sign-out')).status).toBe(204);
    expect((await admin(h, session, 'GET', '/auth/session')).status).toBe(401);
  });

  it('changes a password, checking the current one, and ends the other sessions', async () => {
    const member = await addMember(h, owner, 'pat@example.com', 'merchandiser');
    const elsewhere = await signIn(h, 'pat@example.com', 'a long enough password');
    const wrong = await admin(h, member, 'POST', '/auth/password', { currentPassword: 'nope', newPassword: 'another long password' });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: { field: string } }).error.field).toBe('currentPassword');
    const short = await admin(h, member, 'POST', '/auth/password', { currentPassword: 'a long enough password', newPassword: 'short' });
    expect(((await short.json()) as { error: { field: string } }).error.field).toBe('newPassword');
    expect((await admin(h, member, 'POST', '/auth/password', { currentPassword: 'a long enough password', newPassword: 'another long password' })).status).toBe(204);
    expect((await admin(h, member, 'GET', '/auth/session')).status).toBe(200);
    expect((await admin(h, elsewhere, 'GET', '/auth/session')).status).toBe(401);
    await signIn(h, 'pat@example.com', 'another long password');
  });

  it('expires sessions after 30 days', async () => {
    const session = await signIn(h);
    const start = h.clock.now();
    h.clock.advance(31 * 24 * 3_600_000);
    try {
      expect((await admin(h, session, 'GET', '/auth/session')).status).toBe(401);
    } finally {
      h.clock.set(start);
    }
  });
});
