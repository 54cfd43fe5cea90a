import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { sourceInput, sourcePatch } from '../../../shared/schemas/collection.ts';
import { runSource } from '../../domain/collection/run-source.ts';
import { createSource, listSources, sourceView, updateSource } from '../../domain/collection/sources.ts';
import { sources } from '../../db/schema.ts';
import type { AppEnv } from '../../http/env.ts';
import { notFound } from '../../domain/errors.ts';
import { jsonBody } from '../../http/validate.ts';
import { requireSession } from '../../middleware/authenticate/index.ts';
import { readOrWrite } from '../../middleware/require-role/index.ts';

export const sourceRoutes = new Hono<AppEnv>()
  .use(readOrWrite('owner', 'merchandiser'))
  .get('/', async (c) => c.json({ sources: await listSources(c.var.db, requireSession(c).workspaceId) }))
  .post('/', async (c) => c.json(await createSource(c.var.db, requireSession(c), await jsonBody(c, sourceInput), c.var.clock.now()), 201))
  .patch('/:id', async (c) => c.json(await updateSource(c.var.db, requireSession(c), c.req.param('id'), await jsonBody(c, sourcePatch), c.var.clock.now())))
  /** Collect now instead of waiting for the schedule; answers with what the run found. */
  .post('/:id/run', async (c) => {
    const { workspaceId } = requireSession(c);
    const [source] = await c.var.db.select().from(sources).where(and(eq(sources.workspaceId, workspaceId), eq(sources.id, c.req.param('id')))).limit(1);
    if (!source) throw notFound('source');
    const report = await runSource({ db: c.var.db, graph: c.var.instagram.graph, appSecret: c.var.secrets.appSecret }, source, c.var.clock.now());
    const [after] = await c.var.db.select().from(sources).where(eq(sources.id, source.id));
    return c.json({ created: report.created, linked: report.linked, error: report.error, source: sourceView(after!) });
  });
