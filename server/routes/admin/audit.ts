import { Hono } from 'hono';
import type { AppEnv } from '../../deps.ts';
import { intParam } from '../../http/query.ts';
import { requireSession } from '../../middleware/authenticate/index.ts';
import { readOrWrite } from '../../middleware/require-role/index.ts';
import { listAudit } from '../../services/audit.ts';

export const auditRoutes = new Hono<AppEnv>()
  .use(readOrWrite('owner'))
  .get('/', async (c) => {
    const limit = intParam(c.req.query('limit'), 'limit', { min: 1, max: 200, fallback: 50 });
    const before = intParam(c.req.query('before'), 'before', { min: 0, max: Number.MAX_SAFE_INTEGER, fallback: Number.MAX_SAFE_INTEGER });
    return c.json({ entries: await listAudit(c.var.db, requireSession(c).workspaceId, { limit, before }) });
  });
