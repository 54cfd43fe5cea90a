import { Hono } from 'hono';
import { allowOriginBody, workspacePatch } from '../../../shared/schemas/workspace.ts';
import type { AppEnv } from '../../http/env.ts';
import { publicOrigin } from '../../http/public-origin.ts';
import { jsonBody } from '../../http/validate.ts';
import { requireSession } from '../../middleware/authenticate/index.ts';
import { readOrWrite } from '../../middleware/require-role/index.ts';
import { gettingStarted } from '../../domain/accounts/getting-started.ts';
import { getWorkspace, updateWorkspace } from '../../domain/accounts/workspaces.ts';
import { allowOrigin, listRefusedOrigins } from '../../domain/tracking/refused-origins.ts';

/** Workspace settings: every member reads them (the panel needs the brand's name); owners change them. */
export const workspaceRoutes = new Hono<AppEnv>()
  .use(readOrWrite('owner'))
  .get('/', async (c) => c.json(await getWorkspace(c.var.db, requireSession(c).workspaceId)))
  .get('/getting-started', async (c) => c.json(await gettingStarted(c.var.db, requireSession(c).workspaceId, publicOrigin(c))))
  .patch('/', async (c) => c.json(await updateWorkspace(c.var.db, requireSession(c), await jsonBody(c, workspacePatch), c.var.clock.now())))
  /** Pages whose events were refused (origin not allowed), for the panel to offer allowing them. */
  .get('/refused-origins', async (c) => c.json({ origins: await listRefusedOrigins(c.var.db, requireSession(c).workspaceId) }))
  .post('/allowed-origins', async (c) => c.json(await allowOrigin(c.var.db, requireSession(c), (await jsonBody(c, allowOriginBody)).origin, c.var.clock.now())));

