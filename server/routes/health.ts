import { Hono } from 'hono';
import type { AppEnv } from '../http/env.ts';
import { databaseAnswers } from '../ops/health.ts';

/** Liveness and readiness in one: answers 200 only when the database answers a query. */
export const healthRoutes = new Hono<AppEnv>().get('/healthz', async (c) => {
  c.header('Cache-Control', 'no-store');
  const version = c.var.config.version;
  if (!(await databaseAnswers(c.var.db))) return c.json({ status: 'error', version, database: 'unreachable' }, 503);
  return c.json({ status: 'ok', version, time: new Date(c.var.clock.now()).toISOString() });
});
