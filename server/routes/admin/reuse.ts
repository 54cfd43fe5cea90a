import { Hono } from 'hono';
import { reuseRotateInput } from '../../../shared/schemas/reuse.ts';
import type { AppEnv } from '../../http/env.ts';
import { publicOrigin } from '../../http/public-origin.ts';
import { jsonBody } from '../../http/validate.ts';
import { requireSession } from '../../middleware/authenticate/index.ts';
import { requireRole } from '../../middleware/require-role/index.ts';
import { listReuseFeeds, rotateReuseKey } from '../../domain/reuse/keys.ts';

/**
 * The secret URLs of the ads feed and the email blocks. They open content to whoever holds
 * them, so analysts do not see them and only owners replace them.
 */
export const adminReuseRoutes = new Hono<AppEnv>()
  .get('/', requireRole('owner', 'merchandiser'), async (c) => c.json(await listReuseFeeds(c.var.db, c.var.secrets.appSecret, requireSession(c).workspaceId, publicOrigin(c))))
  .post('/rotate', requireRole('owner'), async (c) => {
    const { feed } = await jsonBody(c, reuseRotateInput);
    const session = requireSession(c);
    await rotateReuseKey(c.var.db, session, feed, c.var.clock.now());
    return c.json(await listReuseFeeds(c.var.db, c.var.secrets.appSecret, session.workspaceId, publicOrigin(c)));
  });
