import { Hono } from 'hono';
import { createApiKeyInput } from '../../../shared/schemas/accounts.ts';
import type { AppEnv } from '../../http/env.ts';
import { jsonBody } from '../../http/validate.ts';
import { requireSession } from '../../middleware/authenticate/index.ts';
import { requireRole } from '../../middleware/require-role/index.ts';
import { createApiKey, listApiKeys, revokeApiKey } from '../../domain/accounts/api-keys.ts';

/** API keys are credentials: only owners see or manage them. */
export const apiKeyRoutes = new Hono<AppEnv>()
  .use(requireRole('owner'))
  .get('/', async (c) => c.json({ apiKeys: await listApiKeys(c.var.db, requireSession(c).workspaceId) }))
  .post('/', async (c) => {
    const input = await jsonBody(c, createApiKeyInput);
    const created = await createApiKey(c.var.db, requireSession(c), input, c.var.clock.now());
    return c.json(created, 201);
  })
  .delete('/:id', async (c) => {
    await revokeApiKey(c.var.db, requireSession(c), c.req.param('id'), c.var.clock.now());
    return c.body(null, 204);
  });
