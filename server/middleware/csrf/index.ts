import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../http/env.ts';
import { ApiError } from '../../http/errors.ts';
import { timingSafeEqual } from '../../security/tokens.ts';
import { csrfTokenFor } from '../../domain/accounts/sessions.ts';

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing admin requests that did not come from the panel itself:
 * - the browser's own word (`Sec-Fetch-Site`, else `Origin`) must say same-origin, which also
 *   stops login CSRF on sign-in and setup, where no session exists yet;
 * - a signed-in request must also carry the session's CSRF token in `X-CSRF-Token`, which a
 *   page on another site cannot read.
 * The event ingest route is public and cross-site by design, so it is never behind this.
 */
export const csrfProtection = (): MiddlewareHandler<AppEnv> =>
  async function csrfProtection(c, next) {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const sameOrigin = site ? site === 'same-origin' : origin ? origin === new URL(c.req.url).origin : true;
    if (!sameOrigin) throw new ApiError(403, 'csrf', 'cross-site request refused');
    const session = c.var.session;
    if (session) {
      const expected = await csrfTokenFor(c.var.secrets.appSecret, session.sessionIdHash);
      if (!timingSafeEqual(c.req.header(CSRF_HEADER) ?? '', expected)) {
        throw new ApiError(403, 'csrf', `${CSRF_HEADER}: missing or wrong; reload the panel`, CSRF_HEADER);
      }
    }
    await next();
  };
