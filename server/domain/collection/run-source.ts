/**
 * One collection run of one source: read the Graph API edges the source stands for, store what
 * they return, and schedule the next run — sooner or later depending on what the API said.
 * Pages are stored as they arrive, so a run cut short by an error keeps what it already read.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { instagramConnections, sources } from '../../db/schema.ts';
import type { GraphClient, GraphMedia, GraphPage, GraphResult } from '../../instagram/client.ts';
import { GraphApiError } from '../../instagram/errors.ts';
import { markConnectionFailed, tokenOf, withExpiry, type Connection } from './connections.ts';
import { HASHTAG_LIMIT, reserveHashtagQuery } from './hashtag-quota.ts';
import { ingestMedia } from './ingest.ts';
import { normalizeMedia } from './normalize.ts';
import type { Source } from './sources.ts';
import { backoffMs } from '../../lib/backoff.ts';

/** Enough for a busy hashtag's day (50 per page) without one source hogging a run. */
const MAX_PAGES = 10;
/** Above this share of a rate limit, Vitrine halves its pace before Instagram has to say no. */
const SLOW_DOWN_PERCENT = 75;
/** The code Vitrine's fake (and, as far as anyone has reported, the real API) uses for a 31st hashtag. */
const HASHTAG_QUOTA_CODE = 24;

export interface CollectionDeps {
  db: Db;
  graph: GraphClient;
  appSecret: string;
}

export interface RunReport {
  sourceId: string;
  created: number;
  linked: number;
  error: string | null;
  nextRunAt: number | null;
}

export async function runSource(deps: CollectionDeps, source: Source, now: number): Promise<RunReport> {
  const report: RunReport = { sourceId: source.id, created: 0, linked: 0, error: null, nextRunAt: null };
  const [row] = source.connectionId ? await deps.db.select().from(instagramConnections).where(eq(instagramConnections.id, source.connectionId)).limit(1) : [];
  const connection = row ? withExpiry(row, now) : null;
  if (!connection || connection.status !== 'active') {
    // Paused, not failed: reconnecting the account schedules the source again.
    return finish(deps.db, source, now, report, { error: connection?.statusReason ?? 'No Instagram account is connected to this source.', nextRunAt: null });
  }

  let maxUsage = 0;
  // recent_media and top_media overlap: a post met twice in one run is counted (and written) once.
  const seenThisRun = new Set<string>();
  const store = async (page: GraphResult<GraphPage<GraphMedia>>) => {
    maxUsage = Math.max(maxUsage, page.usage.percent);
    const unseen = page.body.data.filter((media) => !seenThisRun.has(media.id));
    for (const media of unseen) seenThisRun.add(media.id);
    const result = await ingestMedia(deps.db, source.workspaceId, source.id, unseen.map(normalizeMedia), now);
    report.created += result.created.length;
    report.linked += result.linked.length;
    return result;
  };

  let resume: Resume;
  try {
    const token = await tokenOf(deps.appSecret, connection);
    resume = await collect(deps, source, connection, token, now, store);
  } catch (error) {
    return finish(deps.db, source, now, report, await failure(deps.db, source, connection, error, now));
  }
  const interval = source.intervalSeconds * 1000 * (maxUsage >= SLOW_DOWN_PERCENT ? 2 : 1);
  return finish(deps.db, source, now, report, { error: null, nextRunAt: now + (resume ? CATCH_UP_DELAY_MS : interval), state: { failures: 0, resume } });
}

/**
 * Reads the source's edges. A run reads at most MAX_PAGES; when that is not enough to reach what
 * is already stored (a first run, a busy day), it leaves a resume point and the next run, soon
 * after, carries on from there before looking at the newest posts again.
 */
async function collect(
  deps: CollectionDeps,
  source: Source,
  connection: Connection,
  token: string,
  now: number,
  store: (page: GraphResult<GraphPage<GraphMedia>>) => Promise<{ created: string[] }>,
): Promise<Resume> {
  const { graph } = deps;
  const resume = typeof source.state?.resume === 'string' ? source.state.resume : undefined;
  /** Follows one edge page by page; `position` is a `next` link or an `after` cursor, as the edge pages. */
  const walk = async (read: (position?: string) => Promise<GraphResult<GraphPage<GraphMedia>>>, position: (page: GraphPage<GraphMedia>) => string | undefined, stopWhenNothingNew: boolean): Promise<Resume> => {
    let at = resume;
    for (let page = 0; page < MAX_PAGES; page++) {
      const result = await read(at);
      const { created } = await store(result);
      at = position(result.body);
      if (!at || result.body.data.length === 0) return null;
      // Newest first: a page with nothing new means the rest is stored too, unless catching up.
      if (stopWhenNothingNew && created.length === 0 && !resume) return null;
    }
    return at ?? null;
  };

  switch (source.kind) {
    case 'hashtag': {
      const hashtagId = source.igHashtagId ?? (await resolveHashtag(deps, source, connection, token, now));
      // recent_media pages by its `next` link: the `after` cursor never changes from page to page.
      const next = await walk((link) => graph.hashtagMedia('recent_media', hashtagId, connection.igUserId, token, link), (page) => page.paging?.next, false);
      if (!resume) await store(await graph.hashtagMedia('top_media', hashtagId, connection.igUserId, token));
      return next;
    }
    case 'tagged':
      // /tags pages carry cursors but no `next` link.
      return walk((after) => graph.taggedMedia(connection.igUserId, token, after), (page) => page.paging?.cursors?.after, true);
    case 'own':
      return walk((link) => graph.ownMedia(connection.igUserId, token, link), (page) => page.paging?.next, true);
    case 'mentions':
    case 'manual':
    case 'import':
      // Mentions arrive by webhook (there is no edge to list them); uploads and imports by hand.
      return null;
  }
}

/** Where the next run carries on (a `next` link or an `after` cursor), or null when caught up. */
type Resume = string | null;

/** How soon a run that stopped at MAX_PAGES with more to read comes back. */
const CATCH_UP_DELAY_MS = 60_000;

async function resolveHashtag(deps: CollectionDeps, source: Source, connection: Connection, token: string, now: number): Promise<string> {
  const name = source.query ?? '';
  if (!(await reserveHashtagQuery(deps.db, connection.igUserId, name, now))) {
    throw new QuotaError(`Instagram allows ${HASHTAG_LIMIT} different hashtags per account in 7 days and @${connection.username} has used them all.`);
  }
  const { body } = await deps.graph.hashtagId(connection.igUserId, name, token);
  const id = body.data[0]?.id;
  if (!id) throw new Error(`Instagram knows no hashtag #${name}`);
  await deps.db.update(sources).set({ igHashtagId: id }).where(eq(sources.id, source.id));
  return id;
}

class QuotaError extends Error {}

interface Outcome {
  error: string | null;
  nextRunAt: number | null;
  state?: Record<string, unknown>;
}

/** What to do after an error: wait as told when throttled, pause on a refused token, back off otherwise. */
async function failure(db: Db, source: Source, connection: Connection, error: unknown, now: number): Promise<Outcome> {
  const failures = Number(source.state?.failures ?? 0) + 1;
  const backoff = backoffMs(Math.min(failures - 1, 10), { baseMs: 60_000, capMs: source.intervalSeconds * 1000 });
  const state = { failures };
  if (error instanceof QuotaError || (error instanceof GraphApiError && error.code === HASHTAG_QUOTA_CODE)) {
    return { error: error.message, nextRunAt: now + 6 * 3_600_000, state };
  }
  if (error instanceof GraphApiError) {
    switch (error.kind) {
      case 'token':
        await markConnectionFailed(db, connection, error, now);
        return { error: `Collection paused: ${error.message}`, nextRunAt: null, state };
      case 'throttled':
        return { error: `Instagram asked to slow down (${error.message})`, nextRunAt: now + Math.max(error.retryAfterMs ?? 0, backoff), state };
      default:
        return { error: error.message, nextRunAt: now + backoff, state };
    }
  }
  return { error: error instanceof Error ? error.message : String(error), nextRunAt: now + backoff, state };
}

async function finish(db: Db, source: Source, now: number, report: RunReport, outcome: Outcome): Promise<RunReport> {
  await db
    .update(sources)
    .set({
      lastRunAt: now,
      // Kept with the source, so what the last run found still shows after a reload.
      lastRunCreated: report.created,
      lastRunLinked: report.linked,
      nextRunAt: outcome.nextRunAt,
      lastError: outcome.error,
      lastErrorAt: outcome.error ? now : source.lastErrorAt,
      ...(outcome.state ? { state: { ...source.state, ...outcome.state } } : {}),
    })
    .where(eq(sources.id, source.id));
  return { ...report, error: outcome.error, nextRunAt: outcome.nextRunAt };
}
