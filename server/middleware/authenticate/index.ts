import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import { findSession, SESSION_TTL_MS, type SessionAuth } from '../../services/sessions.ts';

export const SESSION_COOKIE = 'vitrine_session';

/** Resolves the session cookie into `c.var.session`; requests without one pass through unauthenticated. */
export const authenticate = (): MiddlewareHandler<AppEnv> =>
  async function authenticate(c, next) {
    const token = getCookie(c, SESSION_COOKIE);
    if (token && token.length <= 100) {
      const session = await findSession(c.var.db, token, c.var.clock.now());
      if (session) c.set('session', session);
      else deleteCookie(c, SESSION_COOKIE, { path: '/' });
    }
    await next();
  };

/** The signed-in session, or a 401 for routes that need one. */
export function requireSession(c: Context<AppEnv>): SessionAuth {
  const session = c.var.session;
  if (!session) throw new ApiError(401, 'unauthenticated', 'sign in first');
  return session;
}

/** HttpOnly (scripts never see it), SameSite=Lax (no cross-site POSTs carry it), Secure over https. */
export function setSessionCookie(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: new URL(c.req.url).protocol === 'https:',
    maxAge: SESSION_TTL_MS / 1000,
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}
