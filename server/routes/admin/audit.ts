import { Hono } from 'hono';
import type { AppEnv } from '../../http/env.ts';
import { cursorParam, intParam } from '../../http/query.ts';
import { requireSession } from '../../middleware/authenticate/index.ts';
import { readOrWrite } from '../../middleware/require-role/index.ts';
import { listAudit } from '../../domain/audit/audit.ts';

export const auditRoutes = new Hono<AppEnv>()
  .use(readOrWrite('owner'))
  .get('/', async (c) => {
    const limit = intParam(c.req.query('limit'), 'limit', { min: 1, max: 200, fallback: 50 });
    const cursor = cursorParam(c.req.query('cursor'), 'key');
    return c.json(await listAudit(c.var.db, requireSession(c).workspaceId, { limit, cursor: cursor?.kind === 'key' ? cursor : null }));
  });
