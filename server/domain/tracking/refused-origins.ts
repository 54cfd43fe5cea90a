import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { RefusedOrigin, WorkspaceView } from '../../../shared/admin-types.ts';
import { MAX_ALLOWED_ORIGINS, siteOrigin } from '../../../shared/schemas/workspace.ts';
import { runBatch, type Db } from '../../db/client.ts';
import { refusedOrigins, workspaces } from '../../db/schema.ts';
import { auditStatement } from '../audit/audit.ts';
import { Conflict } from '../errors.ts';
import type { Actor } from '../posts/moderation.ts';
import { getWorkspace } from '../accounts/workspaces.ts';

/** Origins kept per workspace: enough for a store's domains, too few for a flood to matter. */
const MAX_KEPT = 20;

/**
 * Notes that a page at `origin` sent events the workspace refused. Only an origin a merchant
 * could allow is kept (https, or http on localhost; `null` from sandboxed frames is not), and a
 * new one only while fewer than 20 are kept.
 */
export async function noteRefusedOrigin(db: Db, workspaceId: string, origin: string, now: number): Promise<void> {
  const parsed = siteOrigin.safeParse(origin);
  if (!parsed.success || parsed.data !== origin) return;
  // At most MAX_KEPT rows: one read says both whether it is known and how many are kept.
  const kept = await db.select({ origin: refusedOrigins.origin }).from(refusedOrigins).where(eq(refusedOrigins.workspaceId, workspaceId));
  if (!kept.some((row) => row.origin === origin) && kept.length >= MAX_KEPT) return;
  await db
    .insert(refusedOrigins)
    .values({ workspaceId, origin, firstSeenAt: now, lastSeenAt: now })
    .onConflictDoUpdate({ target: [refusedOrigins.workspaceId, refusedOrigins.origin], set: { lastSeenAt: now, times: sql`${refusedOrigins.times} + 1` } });
}

/** The refused origins not allowed since, the most recent first. */
export async function listRefusedOrigins(db: Db, workspaceId: string): Promise<RefusedOrigin[]> {
  const [workspace] = await db.select({ allowed: workspaces.allowedOrigins }).from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1);
  const rows = await db
    .select({ origin: refusedOrigins.origin, firstSeenAt: refusedOrigins.firstSeenAt, lastSeenAt: refusedOrigins.lastSeenAt, times: refusedOrigins.times })
    .from(refusedOrigins)
    .where(eq(refusedOrigins.workspaceId, workspaceId))
    .orderBy(desc(refusedOrigins.lastSeenAt), asc(refusedOrigins.origin));
  return rows.filter((row) => !workspace?.allowed.includes(row.origin));
}

/**
 * Adds one origin to the workspace's allowed origins (the panel's one click), audited, and
 * forgets its refusals. Allowing one already allowed changes nothing.
 */
export async function allowOrigin(db: Db, actor: Actor, origin: string, now: number): Promise<WorkspaceView> {
  const before = await getWorkspace(db, actor.workspaceId);
  if (before.allowedOrigins.includes(origin)) return before;
  if (before.allowedOrigins.length >= MAX_ALLOWED_ORIGINS) {
    throw new Conflict('too_many_origins', `origin: a workspace allows at most ${MAX_ALLOWED_ORIGINS} origins; remove one in Settings first`, 'origin');
  }
  const allowedOrigins = [...before.allowedOrigins, origin];
  await runBatch(db, [
    db.update(workspaces).set({ allowedOrigins }).where(eq(workspaces.id, actor.workspaceId)),
    db.delete(refusedOrigins).where(and(eq(refusedOrigins.workspaceId, actor.workspaceId), eq(refusedOrigins.origin, origin))),
    auditStatement(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'workspace.origin_allowed', targetType: 'workspace', targetId: actor.workspaceId, before: { allowedOrigins: before.allowedOrigins }, after: { allowedOrigins }, at: now }),
  ]);
  return getWorkspace(db, actor.workspaceId);
}
