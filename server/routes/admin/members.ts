import { Hono } from 'hono';
import { changeRoleInput, inviteInput } from '../../../shared/schemas/accounts.ts';
import type { AppEnv } from '../../http/env.ts';
import { jsonBody } from '../../http/validate.ts';
import { requireSession } from '../../middleware/authenticate/index.ts';
import { readOrWrite } from '../../middleware/require-role/index.ts';
import { invite, listInvitations, listMembers, updateMember } from '../../domain/accounts/accounts.ts';

/** Members: every member sees who is in the workspace; only owners change it. */
export const memberRoutes = new Hono<AppEnv>()
  .use(readOrWrite('owner'))
  .get('/', async (c) => {
    const { workspaceId } = requireSession(c);
    const [members, invitations] = await Promise.all([listMembers(c.var.db, workspaceId), listInvitations(c.var.db, workspaceId, c.var.clock.now())]);
    return c.json({ members, invitations });
  })
  .patch('/:userId', async (c) => {
    const session = requireSession(c);
    const { role } = await jsonBody(c, changeRoleInput);
    await updateMember(c.var.db, session, c.req.param('userId'), role, c.var.clock.now());
    return c.body(null, 204);
  })
  .delete('/:userId', async (c) => {
    await updateMember(c.var.db, requireSession(c), c.req.param('userId'), null, c.var.clock.now());
    return c.body(null, 204);
  });

/** Invitations are how members are added; only owners send them. */
export const invitationRoutes = new Hono<AppEnv>()
  .use(readOrWrite('owner'))
  .post('/', async (c) => {
    const input = await jsonBody(c, inviteInput);
    const { id, token, expiresAt } = await invite(c.var.db, requireSession(c), input, c.var.clock.now());
    // The link is shown once, to be sent by the owner; Vitrine keeps only the token's hash.
    const acceptUrl = new URL(`/panel/accept-invitation#token=${token}`, c.req.url).href;
    return c.json({ id, acceptUrl, expiresAt: new Date(expiresAt).toISOString() }, 201);
  });
