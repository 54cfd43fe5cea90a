/**
 * Where posts come from: per-workspace sources, each with its own cursor, schedule, last run and
 * last error. Hashtag sources are checked against the account's 7-day quota when added.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { SourceView } from '../../../shared/admin-types.ts';
import { runBatch, type Db } from '../../db/client.ts';
import { sources } from '../../db/schema.ts';
import { Conflict, Invalid, notFound } from '../errors.ts';
import { newId } from '../../lib/ids.ts';
import { auditStatement } from '../audit/audit.ts';
import type { Actor } from '../posts/moderation.ts';
import { sourceLabel } from '../posts/admin-posts.ts';
import { ownConnection } from './connections.ts';
import { canQueryHashtag, HASHTAG_LIMIT } from './hashtag-quota.ts';

/** recent_media only covers the last 24 hours: a hashtag source must run at least that often, hourly by default. */
export const DEFAULT_INTERVAL_SECONDS = 3600;
const MAX_HASHTAG_INTERVAL_SECONDS = 12 * 3600;

export type Source = typeof sources.$inferSelect;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export const sourceView = (s: Source): SourceView => ({
  id: s.id,
  kind: s.kind,
  label: sourceLabel(s.kind, s.query),
  connectionId: s.connectionId,
  enabled: s.enabled,
  intervalSeconds: s.intervalSeconds,
  lastRunAt: iso(s.lastRunAt),
  lastRun: s.lastRunAt === null ? null : { created: s.lastRunCreated ?? 0, linked: s.lastRunLinked ?? 0 },
  nextRunAt: iso(s.nextRunAt),
  lastError: s.lastError,
  lastErrorAt: iso(s.lastErrorAt),
});

export async function listSources(db: Db, workspaceId: string): Promise<SourceView[]> {
  const rows = await db.select().from(sources).where(eq(sources.workspaceId, workspaceId)).orderBy(asc(sources.createdAt));
  return rows.map(sourceView);
}

export async function createSource(
  db: Db,
  actor: Actor,
  input: { kind: 'hashtag' | 'tagged' | 'mentions' | 'own'; connectionId: string; hashtag?: string | undefined; intervalSeconds?: number | undefined },
  now: number,
): Promise<SourceView> {
  const connection = await ownConnection(db, actor.workspaceId, input.connectionId);
  const query = input.kind === 'hashtag' ? (input.hashtag ?? null) : null;
  if (input.kind === 'hashtag') {
    if (!query) throw new Invalid('invalid_parameter', 'hashtag: is required for a hashtag source', 'hashtag');
    if (!(await canQueryHashtag(db, connection.igUserId, query, now))) {
      throw new Conflict('hashtag_quota', `hashtag: Instagram allows ${HASHTAG_LIMIT} different hashtags per account in 7 days, and @${connection.username} has used them all; the oldest frees up within a week`, 'hashtag');
    }
  }
  const existing = await db
    .select({ id: sources.id })
    .from(sources)
    .where(and(eq(sources.workspaceId, actor.workspaceId), eq(sources.connectionId, connection.id), eq(sources.kind, input.kind), query ? eq(sources.query, query) : undefined))
    .limit(1);
  if (existing.length > 0) throw new Conflict('duplicate_source', `kind: this ${input.kind} source already exists`, 'kind');
  const interval = input.intervalSeconds ?? DEFAULT_INTERVAL_SECONDS;
  if (input.kind === 'hashtag' && interval > MAX_HASHTAG_INTERVAL_SECONDS) {
    throw new Invalid('invalid_parameter', 'intervalSeconds: a hashtag source must run at least every 12 hours, or posts older than 24 hours are lost', 'intervalSeconds');
  }
  const row: Source = {
    id: newId('src'),
    workspaceId: actor.workspaceId,
    connectionId: connection.id,
    kind: input.kind,
    query,
    igHashtagId: null,
    cursor: null,
    state: null,
    enabled: true,
    intervalSeconds: interval,
    nextRunAt: now,
    lastRunAt: null,
    lastRunCreated: null,
    lastRunLinked: null,
    lastError: null,
    lastErrorAt: null,
    createdAt: now,
  };
  await runBatch(db, [
    db.insert(sources).values(row),
    auditStatement(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'source.created', targetType: 'source', targetId: row.id, after: { kind: row.kind, query }, at: now }),
  ]);
  return sourceView(row);
}

export async function updateSource(db: Db, actor: Actor, id: string, patch: { enabled?: boolean | undefined; intervalSeconds?: number | undefined }, now: number): Promise<SourceView> {
  const [row] = await db.select().from(sources).where(and(eq(sources.workspaceId, actor.workspaceId), eq(sources.id, id))).limit(1);
  if (!row) throw notFound('source');
  if (row.kind === 'hashtag' && (patch.intervalSeconds ?? 0) > MAX_HASHTAG_INTERVAL_SECONDS) {
    throw new Invalid('invalid_parameter', 'intervalSeconds: a hashtag source must run at least every 12 hours', 'intervalSeconds');
  }
  const change = { ...patch, ...(patch.enabled ? { nextRunAt: now } : {}) };
  await runBatch(db, [
    db.update(sources).set(change).where(eq(sources.id, id)),
    auditStatement(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'source.updated', targetType: 'source', targetId: id, before: { enabled: row.enabled, intervalSeconds: row.intervalSeconds }, after: patch, at: now }),
  ]);
  return sourceView({ ...row, ...change });
}

/** The workspace's source of a kind that needs no query (manual uploads, imports), made on first use. */
export async function builtInSource(db: Db, workspaceId: string, kind: 'manual' | 'import', label: string | null, now: number): Promise<Source> {
  const [existing] = await db
    .select()
    .from(sources)
    .where(and(eq(sources.workspaceId, workspaceId), eq(sources.kind, kind), label ? eq(sources.query, label) : undefined))
    .limit(1);
  if (existing) return existing;
  const row: Source = { id: newId('src'), workspaceId, connectionId: null, kind, query: label, igHashtagId: null, cursor: null, state: null, enabled: false, intervalSeconds: DEFAULT_INTERVAL_SECONDS, nextRunAt: null, lastRunAt: null, lastRunCreated: null, lastRunLinked: null, lastError: null, lastErrorAt: null, createdAt: now };
  await db.insert(sources).values(row);
  return row;
}
