import { and, desc, eq, gte, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { TrendsReport } from '../../../shared/report-types.ts';
import type { Db } from '../../db/client.ts';
import { dailyRollups, posts } from '../../db/schema.ts';
import { orderCounters } from '../reports/order-counters.ts';
import { daysOf, rangeMs, type ReportQuery } from '../reports/query.ts';
import { captionTerms } from './caption-terms.ts';
import { utcDay } from '../tracking/days.ts';
import { countTerms, risingTerms } from './rising.ts';

const DAY = 86_400_000;
/** Captions read per window: the newest this many, so a huge workspace costs a bounded scan. */
export const TRENDS_POSTS_PER_WINDOW = 10_000;
const TERMS = 20;
const SERIES = 5;
const AUTHORS = 10;
/** A term used by fewer posts in the range is chance, not a trend. */
const MIN_POSTS = 2;

async function captionsIn(db: Db, workspaceId: string, start: number, end: number) {
  return db
    .select({ caption: posts.caption, publishedAt: posts.publishedAt })
    .from(posts)
    .where(and(eq(posts.workspaceId, workspaceId), gte(posts.publishedAt, start), lt(posts.publishedAt, end), isNull(posts.erasedAt)))
    .orderBy(desc(posts.publishedAt))
    .limit(TRENDS_POSTS_PER_WINDOW + 1);
}

/**
 * Trends over a report range: rising hashtags and words in the captions of posts published in it
 * (every collected post, whatever its moderation: what customers say is the point), against the
 * same number of days before; a daily series for the top rising hashtags; and the authors who
 * bring the most, by approved posts published in the range and by revenue attributed in it to
 * their posts (confirmed orders only when the workspace counts only those).
 */
export async function workspaceTrends(db: Db, q: ReportQuery, currency: string): Promise<TrendsReport> {
  const { start, end } = rangeMs(q);
  const previousStart = start - (end - start);
  const [current, previous, approved, revenue] = await Promise.all([
    captionsIn(db, q.workspaceId, start, end),
    captionsIn(db, q.workspaceId, previousStart, start),
    db
      .select({ username: posts.authorUsername, n: sql<number>`count(*)` })
      .from(posts)
      .where(and(eq(posts.workspaceId, q.workspaceId), eq(posts.moderationStatus, 'approved'), isNotNull(posts.authorUsername), gte(posts.publishedAt, start), lt(posts.publishedAt, end), isNull(posts.erasedAt)))
      .groupBy(posts.authorUsername)
      .orderBy(desc(sql`count(*)`), posts.authorUsername)
      .limit(AUTHORS),
    authorsByRevenue(db, q),
  ]);
  const capped = current.length > TRENDS_POSTS_PER_WINDOW || previous.length > TRENDS_POSTS_PER_WINDOW;
  const nowTerms = current.slice(0, TRENDS_POSTS_PER_WINDOW).map((p) => ({ day: utcDay(p.publishedAt), ...captionTerms(p.caption) }));
  const beforeTerms = previous.slice(0, TRENDS_POSTS_PER_WINDOW).map((p) => captionTerms(p.caption));
  const options = { limit: TERMS, minCount: MIN_POSTS };
  const hashtags = risingTerms(countTerms(nowTerms.map((t) => t.hashtags)), countTerms(beforeTerms.map((t) => t.hashtags)), options);
  const words = risingTerms(countTerms(nowTerms.map((t) => t.words)), countTerms(beforeTerms.map((t) => t.words)), options);

  const days = daysOf(q);
  const index = new Map(days.map((d, i) => [d, i]));
  const series = hashtags.slice(0, SERIES).map(({ term }) => {
    const counts = days.map(() => 0);
    for (const t of nowTerms) if (t.hashtags.includes(term)) counts[index.get(t.day)!]!++;
    return { term, counts };
  });
  return {
    range: { from: q.from, to: q.to, previousFrom: utcDay(previousStart), previousTo: utcDay(start - DAY) },
    posts: { current: Math.min(current.length, TRENDS_POSTS_PER_WINDOW), previous: Math.min(previous.length, TRENDS_POSTS_PER_WINDOW), capped },
    hashtags,
    words,
    series: { days, hashtags: series },
    authorsByApprovedPosts: approved.map((r) => ({ username: r.username!, approvedPosts: Number(r.n) })),
    authorsByRevenue: revenue,
    currency,
  };
}

/** Revenue attributed in the range to each author's posts (the post rollups, joined to the workspace's own posts). */
async function authorsByRevenue(db: Db, q: ReportQuery): Promise<{ username: string; revenueMinor: number }[]> {
  const r = dailyRollups;
  const revenue = sql<number>`sum(${orderCounters(q.confirmedOnly).revenueMinor})`;
  const rows = await db
    .select({ username: posts.authorUsername, revenueMinor: revenue })
    .from(r)
    .innerJoin(posts, and(eq(posts.id, r.dimensionId), eq(posts.workspaceId, r.workspaceId)))
    .where(and(eq(r.workspaceId, q.workspaceId), eq(r.dimension, 'post'), gte(r.day, q.from), sql`${r.day} <= ${q.to}`, isNotNull(posts.authorUsername)))
    .groupBy(posts.authorUsername)
    .having(sql`${revenue} > 0`)
    .orderBy(desc(revenue), posts.authorUsername)
    .limit(AUTHORS);
  return rows.map((row) => ({ username: row.username!, revenueMinor: Number(row.revenueMinor) }));
}
