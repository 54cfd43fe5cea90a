/**
 * Instagram platform data kept only as long as it is needed (Meta's platform terms ask apps to
 * delete what they no longer need, and what came through a connection when it is removed).
 * "Platform data" is a post collected through an Instagram source (hashtag, tagged, mentions, own
 * media); manual uploads and imports are the merchant's own. A post whose author granted rights
 * is the merchant's licensed content and always stays, whatever its age or the request.
 *
 * Three ways to erase (each erases as the author's erasure does, `posts/erasure.ts`, and audits):
 * - the retention policy: posts collected more than the workspace's `instagramDataRetentionDays`
 *   ago, without granted rights and without a request the author can still answer, bounded per
 *   scheduler step;
 * - removing a connection with its data: what came through that account's sources only (a post
 *   another connected account also found stays);
 * - deleting all Instagram data.
 * The last two are bounded per call too (`remaining` says what is left): one request must fit a
 * Worker invocation, and the panel calls again until nothing remains.
 */
import { and, count, eq, exists, gt, inArray, isNotNull, isNull, ne, notExists, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { ErasedData, RemovedConnection } from '../../../shared/admin-types.ts';
import { runBatch, type Db } from '../../db/client.ts';
import { posts, postSources, rightsRequests, sources, workspaces } from '../../db/schema.ts';
import type { MediaStore } from '../../media/store.ts';
import { DEFAULT_WORKSPACE_SETTINGS } from '../accounts/workspaces.ts';
import { auditStatement, type AuditEntry } from '../audit/audit.ts';
import { deletePostFiles, eraseStatements } from '../posts/erasure.ts';
import type { Actor } from '../posts/moderation.ts';
import { disconnect, ownConnection } from './connections.ts';

const DAY = 86_400_000;
/** Sources that read Instagram; `manual` and `import` bring the merchant's own content. */
const INSTAGRAM_KINDS = ['hashtag', 'tagged', 'mentions', 'own'] as const;
/**
 * Posts erased per call of an owner's deletion. Each image keeps up to 4 files (the original and
 * three display widths; a carousel has several images), each one R2 delete on Workers: 100 posts
 * keep a request inside its subrequest limit.
 */
export const ERASE_PER_CALL = 100;

interface EraseDeps {
  db: Db;
  media: MediaStore;
}

/** The post's links to Instagram sources, optionally narrowed (to a connection, or away from one). */
const instagramLinks = (db: Db, narrow?: SQL) =>
  db
    .select({ one: sql`1` })
    .from(postSources)
    .innerJoin(sources, eq(sources.id, postSources.sourceId))
    .where(and(eq(postSources.postId, posts.id), inArray(sources.kind, INSTAGRAM_KINDS), narrow));

/** Still holding collected data that no granted consent covers. */
const erasable = (workspaceId: string | SQLWrapper) => and(eq(posts.workspaceId, workspaceId), isNull(posts.erasedAt), ne(posts.rightsStatus, 'granted'));

/** A request whose link still accepts the author's consent: the post waits for the answer. */
const openRequests = (db: Db, now: number) =>
  db
    .select({ one: sql`1` })
    .from(rightsRequests)
    .where(and(eq(rightsRequests.postId, posts.id), inArray(rightsRequests.status, ['draft', 'sent', 'author_replied']), gt(rightsRequests.linkExpiresAt, now)));

/** Erases the `limit` oldest posts `where` says, with one audit entry naming them; returns how many. */
async function eraseWhere(deps: EraseDeps, where: SQL | undefined, limit: number, audit: (erased: string[]) => AuditEntry, now: number): Promise<number> {
  const ids = (await deps.db.select({ id: posts.id }).from(posts).where(where).orderBy(posts.collectedAt).limit(limit)).map((r) => r.id);
  if (ids.length === 0) return 0;
  await deletePostFiles(deps.db, deps.media, ids);
  await runBatch(deps.db, [...eraseStatements(deps.db, ids, now), auditStatement(deps.db, audit(ids))]);
  return ids.length;
}

/** An owner's deletion: what it erased, and what the next call still has to (the scheduler needs no count). */
async function eraseAndCount(deps: EraseDeps, where: SQL | undefined, limit: number, audit: (erased: string[]) => AuditEntry, now: number): Promise<ErasedData> {
  const erased = await eraseWhere(deps, where, limit, audit, now);
  const [left] = await deps.db.select({ n: count() }).from(posts).where(where);
  return { erased, remaining: left?.n ?? 0 };
}

/** Each workspace's retention in days, read from its settings in SQL. */
const retentionDays = sql<number>`coalesce(json_extract(${workspaces.settings}, '$.instagramDataRetentionDays'), ${DEFAULT_WORKSPACE_SETTINGS.instagramDataRetentionDays})`;

/**
 * The `limit` oldest posts whose collected data is past their workspace's retention, with that
 * retention. Workspaces outside (CROSS JOIN fixes SQLite's join order): each reads, through the
 * partial index posts_platform_retention (migration 0023), only its own posts older than its
 * cutoff that still hold uncovered data, not every post of the host each minute
 * (platform-data-plan.test.ts reads the plan).
 */
export const expiredPlatformData = (db: Db, now: number, limit: number) =>
  db
    .select({ id: posts.id, workspaceId: posts.workspaceId, days: retentionDays })
    .from(workspaces)
    .crossJoin(posts)
    .where(and(erasable(workspaces.id), sql`${posts.collectedAt} < ${now} - ${retentionDays} * ${DAY}`, exists(instagramLinks(db)), notExists(openRequests(db, now))))
    .orderBy(posts.collectedAt, posts.id)
    .limit(limit);

/**
 * The scheduler's part: every workspace's expired platform data, oldest first, at most `limit`
 * posts per step, with one audit entry per workspace naming its posts. One query for all
 * workspaces (each one's cutoff read from its settings in SQL, as the event purge does): a query
 * per workspace would spend a Worker invocation's 1,000 D1 queries on a host with a few hundred
 * of them, every minute (`expiredPlatformData`).
 */
export async function eraseExpiredPlatformData(deps: EraseDeps, now: number, limit = 50): Promise<number> {
  const due = await expiredPlatformData(deps.db, now, limit);
  if (due.length === 0) return 0;
  const ids = due.map((p) => p.id);
  const byWorkspace = new Map<string, { days: number; ids: string[] }>();
  for (const post of due) {
    const entry = byWorkspace.get(post.workspaceId) ?? { days: Number(post.days), ids: [] };
    entry.ids.push(post.id);
    byWorkspace.set(post.workspaceId, entry);
  }
  await deletePostFiles(deps.db, deps.media, ids);
  await runBatch(deps.db, [
    ...eraseStatements(deps.db, ids, now),
    ...[...byWorkspace].map(([workspaceId, { days: retentionDays, ids: erased }]) =>
      auditStatement(deps.db, { workspaceId, actorUserId: null, actorKind: 'system', action: 'instagram.data_expired', targetType: 'workspace', targetId: workspaceId, after: { retentionDays, posts: erased }, at: now }),
    ),
  ]);
  return ids.length;
}

/**
 * Removes a connection, first erasing what was collected through its sources when asked: only
 * posts no other connected account also found, and never those with granted rights. While data
 * remains (`remaining` > 0) the connection stays, its sources paused, for the next call.
 */
export async function removeConnection(deps: EraseDeps, actor: Actor, id: string, deleteData: boolean, now: number, limit = ERASE_PER_CALL): Promise<RemovedConnection> {
  const connection = await ownConnection(deps.db, actor.workspaceId, id);
  if (!deleteData) {
    await disconnect(deps.db, actor, id, now);
    return { disconnected: true, erased: 0, remaining: 0 };
  }
  // Stop collecting first, so nothing erased here is found again before the connection goes.
  await deps.db.update(sources).set({ enabled: false }).where(eq(sources.connectionId, id));
  const where = and(
    erasable(actor.workspaceId),
    exists(instagramLinks(deps.db, eq(sources.connectionId, id))),
    notExists(instagramLinks(deps.db, and(isNotNull(sources.connectionId), ne(sources.connectionId, id)))),
  );
  const result = await eraseAndCount(
    deps,
    where,
    limit,
    (ids) => ({ workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'instagram.data_deleted', targetType: 'instagram_connection', targetId: id, after: { username: connection.username, posts: ids }, at: now }),
    now,
  );
  if (result.remaining > 0) return { disconnected: false, ...result };
  await disconnect(deps.db, actor, id, now, { dataDeleted: true });
  return { disconnected: true, ...result };
}

/** "Delete all Instagram data": every collected post without granted rights, whichever account found it. */
export function deleteAllPlatformData(deps: EraseDeps, actor: Actor, now: number): Promise<ErasedData> {
  return eraseAndCount(
    deps,
    and(erasable(actor.workspaceId), exists(instagramLinks(deps.db))),
    ERASE_PER_CALL,
    (ids) => ({ workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'instagram.data_deleted_all', targetType: 'workspace', targetId: actor.workspaceId, after: { posts: ids }, at: now }),
    now,
  );
}
