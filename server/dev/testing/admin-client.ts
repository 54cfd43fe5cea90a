import { TEST_CLIENT_IP_HEADER } from './client-ip.ts';
import { request, type Harness } from './harness.ts';

export const TEST_ORIGIN = 'http://vitrine.test';

/** A signed-in panel, as the browser holds it: the session cookie and the CSRF token. */
export interface AdminSession {
  cookie: string;
  csrfToken: string;
  role: string;
  workspaceId: string;
}

/** Calls the admin API the way the panel does: same origin, cookie, CSRF token, JSON. */
export function admin(h: Harness, session: AdminSession | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return request(h, `/admin${path}`, {
    method,
    headers: {
      origin: TEST_ORIGIN,
      'sec-fetch-site': 'same-origin',
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Sends a file as the raw body (imports, uploads), signed in as the panel is. */
export function adminUpload(h: Harness, session: AdminSession, path: string, body: BodyInit, type: string) {
  return request(h, `/admin${path}`, { method: 'POST', body, headers: { 'content-type': type, cookie: session.cookie, 'x-csrf-token': session.csrfToken, origin: TEST_ORIGIN } });
}

/** Signs in, by default as the demo owner with the password this harness generated. */
export async function signIn(h: Harness, email = h.owner.email, password = h.owner.password, ip = '198.51.100.7'): Promise<AdminSession> {
  const res = await admin(h, null, 'POST', '/auth/sign-in', { email, password }, { [TEST_CLIENT_IP_HEADER]: ip });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return sessionFrom(res);
}

export async function sessionFrom(res: Response): Promise<AdminSession> {
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const body = (await res.json()) as { csrfToken: string; role: string; workspace: { id: string } };
  return { cookie, csrfToken: body.csrfToken, role: body.role, workspaceId: body.workspace.id };
}

/** Invites `email` with `role` as the given owner and accepts as that person; returns their session. */
export async function addMember(h: Harness, owner: AdminSession, email: string, role: 'owner' | 'merchandiser' | 'analyst'): Promise<AdminSession> {
  const invited = await admin(h, owner, 'POST', '/invitations', { email, role });
  if (invited.status !== 201) throw new Error(`invite failed: ${invited.status} ${await invited.text()}`);
  const token = new URL(((await invited.json()) as { acceptUrl: string }).acceptUrl).hash.replace('#token=', '');
  const accepted = await admin(h, null, 'POST', '/auth/accept-invitation', { token, name: email.split('@')[0], password: 'a long enough password' });
  if (accepted.status !== 201) throw new Error(`accept failed: ${accepted.status} ${await accepted.text()}`);
  return sessionFrom(accepted);
}
