import { Hono } from 'hono';
import { z } from 'zod';
import { clientId } from '../../../shared/schemas/events.ts';
import type { AppEnv } from '../../http/env.ts';
import { parseWith } from '../../http/validate.ts';
import { requireSession } from '../../middleware/authenticate/index.ts';
import { requireRole } from '../../middleware/require-role/index.ts';
import { eraseVisitor } from '../../domain/tracking/erasure.ts';

const visitorParams = z.object({ visitorId: clientId });

/** `DELETE /admin/visitors/:visitorId`: an owner erases a shopper's data on their request (audited). */
export const visitorRoutes = new Hono<AppEnv>().use(requireRole('owner')).delete('/:visitorId', async (c) => {
  const session = requireSession(c);
  const { visitorId } = parseWith(visitorParams, { visitorId: c.req.param('visitorId') });
  return c.json(await eraseVisitor(c.var.db, session.workspaceId, visitorId, { kind: 'user', userId: session.userId }, c.var.clock.now()));
});
