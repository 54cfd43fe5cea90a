import { Hono } from 'hono';
import { connectInput } from '../../../shared/schemas/collection.ts';
import { connectAccount, disconnect, listConnections, ownConnection } from '../../domain/collection/connections.ts';
import { hashtagQuota } from '../../domain/collection/hashtag-quota.ts';
import type { AppEnv } from '../../http/env.ts';
import { jsonBody } from '../../http/validate.ts';
import { requireSession } from '../../middleware/authenticate/index.ts';
import { readOrWrite } from '../../middleware/require-role/index.ts';

/** Connected Instagram accounts; tokens go in, never out. */
export const instagramRoutes = new Hono<AppEnv>()
  .use(readOrWrite('owner', 'merchandiser'))
  .get('/connections', async (c) => c.json({ connections: await listConnections(c.var.db, requireSession(c).workspaceId, c.var.clock.now()) }))
  .post('/connections', async (c) => {
    const input = await jsonBody(c, connectInput);
    const view = await connectAccount({ db: c.var.db, graph: c.var.instagram.graph, appSecret: c.var.secrets.appSecret }, requireSession(c), input, c.var.clock.now());
    return c.json(view, 201);
  })
  .delete('/connections/:id', async (c) => {
    await disconnect(c.var.db, requireSession(c), c.req.param('id'), c.var.clock.now());
    return c.body(null, 204);
  })
  /** How many of the 30 weekly hashtags the account has used, shown before adding another. */
  .get('/connections/:id/hashtag-quota', async (c) => {
    const connection = await ownConnection(c.var.db, requireSession(c).workspaceId, c.req.param('id'));
    return c.json(await hashtagQuota(c.var.db, connection.igUserId, c.var.clock.now()));
  });
