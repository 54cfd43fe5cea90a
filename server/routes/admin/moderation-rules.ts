import { Hono } from 'hono';
import { ruleInput } from '../../../shared/schemas/moderation.ts';
import type { AppEnv } from '../../http/env.ts';
import { jsonBody } from '../../http/validate.ts';
import { requireSession } from '../../middleware/authenticate/index.ts';
import { readOrWrite } from '../../middleware/require-role/index.ts';
import { addRule, deleteRule, listRules } from '../../domain/posts/moderation.ts';

const view = (rule: { id: string; kind: string; value: string; createdAt: number }) => ({ id: rule.id, kind: rule.kind, value: rule.value, createdAt: new Date(rule.createdAt).toISOString() });

export const moderationRuleRoutes = new Hono<AppEnv>()
  .use(readOrWrite('owner', 'merchandiser'))
  .get('/', async (c) => c.json({ rules: (await listRules(c.var.db, requireSession(c).workspaceId)).map(view) }))
  .post('/', async (c) => c.json(view(await addRule(c.var.db, requireSession(c), await jsonBody(c, ruleInput), c.var.clock.now())), 201))
  .delete('/:id', async (c) => {
    await deleteRule(c.var.db, requireSession(c), c.req.param('id'), c.var.clock.now());
    return c.body(null, 204);
  });
