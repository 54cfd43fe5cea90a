import { Hono } from 'hono';
import { connectInput, deleteAllDataBody, disconnectQuery } from '../../../shared/schemas/collection.ts';
import { connectAccount, listConnections, ownConnection } from '../../domain/collection/connections.ts';
import { deleteAllPlatformData, removeConnection } from '../../domain/collection/platform-data.ts';
import { hashtagQuota } from '../../domain/collection/hashtag-quota.ts';
import type { AppEnv } from '../../http/env.ts';
import { jsonBody, parseWith } from '../../http/validate.ts';
import { requireSession } from '../../middleware/authenticate/index.ts';
import { readOrWrite, requireRole } from '../../middleware/require-role/index.ts';

const ownersOnly = requireRole('owner');

/** Connected Instagram accounts; tokens go in, never out. */
export const instagramRoutes = new Hono<AppEnv>()
  .use(readOrWrite('owner', 'merchandiser'))
  .get('/connections', async (c) => c.json({ connections: await listConnections(c.var.db, requireSession(c).workspaceId, c.var.clock.now()) }))
  .post('/connections', async (c) => {
    const input = await jsonBody(c, connectInput);
    const view = await connectAccount({ db: c.var.db, graph: c.var.instagram.graph, appSecret: c.var.secrets.appSecret }, requireSession(c), input, c.var.clock.now());
    return c.json(view, 201);
  })
  // Erasing collected data is the owner's decision; removing the connection alone is not.
  .delete('/connections/:id', (c, next) => (c.req.query('deleteData') === 'true' ? ownersOnly(c, next) : next()), async (c) => {
    const deleteData = parseWith(disconnectQuery, c.req.query()).deleteData === 'true';
    const removed = await removeConnection(c.var, requireSession(c), c.req.param('id'), deleteData, c.var.clock.now());
    return deleteData ? c.json(removed) : c.body(null, 204);
  })
  /** "Delete all Instagram data": owners, confirmed in the body; granted posts stay. */
  .delete('/data', ownersOnly, async (c) => {
    await jsonBody(c, deleteAllDataBody);
    return c.json(await deleteAllPlatformData(c.var, requireSession(c), c.var.clock.now()));
  })
  /** How many of the 30 weekly hashtags the account has used, shown before adding another. */
  .get('/connections/:id/hashtag-quota', async (c) => {
    const connection = await ownConnection(c.var.db, requireSession(c).workspaceId, c.req.param('id'));
    return c.json(await hashtagQuota(c.var.db, connection.igUserId, c.var.clock.now()));
  });
