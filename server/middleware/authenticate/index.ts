import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../http/env.ts';
import { ApiError } from '../../http/errors.ts';
import { findSession, SESSION_TTL_MS, type SessionAuth } from '../../domain/accounts/sessions.ts';

export const SESSION_COOKIE = 'vitrine_session';

/**
 * Over https the cookie is `__Host-vitrine_session`: browsers only accept that name with Secure,
 * Path=/ and no Domain, so no sibling subdomain or plain-http page can plant or overwrite it.
 * Plain http (a local demo) cannot have Secure cookies, so there it keeps its plain name.
 */
const overHttps = (c: Context) => new URL(c.req.url).protocol === 'https:';
const prefix = (c: Context) => (overHttps(c) ? ('host' as const) : undefined);

/** Resolves the session cookie into `c.var.session`; requests without one pass through unauthenticated. */
export const authenticate = (): MiddlewareHandler<AppEnv> =>
  async function authenticate(c, next) {
    const token = getCookie(c, SESSION_COOKIE, prefix(c));
    if (token && token.length <= 100) {
      const session = await findSession(c.var.db, token, c.var.clock.now());
      if (session) c.set('session', session);
      else clearSessionCookie(c);
    }
    await next();
  };

/** The signed-in session, or a 401 for routes that need one. */
export function requireSession(c: Context<AppEnv>): SessionAuth {
  const session = c.var.session;
  if (!session) throw new ApiError(401, 'unauthenticated', 'sign in first');
  return session;
}

/** HttpOnly (scripts never see it), SameSite=Lax (no cross-site POSTs carry it), Secure and `__Host-` over https. */
export function setSessionCookie(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: overHttps(c),
    prefix: prefix(c),
    maxAge: SESSION_TTL_MS / 1000,
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: overHttps(c), prefix: prefix(c) });
}
