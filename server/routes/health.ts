import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppEnv } from '../deps.ts';

/** Liveness and readiness in one: answers 200 only when the database answers a query. */
export const healthRoutes = new Hono<AppEnv>().get('/healthz', async (c) => {
  c.header('Cache-Control', 'no-store');
  try {
    await c.var.db.run(sql`select 1`);
    return c.json({ status: 'ok', version: c.var.config.version, time: new Date(c.var.clock.now()).toISOString() });
  } catch {
    return c.json({ status: 'error', version: c.var.config.version, database: 'unreachable' }, 503);
  }
});
