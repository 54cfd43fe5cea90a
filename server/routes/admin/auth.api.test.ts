import { createHarness } from '#harness';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CLIENT_IP_HEADER } from '../../dev/testing/client-ip.ts';
import { admin, addMember, signIn, type AdminSession } from '../../dev/testing/admin-client.ts';
import { request, type Harness } from '../../dev/testing/harness.ts';
import { HSTS_VALUE } from '../../middleware/hsts/index.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

describe('sign-in', () => {
  it('sets an HttpOnly, SameSite session cookie and returns the panel session', async () => {
    const res = await admin(h, null, 'POST', '/auth/sign-in', { email: ` ${h.owner.email.toUpperCase()} `, password: h.owner.password });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^vitrine_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ user: { email: h.owner.email }, role: 'owner', workspace: { id: 'ws_demo', name: 'Maison Lumen' } });
    expect(body.csrfToken).toMatch(/^[0-9a-f]{64}$/);
  });

  it('says the same thing for a wrong password and an unknown email', async () => {
    const wrong = await admin(h, null, 'POST', '/auth/sign-in', { email: h.owner.email, password: 'nope' }, { [TEST_CLIENT_IP_HEADER]: '192.0.2.10' });
    const unknown = await admin(h, null, 'POST', '/auth/sign-in', { email: 'nobody@example.com', password: 'nope' }, { [TEST_CLIENT_IP_HEADER]: '192.0.2.10' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it('names the field at fault in a bad body', async () => {
    const res = await admin(h, null, 'POST', '/auth/sign-in', { email: 'not-an-email', password: 'x' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe('email');
    const extra = await admin(h, null, 'POST', '/auth/sign-in', { email: h.owner.email, password: 'x', admin: true });
    expect(extra.status).toBe(400);
    const broken = await request(h, '/admin/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://vitrine.test' }, body: '{"email":' });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { code: string } }).error.code).toBe('invalid_json');
  });

  it('rate-limits guessing: the 11th attempt in 15 minutes is refused even with the right password', async () => {
    const ip = { [TEST_CLIENT_IP_HEADER]: '192.0.2.99' };
    for (let i = 0; i < 10; i++) {
      expect((await admin(h, null, 'POST', '/auth/sign-in', { email: h.owner.email, password: `guess${i}` }, ip)).status).toBe(401);
    }
    const blocked = await admin(h, null, 'POST', '/auth/sign-in', { email: h.owner.email, password: h.owner.password }, ip);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address is not affected, and the window passes.
    expect((await admin(h, null, 'POST', '/auth/sign-in', { email: h.owner.email, password: h.owner.password }, { [TEST_CLIENT_IP_HEADER]: '192.0.2.100' })).status).toBe(200);
    h.clock.advance(15 * 60_000);
    expect((await admin(h, null, 'POST', '/auth/sign-in', { email: h.owner.email, password: h.owner.password }, ip)).status).toBe(200);
  });
});

describe('attempt limits', () => {
  // One harness per file (on Workers every test of a file shares its database): each test uses
  // addresses and accounts of its own, and starts a new 15-minute window for the next.
  let owner: AdminSession;
  beforeAll(async () => {
    owner = await signIn(h, h.owner.email, h.owner.password, '198.18.0.1');
  });
  afterEach(() => h.clock.advance(15 * 60_000));

  const signInFrom = (address: string, email: string, password: string) =>
    admin(h, null, 'POST', '/auth/sign-in', { email, password }, { [TEST_CLIENT_IP_HEADER]: address });
  const messageOf = async (res: Response) => ((await res.json()) as { error: { message: string } }).error.message;

  it('limits sign-in per account whatever the address: 30 guesses from 30 addresses, then even the right password waits', async () => {
    await addMember(h, owner, 'kim@example.com', 'analyst');
    for (let i = 0; i < 30; i++) expect((await signInFrom(`198.51.100.${i + 1}`, 'kim@example.com', `guess${i}`)).status).toBe(401);
    const blocked = await signInFrom('203.0.113.77', 'kim@example.com', 'a long enough password');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await messageOf(blocked)).toMatch(/too many sign-in attempts/);
    // Another account is not affected.
    expect((await signInFrom('203.0.113.78', h.owner.email, h.owner.password)).status).toBe(200);
  });

  it('limits sign-in per address across accounts: 50 tries, then that address waits', async () => {
    for (let i = 0; i < 50; i++) expect((await signInFrom('192.0.2.200', `nobody${i}@example.com`, 'guess')).status).toBe(401);
    expect((await signInFrom('192.0.2.200', h.owner.email, h.owner.password)).status).toBe(429);
    expect((await signInFrom('192.0.2.201', h.owner.email, h.owner.password)).status).toBe(200);
  });

  it('counts IPv6 clients per /64: new addresses in the same /64 buy no more guesses', async () => {
    for (let i = 0; i < 10; i++) expect((await signInFrom(`2001:db8:aa:bb::${(i + 1).toString(16)}`, h.owner.email, `guess${i}`)).status).toBe(401);
    expect((await signInFrom('2001:db8:aa:bb:ffff:1:2:3', h.owner.email, h.owner.password)).status).toBe(429);
    expect((await signInFrom('2001:db8:aa:cc::1', h.owner.email, h.owner.password)).status).toBe(200);
  });

  it('limits accepting an invitation like sign-in (an existing account is asked its password there)', async () => {
    await addMember(h, owner, 'lee@example.com', 'analyst');
    const invited = await admin(h, owner, 'POST', '/invitations', { email: 'lee@example.com', role: 'merchandiser' });
    const token = new URL(((await invited.json()) as { acceptUrl: string }).acceptUrl).hash.replace('#token=', '');
    const accept = (password: string) => admin(h, null, 'POST', '/auth/accept-invitation', { token, name: 'Lee', password }, { [TEST_CLIENT_IP_HEADER]: '192.0.2.30' });
    for (let i = 0; i < 10; i++) expect((await accept(`wrong password ${i}`)).status).toBe(400);
    const blocked = await accept('a long enough password');
    expect(blocked.status).toBe(429);
    expect(await messageOf(blocked)).toMatch(/too many invitation attempts/);
  });

  it('limits password changes like sign-in (a stolen session must not find the password)', async () => {
    const member = await addMember(h, owner, 'ray@example.com', 'analyst');
    const change = (currentPassword: string) => admin(h, member, 'POST', '/auth/password', { currentPassword, newPassword: 'a brand new password' });
    for (let i = 0; i < 10; i++) expect((await change(`guess${i}`)).status).toBe(400);
    const blocked = await change('a long enough password');
    expect(blocked.status).toBe(429);
    expect(await messageOf(blocked)).toMatch(/too many password change attempts/);
    h.clock.advance(15 * 60_000);
    expect((await change('a long enough password')).status).toBe(204);
  });
});

describe('over https', () => {
  const https = (path: string, init: RequestInit = {}) =>
    request(h, `https://vitrine.test${path}`, { ...init, headers: { origin: 'https://vitrine.test', 'sec-fetch-site': 'same-origin', 'content-type': 'application/json', [TEST_CLIENT_IP_HEADER]: '198.18.0.2', ...init.headers } });

  it('the session cookie is __Host- prefixed and Secure, and every answer carries HSTS', async () => {
    const res = await https('/admin/auth/sign-in', { method: 'POST', body: JSON.stringify(h.owner) });
    expect(res.status).toBe(200);
    expect(res.headers.get('strict-transport-security')).toBe(HSTS_VALUE);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-vitrine_session=[\w-]{40,};/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; Path=\/;/);
    expect(cookie).not.toMatch(/Domain=/i);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const pair = cookie.split(';')[0]!;
    expect((await https('/admin/auth/session', { headers: { cookie: pair } })).status).toBe(200);
    // The unprefixed name, which a plain-http page or a sibling subdomain could set, is not read over https.
    expect((await https('/admin/auth/session', { headers: { cookie: pair.replace('__Host-', '') } })).status).toBe(401);
    expect((await https('/healthz')).headers.get('strict-transport-security')).toBe(HSTS_VALUE);
    expect((await https('/v1/galleries/none/posts')).headers.get('strict-transport-security')).toBe(HSTS_VALUE);
    const out = await https('/admin/auth/sign-out', { method: 'POST', headers: { cookie: pair, 'x-csrf-token': csrfToken } });
    expect(out.headers.get('set-cookie')).toMatch(/^__Host-vitrine_session=;.*Secure/);
  });

  it('plain http (a local demo) gets the plain cookie and no HSTS', async () => {
    const res = await admin(h, null, 'POST', '/auth/sign-in', h.owner, { [TEST_CLIENT_IP_HEADER]: '198.18.0.3' });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/^vitrine_session=/);
    expect(res.headers.get('set-cookie')).not.toMatch(/Secure/);
    expect(res.headers.get('strict-transport-security')).toBeNull();
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
    expect((await admin(h, null, 'POST', '/auth/sign-in', { email: h.owner.email, password: h.owner.password }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
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
