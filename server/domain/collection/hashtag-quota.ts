/**
 * Instagram allows 30 distinct hashtags per account in a rolling 7 days; querying a hashtag
 * again inside its window is free and does not restart it (specs §1.2). Vitrine keeps the same
 * ledger, so a merchandiser sees the count before adding a 31st and collection never trips it.
 */
import { and, count, eq, gt, ne, sql } from 'drizzle-orm';
import type { HashtagQuota } from '../../../shared/admin-types.ts';
import type { Db } from '../../db/client.ts';
import { hashtagQueries } from '../../db/schema.ts';

export const HASHTAG_LIMIT = 30;
export const HASHTAG_WINDOW_MS = 7 * 24 * 3_600_000;

export async function hashtagQuota(db: Db, igUserId: string, now: number): Promise<HashtagQuota> {
  const rows = await db
    .select()
    .from(hashtagQueries)
    .where(and(eq(hashtagQueries.igUserId, igUserId), gt(hashtagQueries.firstQueriedAt, now - HASHTAG_WINDOW_MS)));
  return {
    used: rows.length,
    limit: HASHTAG_LIMIT,
    hashtags: rows.map((r) => ({ hashtag: r.hashtag, freesAt: new Date(r.firstQueriedAt + HASHTAG_WINDOW_MS).toISOString() })).sort((a, b) => a.freesAt.localeCompare(b.freesAt)),
  };
}

/** Whether querying `hashtag` now stays within the quota (a hashtag already counted always does). */
export async function canQueryHashtag(db: Db, igUserId: string, hashtag: string, now: number): Promise<boolean> {
  const quota = await hashtagQuota(db, igUserId, now);
  return quota.hashtags.some((h) => h.hashtag === hashtag) || quota.used < HASHTAG_LIMIT;
}

/**
 * Counts a query about to be made, if the quota allows it, in one statement: the check and the
 * count cannot be split by another run. Sources of one account run side by side once collection
 * fans out through a queue (jobs.ts); checking then recording would let two of them, at 29 used,
 * both start a 30th and a 31st hashtag. Counted before the call, so a call that then fails still
 * counts: Instagram may have counted it too, and the ledger must never be behind. Answers whether
 * the query may be made.
 */
export async function reserveHashtagQuery(db: Db, igUserId: string, hashtag: string, now: number): Promise<boolean> {
  const others = db
    .select({ n: count() })
    .from(hashtagQueries)
    .where(and(eq(hashtagQueries.igUserId, igUserId), ne(hashtagQueries.hashtag, hashtag), gt(hashtagQueries.firstQueriedAt, now - HASHTAG_WINDOW_MS)));
  const rows = await db.all<{ one: number }>(sql`
    insert into ${hashtagQueries} (ig_user_id, hashtag, first_queried_at)
    select ${igUserId}, ${hashtag}, ${now} where (${others}) < ${HASHTAG_LIMIT}
    on conflict (ig_user_id, hashtag) do update set first_queried_at =
      case when ${hashtagQueries.firstQueriedAt} <= ${now - HASHTAG_WINDOW_MS} then excluded.first_queried_at else ${hashtagQueries.firstQueriedAt} end
    returning 1 as one`);
  return rows.length > 0;
}
