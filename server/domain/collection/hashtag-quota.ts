/**
 * Instagram allows 30 distinct hashtags per account in a rolling 7 days; querying a hashtag
 * again inside its window is free and does not restart it (specs §1.2). Vitrine keeps the same
 * ledger, so a merchandiser sees the count before adding a 31st and collection never trips it.
 */
import { and, eq, gt, sql } from 'drizzle-orm';
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

/** Counts a query: starts the hashtag's window, unless one is running already. */
export async function recordHashtagQuery(db: Db, igUserId: string, hashtag: string, now: number): Promise<void> {
  await db
    .insert(hashtagQueries)
    .values({ igUserId, hashtag, firstQueriedAt: now })
    .onConflictDoUpdate({
      target: [hashtagQueries.igUserId, hashtagQueries.hashtag],
      set: { firstQueriedAt: sql`case when ${hashtagQueries.firstQueriedAt} <= ${now - HASHTAG_WINDOW_MS} then excluded.first_queried_at else ${hashtagQueries.firstQueriedAt} end` },
    });
}
