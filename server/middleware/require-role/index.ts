import type { MiddlewareHandler } from 'hono';
import type { SessionAuth } from '../../domain/accounts/sessions.ts';
import type { AppEnv } from '../../http/env.ts';
import { ApiError } from '../../http/errors.ts';
import { requireSession } from '../authenticate/index.ts';

/** A member's role in the workspace, as the session carries it. */
type Role = SessionAuth['role'];

/**
 * Lets a request through only for a signed-in member with one of `roles`. Mounted on whole
 * route groups: every mutating admin route sits behind one, which the role tests enumerate.
 */
export const requireRole = (...roles: Role[]): MiddlewareHandler<AppEnv> =>
  async function requireRole(c, next) {
    const session = requireSession(c);
    if (!roles.includes(session.role)) {
      throw new ApiError(403, 'forbidden', `your role (${session.role}) cannot do this; it needs ${roles.join(' or ')}`);
    }
    await next();
  };

/** Reads for every member; writes only for `writers`. */
export const readOrWrite = (...writers: Role[]): MiddlewareHandler<AppEnv> => {
  const writeGuard = requireRole(...writers);
  return async function readOrWrite(c, next) {
    requireSession(c);
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return writeGuard(c, next);
  };
};
