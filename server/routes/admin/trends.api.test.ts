import { createHarness } from '#harness';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TrendsReport } from '../../../shared/report-types.ts';
import { dailyRollups, posts } from '../../db/schema.ts';
import { utcDay } from '../../domain/tracking/days.ts';
import { addMember, admin, signIn, type AdminSession } from '../../dev/testing/admin-client.ts';
import type { Harness } from '../../dev/testing/harness.ts';
import { clearTracking } from '../../dev/testing/tracking-client.ts';

/**
 * A week of captions against the week before, every figure computed by hand. Days count back
 * from the harness clock's, whichever day it starts on; every other demo post is moved a year back.
 *   this week  01 ana  "#Linen morning with the lamp #slowliving"   (today)
 *              02 ana  "#linen #LINEN again linen"                   (today)
 *              03 ben  "cosy #slowliving evening candle"             (2 days ago)
 *              04 cleo "#newtag once" (pending)                      (3 days ago)
 *              05 ben  "#linen sunday candle"                        (6 days ago)
 *   week before 06, 07 "#slowliving", "#slowliving #linen"           (8 and 13 days ago)
 * → #linen 3 posts vs 1 (rises); #slowliving 2 vs 2 (does not); #newtag 1 (too few).
 * → "candle" 2 vs 0 (rises); every other word is in one post only or a common word.
 */
const DAY = 86_400_000;
const WEEK: [string, string, string, number, 'approved' | 'pending'][] = [
  ['post_demo01', 'ana', '#Linen morning with the lamp #slowliving', 0, 'approved'],
  ['post_demo02', 'ana', '#linen #LINEN again linen', 0, 'approved'],
  ['post_demo03', 'ben', 'cosy #slowliving evening candle', 2, 'approved'],
  ['post_demo04', 'cleo', '#newtag once', 3, 'pending'],
  ['post_demo05', 'ben', '#linen sunday candle', 6, 'approved'],
  ['post_demo06', 'dana', '#slowliving', 8, 'approved'],
  ['post_demo07', 'dana', '#slowliving #linen', 13, 'approved'],
];

let h: Harness;
let owner: AdminSession;
let today: string;
let from: string;

beforeAll(async () => {
  h = await createHarness();
  await clearTracking(h);
  owner = await signIn(h);
  const now = h.clock.now();
  today = utcDay(now);
  from = utcDay(now - 6 * DAY);
  await h.db.update(posts).set({ publishedAt: now - 400 * DAY }).where(eq(posts.workspaceId, 'ws_demo'));
  for (const [id, author, caption, daysAgo, moderation] of WEEK) {
    await h.db.update(posts).set({ authorUsername: author, caption, publishedAt: now - daysAgo * DAY, moderationStatus: moderation }).where(eq(posts.id, id));
  }
  // Attributed revenue: ben's post 50 €, ana's 12 € today; ana's 99 € a month ago is out of range.
  const rollup = (day: string, dimensionId: string, revenueMinor: number) => ({ workspaceId: 'ws_demo', day, dimension: 'post' as const, dimensionId, orders: 1, revenueMinor });
  await h.db.insert(dailyRollups).values([rollup(today, 'post_demo03', 5000), rollup(today, 'post_demo01', 1200), rollup(utcDay(now - 30 * DAY), 'post_demo02', 9900)]);
});

const trends = async (session: AdminSession, query: string) => admin(h, session, 'GET', `/reports/trends${query}`);

describe('GET /admin/reports/trends', () => {
  it('ranks rising hashtags and words against the week before, with a daily series and the top authors', async () => {
    const res = await trends(owner, `?from=${from}&to=${today}`);
    expect(res.status).toBe(200);
    const report = (await res.json()) as TrendsReport;
    expect(report.range).toEqual({ from, to: today, previousFrom: utcDay(h.clock.now() - 13 * DAY), previousTo: utcDay(h.clock.now() - 7 * DAY) });
    expect(report.posts).toEqual({ current: 5, previous: 2, capped: false });
    expect(report.hashtags).toEqual([{ term: 'linen', count: 3, previous: 1, growth: 2 }]);
    expect(report.words).toEqual([{ term: 'candle', count: 2, previous: 0, growth: 3 }]);
    expect(report.series.days).toHaveLength(7);
    expect(report.series.hashtags).toEqual([{ term: 'linen', counts: [1, 0, 0, 0, 0, 0, 2] }]);
    expect(report.authorsByApprovedPosts).toEqual([
      { username: 'ana', approvedPosts: 2 },
      { username: 'ben', approvedPosts: 2 },
    ]);
    expect(report.authorsByRevenue).toEqual([
      { username: 'ben', revenueMinor: 5000 },
      { username: 'ana', revenueMinor: 1200 },
    ]);
  });

  it('exports the same lists as CSV', async () => {
    const res = await admin(h, owner, 'GET', `/reports/trends.csv?from=${from}&to=${today}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=UTF-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="vitrine-trends-${from}-${today}.csv"`);
    expect((await res.text()).split('\r\n')).toEqual([
      'section,name,posts,previous_posts,growth,revenue_minor,currency',
      'rising_hashtag,#linen,3,1,2,,',
      'rising_word,candle,2,0,3,,',
      'author_by_approved_posts,ana,2,,,,',
      'author_by_approved_posts,ben,2,,,,',
      'author_by_revenue,ben,,,,5000,EUR',
      'author_by_revenue,ana,,,,1200,EUR',
      '',
    ]);
  });

  it('leaves out erased posts, and captions of any script fold to one tag', async () => {
    await h.db.update(posts).set({ caption: '#ÉTÉ à la plage 🌊 #été', publishedAt: h.clock.now() }).where(eq(posts.id, 'post_demo08'));
    await h.db.update(posts).set({ caption: '#Été encore 🌊', publishedAt: h.clock.now() - DAY }).where(eq(posts.id, 'post_demo09'));
    let report = (await (await trends(owner, `?from=${from}&to=${today}`)).json()) as TrendsReport;
    expect(report.hashtags.find((t) => t.term === 'été')).toEqual({ term: 'été', count: 2, previous: 0, growth: 3 });
    await h.db.update(posts).set({ erasedAt: h.clock.now() }).where(eq(posts.id, 'post_demo09'));
    report = (await (await trends(owner, `?from=${from}&to=${today}`)).json()) as TrendsReport;
    expect(report.hashtags.find((t) => t.term === 'été')).toBeUndefined();
  });

  it('is for owners and analysts, over the whole workspace, with its range checked', async () => {
    const analyst = await addMember(h, owner, 'ana.lyst@vitrine.local', 'analyst');
    const merchandiser = await addMember(h, owner, 'max@vitrine.local', 'merchandiser');
    expect((await trends(analyst, '')).status).toBe(200);
    expect((await trends(merchandiser, '')).status).toBe(403);
    const gallery = await trends(owner, '?galleryId=demo');
    expect(gallery.status).toBe(400);
    expect(await gallery.json()).toMatchObject({ error: { field: 'galleryId' } });
    const range = await trends(owner, `?from=${today}&to=${from}`);
    expect(range.status).toBe(400);
    expect(await range.json()).toMatchObject({ error: { field: 'from' } });
  });
});
