import { Hono } from 'hono';
import { clientId } from '../../../shared/schemas/events.ts';
import type { AppEnv } from '../../http/env.ts';
import { ApiError } from '../../http/errors.ts';
import { requireSession } from '../../middleware/authenticate/index.ts';
import { requireRole } from '../../middleware/require-role/index.ts';
import { eraseVisitor } from '../../domain/tracking/erasure.ts';

/**
 * `DELETE /admin/visitors/:visitorId`: an owner erases a shopper's data on their request
 * (audited). An id no widget could have made is not found, like any id the workspace lacks.
 */
export const visitorRoutes = new Hono<AppEnv>().use(requireRole('owner')).delete('/:visitorId', async (c) => {
  const session = requireSession(c);
  const visitorId = c.req.param('visitorId');
  if (!clientId.safeParse(visitorId).success) throw new ApiError(404, 'not_found', `visitorId: no visitor "${visitorId}" (ids are 8–64 characters of A-Z, a-z, 0-9, _ or -)`, 'visitorId');
  return c.json(await eraseVisitor(c.var.db, session.workspaceId, visitorId, { kind: 'user', userId: session.userId }, c.var.clock.now()));
});
