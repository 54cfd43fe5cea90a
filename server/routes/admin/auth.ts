import { Hono, type Context } from 'hono';
import { acceptInvitationInput, changePasswordInput, setupInput, signInInput, switchWorkspaceInput, updateMeInput } from '../../../shared/schemas/accounts.ts';
import type { AppEnv } from '../../http/env.ts';
import { ApiError } from '../../http/errors.ts';
import { jsonBody } from '../../http/validate.ts';
import { clearSessionCookie, requireSession, setSessionCookie } from '../../middleware/authenticate/index.ts';
import { acceptInvitation, changePassword, checkCredentials, setUserLocale, setupNeeded, setupOwner, workspacesOf } from '../../domain/accounts/accounts.ts';
import { sha256Hex } from '../../security/hash.ts';
import { timingSafeEqual } from '../../security/tokens.ts';
import { createSession, csrfTokenFor, deleteSession, findSession } from '../../domain/accounts/sessions.ts';
import { limitAttempts } from './attempt-limits.ts';
import { isPanelLocale } from '../../../shared/panel-locales.ts';

/** Signs a user into a workspace: a new session, its cookie, and what the panel needs to start. */
async function startSession(c: Context<AppEnv>, userId: string, workspaceId: string, status: 200 | 201 = 200) {
  const { db, clock } = c.var;
  const { token } = await createSession(db, userId, workspaceId, clock.now());
  setSessionCookie(c, token);
  const session = await findSession(db, token, clock.now());
  if (!session) throw new Error('a session just created could not be read back');
  c.set('session', session);
  return c.json(await sessionView(c), status);
}

async function sessionView(c: Context<AppEnv>) {
  const session = requireSession(c);
  return {
    user: { id: session.userId, email: session.email, name: session.name, locale: isPanelLocale(session.locale) ? session.locale : null },
    workspace: { id: session.workspaceId, name: session.workspaceName },
    role: session.role,
    csrfToken: await csrfTokenFor(c.var.secrets.appSecret, session.sessionIdHash),
    workspaces: await workspacesOf(c.var.db, session.userId),
  };
}

/**
 * First-run setup claims the whole deployment, so it needs the setup token its operator was
 * given (printed at start on Node, VITRINE_SETUP_TOKEN on Workers), not just a route to reach.
 */
function checkSetupToken(expected: string | null, given: string | undefined): void {
  if (!expected) throw new ApiError(403, 'setup_locked', 'setupToken: this server has no setup token yet; set one with `wrangler secret put VITRINE_SETUP_TOKEN`', 'setupToken');
  if (!given) throw new ApiError(403, 'setup_token', 'setupToken: missing; open the setup link the server printed at start', 'setupToken');
  if (!timingSafeEqual(given, expected)) throw new ApiError(403, 'setup_token', 'setupToken: wrong; open the setup link the server printed at start', 'setupToken');
}

export const authRoutes = new Hono<AppEnv>()
  .get('/setup', async (c) => c.json({ needed: await setupNeeded(c.var.db) }))
  .post('/setup', async (c) => {
    const { setupToken, ...input } = await jsonBody(c, setupInput);
    checkSetupToken(c.var.secrets.setupToken, setupToken);
    const { userId, workspaceId } = await setupOwner(c.var.db, input, c.var.clock.now());
    return startSession(c, userId, workspaceId, 201);
  })
  .post('/sign-in', async (c) => {
    const input = await jsonBody(c, signInInput);
    await limitAttempts(c, 'sign-in', input.email);
    const { db } = c.var;
    const account = await checkCredentials(db, input.email, input.password);
    if (!account) throw new ApiError(401, 'invalid_credentials', 'email or password is wrong');
    return startSession(c, account.userId, account.workspaceId);
  })
  .post('/sign-out', async (c) => {
    const session = c.var.session;
    if (session) await deleteSession(c.var.db, session.sessionIdHash);
    clearSessionCookie(c);
    return c.body(null, 204);
  })
  .get('/session', async (c) => c.json(await sessionView(c)))
  // The signed-in user's own settings (for now, the panel's language); answers the session as it now reads.
  .patch('/me', async (c) => {
    const session = requireSession(c);
    const { locale } = await jsonBody(c, updateMeInput);
    await setUserLocale(c.var.db, session.userId, locale);
    c.set('session', { ...session, locale });
    return c.json(await sessionView(c));
  })
  .post('/password', async (c) => {
    const session = requireSession(c);
    const input = await jsonBody(c, changePasswordInput);
    await limitAttempts(c, 'password', session.userId);
    await changePassword(c.var.db, session.userId, session.sessionIdHash, input.currentPassword, input.newPassword);
    return c.body(null, 204);
  })
  .post('/workspace', async (c) => {
    const session = requireSession(c);
    const { workspaceId } = await jsonBody(c, switchWorkspaceInput);
    const memberOf = await workspacesOf(c.var.db, session.userId);
    // Not a member: the same answer as a workspace that does not exist.
    if (!memberOf.some((w) => w.id === workspaceId)) throw new ApiError(404, 'not_found', 'workspace not found');
    await deleteSession(c.var.db, session.sessionIdHash);
    return startSession(c, session.userId, workspaceId);
  })
  .post('/accept-invitation', async (c) => {
    const input = await jsonBody(c, acceptInvitationInput);
    // Counted per invitation, by a hash: rate-limit keys are stored, and the token is a secret.
    await limitAttempts(c, 'accept-invitation', (await sha256Hex(input.token)).slice(0, 32));
    const { userId, workspaceId } = await acceptInvitation(c.var.db, input, c.var.clock.now());
    return startSession(c, userId, workspaceId, 201);
  });
