import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../http/env.ts';
import { ApiError } from '../../http/errors.ts';
import { findApiKey } from '../../domain/accounts/api-keys.ts';

/**
 * For server-to-server routes: `Authorization: Bearer <API key>` with `scope`. Sets
 * `c.var.apiKey` to the key's workspace; a missing, unknown or revoked key is a 401, a key
 * without the scope a 403.
 */
export const requireApiKey = (scope: string): MiddlewareHandler<AppEnv> =>
  async function requireApiKey(c, next) {
    const match = /^Bearer\s+(\S{1,200})$/i.exec(c.req.header('authorization') ?? '');
    if (!match) throw new ApiError(401, 'unauthenticated', 'Authorization: send "Bearer <API key>"', 'Authorization');
    const key = await findApiKey(c.var.db, match[1]!, c.var.clock.now());
    if (!key) throw new ApiError(401, 'unauthenticated', 'Authorization: unknown or revoked API key', 'Authorization');
    if (!key.scopes.includes(scope)) throw new ApiError(403, 'forbidden', `Authorization: this API key lacks the ${scope} scope`, 'Authorization');
    c.set('apiKey', { id: key.id, workspaceId: key.workspaceId });
    await next();
  };
