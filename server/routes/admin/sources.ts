import { Hono } from 'hono';
import type { MentionsWebhookSetup } from '../../../shared/admin-types.ts';
import { sourceInput, sourcePatch } from '../../../shared/schemas/collection.ts';
import { runSourceNow } from '../../domain/collection/run-now.ts';
import { createSource, listSources, updateSource } from '../../domain/collection/sources.ts';
import type { AppEnv } from '../../http/env.ts';
import { publicOrigin } from '../../http/public-origin.ts';
import { jsonBody } from '../../http/validate.ts';
import { requireSession } from '../../middleware/authenticate/index.ts';
import { readOrWrite } from '../../middleware/require-role/index.ts';

export const sourceRoutes = new Hono<AppEnv>()
  .use(readOrWrite('owner', 'merchandiser'))
  .get('/', async (c) => {
    const webhook: MentionsWebhookSetup = {
      address: `${publicOrigin(c)}/hooks/instagram`,
      handshakeReady: c.var.secrets.instagramVerifyToken !== null,
      signaturesChecked: c.var.secrets.instagramAppSecret !== null,
    };
    return c.json({ sources: await listSources(c.var.db, requireSession(c).workspaceId), webhook });
  })
  .post('/', async (c) => c.json(await createSource(c.var.db, requireSession(c), await jsonBody(c, sourceInput), c.var.clock.now()), 201))
  .patch('/:id', async (c) => c.json(await updateSource(c.var.db, requireSession(c), c.req.param('id'), await jsonBody(c, sourcePatch), c.var.clock.now())))
  /** Collect now instead of waiting for the schedule; answers with what the run found. */
  .post('/:id/run', async (c) => {
    const deps = { db: c.var.db, graph: c.var.instagram.graph, appSecret: c.var.secrets.appSecret };
    return c.json(await runSourceNow(deps, requireSession(c).workspaceId, c.req.param('id'), c.var.clock.now()));
  });
