/**
 * Secrets and tokens never come back and are never logged. With every kind of secret in place
 * (an Instagram token, an API key, a webhook secret, sessions, passwords, invitation tokens, the
 * app secret), every GET route the app has - enumerated from the app - is read as an owner, and
 * no answer may contain a secret's value or a field named like one. Console output is watched
 * throughout, including while errors are provoked.
 */
import { createHarness } from '#harness';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiKeys, instagramConnections, invitations, sessions, users, webhookEndpoints } from '../db/schema.ts';
import { admin, signIn, type AdminSession } from '../dev/testing/admin-client.ts';
import { request, type Harness } from '../dev/testing/harness.ts';
import { appRoutes, fillPath } from '../dev/testing/routes.ts';

let h: Harness;
let owner: AdminSession;
let apiKey: string;
const secrets: string[] = ['test-secret'];
const logged: string[] = [];
const ids: Record<string, string> = { id: 'post_demo01', userId: 'usr_demo', tagId: 'x', '*': 'm/med_post_demo01_0/display-320.webp' };

/** Fields a client legitimately gets: its own CSRF token, and when a token expires. */
const ALLOWED_FIELDS = new Set(['csrfToken', 'tokenExpiresAt']);
/** Hashes of public text (termsHash, contentHash) are fine; hashes of credentials are named after them. */
const SECRET_FIELD = /secret|password|ciphertext|token|keyhash|sessionhash/i;

beforeAll(async () => {
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' ')));
  }
  h = await createHarness();
  owner = await signIn(h);
  secrets.push(owner.cookie.split('=')[1]!, h.fake.account.accessToken);

  const connected = await admin(h, owner, 'POST', '/instagram/connections', { igUserId: h.fake.account.igUserId, accessToken: h.fake.account.accessToken });
  expect(connected.status).toBe(201);
  ids.connection = ((await connected.json()) as { id: string }).id;
  const key = await admin(h, owner, 'POST', '/api-keys', { name: 'Shop server', scopes: ['orders:write'] });
  apiKey = ((await key.json()) as { key: string }).key;
  secrets.push(apiKey);
  const hook = await admin(h, owner, 'POST', '/webhooks', { url: 'https://merchant.example/hooks', events: ['rights.granted'] });
  expect(hook.status).toBe(201);
  secrets.push(...Object.values((await hook.json()) as Record<string, unknown>).filter((v): v is string => typeof v === 'string' && v.startsWith('whsec_')));
  const invited = await admin(h, owner, 'POST', '/invitations', { email: 'new@example.com', role: 'analyst' });
  secrets.push(new URL(((await invited.json()) as { acceptUrl: string }).acceptUrl).hash.replace('#token=', ''));

  // Everything stored that is a secret or derived from one.
  for (const u of await h.db.select({ v: users.passwordHash }).from(users)) secrets.push(u.v);
  for (const s of await h.db.select().from(sessions)) secrets.push(...Object.values(s).filter((v): v is string => typeof v === 'string' && v.length >= 32));
  for (const k of await h.db.select({ v: apiKeys.keyHash }).from(apiKeys)) secrets.push(k.v);
  for (const c of await h.db.select({ v: instagramConnections.tokenCiphertext }).from(instagramConnections)) secrets.push(c.v);
  for (const w of await h.db.select({ v: webhookEndpoints.secretCiphertext }).from(webhookEndpoints)) secrets.push(w.v);
  for (const i of await h.db.select({ v: invitations.tokenHash }).from(invitations)) secrets.push(i.v);
});

afterAll(() => vi.restoreAllMocks());

function secretFields(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => secretFields(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [...(SECRET_FIELD.test(k) && !ALLOWED_FIELDS.has(k) ? [`${path}.${k}`] : []), ...secretFields(v, `${path}.${k}`)]);
  }
  return [];
}

describe('secrets never come back', () => {
  it('knows the secrets it looks for', () => {
    expect(secrets.length).toBeGreaterThanOrEqual(10);
    for (const s of secrets) expect(s.length).toBeGreaterThanOrEqual(8);
  });

  it('no GET answer of any route holds a secret value or a secret-named field', async () => {
    const gets = appRoutes(h.app).filter((r) => r.method === 'GET');
    expect(gets.length).toBeGreaterThan(20);
    for (const route of gets) {
      const path = fillPath(route.path, (name) => (route.path.includes('/connections/') ? ids.connection! : route.path.startsWith('/v1/galleries') || route.path.includes('/galleries/') ? 'demo' : (ids[name] ?? 'x')));
      const res = await request(h, path, { headers: { origin: 'http://vitrine.test', 'sec-fetch-site': 'same-origin', cookie: owner.cookie, 'x-csrf-token': owner.csrfToken } });
      const body = await res.text();
      expect(res.status, `${route.path} answered`).toBeLessThan(500);
      for (const s of secrets) expect(body.includes(s), `${path} holds a secret`).toBe(false);
      if ((res.headers.get('content-type') ?? '').includes('json')) expect(secretFields(JSON.parse(body)), path).toEqual([]);
    }
  });

  it('nothing logged holds a secret, even when requests fail', async () => {
    await request(h, '/admin/members', { headers: { cookie: 'vitrine_session=not-a-session' } });
    await request(h, '/v1/orders', { method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' }, body: '{' });
    await request(h, '/hooks/instagram', { method: 'POST', headers: { 'x-hub-signature-256': 'sha256=00', 'content-type': 'application/json' }, body: '{}' });
    const all = logged.join('\n');
    for (const s of secrets) expect(all.includes(s), 'a secret was logged').toBe(false);
  });
});
