/**
 * Instagram business accounts connected to a workspace. The long-lived token is sealed with a
 * key derived from the app secret and never leaves the server: no API answer contains it.
 */
import { and, eq } from 'drizzle-orm';
import type { ConnectionView } from '../../../shared/admin-types.ts';
import { runBatch, type Db } from '../../db/client.ts';
import { instagramConnections, sources } from '../../db/schema.ts';
import { Invalid, notFound, UpstreamFailed } from '../errors.ts';
import { newId } from '../../lib/ids.ts';
import { GraphApiError } from '../../instagram/errors.ts';
import { subscribeWebhooks } from './webhook-subscription.ts';
import type { GraphClient } from '../../instagram/client.ts';
import { open, seal } from '../../security/secret-box.ts';
import { auditStatement } from '../audit/audit.ts';
import type { Actor } from '../posts/moderation.ts';

const TOKEN_PURPOSE = 'instagram-token';
/** Long-lived tokens last 60 days (specs §1.8); Meta does not say so in the token itself. */
export const TOKEN_LIFETIME_MS = 60 * 24 * 3_600_000;

export type Connection = typeof instagramConnections.$inferSelect;

export const connectionView = (c: Connection): ConnectionView => ({
  id: c.id,
  igUserId: c.igUserId,
  username: c.username,
  status: c.status,
  statusReason: c.statusReason,
  tokenExpiresAt: new Date(c.tokenExpiresAt).toISOString(),
  lastWebhookAt: c.lastWebhookAt === null ? null : new Date(c.lastWebhookAt).toISOString(),
});

/**
 * Connects (or reconnects, with a fresh token) an account. The token is tried first: a wrong
 * or expired token is refused here, not discovered at the first collection.
 */
export async function connectAccount(
  deps: { db: Db; graph: GraphClient; appSecret: string },
  actor: Actor,
  input: { igUserId: string; accessToken: string },
  now: number,
): Promise<ConnectionView> {
  let account: { id: string; username: string };
  try {
    account = (await deps.graph.account(input.igUserId, input.accessToken)).body;
  } catch (error) {
    if (error instanceof GraphApiError && !error.fromGraph) {
      throw new UpstreamFailed(
        'instagram_unreachable',
        `The Instagram Graph API address answered HTTP ${error.status}, which is not a Graph API answer: check VITRINE_IG_GRAPH_URL (the address without a version, e.g. https://graph.facebook.com).`,
      );
    }
    if (error instanceof GraphApiError) throw new Invalid('instagram_refused', `accessToken: Instagram refused it (${error.message})`, 'accessToken');
    throw error;
  }
  const sealed = await seal(deps.appSecret, TOKEN_PURPOSE, input.accessToken);
  const webhooks = await subscribeWebhooks(deps.graph, account.id, input.accessToken);
  const [existing] = await deps.db
    .select()
    .from(instagramConnections)
    .where(and(eq(instagramConnections.workspaceId, actor.workspaceId), eq(instagramConnections.igUserId, account.id)))
    .limit(1);
  const row: Connection = {
    id: existing?.id ?? newId('igc'),
    workspaceId: actor.workspaceId,
    igUserId: account.id,
    username: account.username,
    tokenCiphertext: sealed,
    tokenExpiresAt: now + TOKEN_LIFETIME_MS,
    status: 'active',
    statusReason: null,
    lastWebhookAt: existing?.lastWebhookAt ?? null,
    webhooksSubscribedAt: webhooks.subscribed ? now : null,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  await runBatch(deps.db, [
    existing ? deps.db.update(instagramConnections).set(row).where(eq(instagramConnections.id, row.id)) : deps.db.insert(instagramConnections).values(row),
    // A reconnection resumes the sources an expired or revoked token had paused.
    deps.db.update(sources).set({ nextRunAt: now, lastError: null }).where(and(eq(sources.connectionId, row.id), eq(sources.enabled, true))),
    auditStatement(deps.db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: existing ? 'instagram.reconnected' : 'instagram.connected', targetType: 'instagram_connection', targetId: row.id, after: { username: account.username, webhooks }, at: now }),
  ]);
  return connectionView(row);
}

export async function listConnections(db: Db, workspaceId: string, now: number): Promise<ConnectionView[]> {
  const rows = await db.select().from(instagramConnections).where(eq(instagramConnections.workspaceId, workspaceId));
  return rows.map((row) => connectionView(withExpiry(row, now)));
}

export async function ownConnection(db: Db, workspaceId: string, id: string): Promise<Connection> {
  const [row] = await db.select().from(instagramConnections).where(and(eq(instagramConnections.workspaceId, workspaceId), eq(instagramConnections.id, id))).limit(1);
  if (!row) throw notFound('Instagram connection');
  return row;
}

/** A token past its 60 days reads as expired even before Instagram says so. */
export function withExpiry(row: Connection, now: number): Connection {
  return row.status === 'active' && row.tokenExpiresAt <= now ? { ...row, status: 'expired', statusReason: 'The 60-day access token has expired: reconnect the account.' } : row;
}

export function tokenOf(appSecret: string, connection: Connection): Promise<string> {
  return open(appSecret, TOKEN_PURPOSE, connection.tokenCiphertext);
}

/** Records that Instagram refused the token: collection pauses until the merchant reconnects. */
export async function markConnectionFailed(db: Db, connection: Connection, error: GraphApiError, now: number): Promise<void> {
  const status = error.code === 190 && error.subcode === 463 ? 'expired' : 'revoked';
  const reason =
    status === 'expired'
      ? 'Instagram says the access token has expired: reconnect the account to resume collection.'
      : `Instagram refused the access token (${error.message}): reconnect the account to resume collection.`;
  await db.update(instagramConnections).set({ status, statusReason: reason, updatedAt: now }).where(eq(instagramConnections.id, connection.id));
}

export async function disconnect(db: Db, actor: Actor, id: string, now: number, after?: { dataDeleted: true }): Promise<void> {
  const connection = await ownConnection(db, actor.workspaceId, id);
  await runBatch(db, [
    db.update(sources).set({ enabled: false, connectionId: null }).where(eq(sources.connectionId, id)),
    db.delete(instagramConnections).where(eq(instagramConnections.id, id)),
    auditStatement(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'instagram.disconnected', targetType: 'instagram_connection', targetId: id, before: { username: connection.username }, after, at: now }),
  ]);
}
