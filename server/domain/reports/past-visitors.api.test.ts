import { createHarness } from '#harness';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { Harness } from '../../dev/testing/harness.ts';
import { visitorDays } from '../../db/schema.ts';
import { seededRandom } from '../../dev/seed/random.ts';
import { generateHistory } from '../../dev/seed/tracking-history.ts';
import { clearTracking, configureTracking } from '../../dev/testing/tracking-client.ts';
import { utcDay } from '../tracking/days.ts';
import { trackingSettings } from '../tracking/settings.ts';
import { reportOverview } from './overview.ts';

const DAY = 86_400_000;
const daysFrom = (start: number, n: number) => Array.from({ length: n }, (_, i) => utcDay(start + i * DAY));
// One harness for the file (one database per file on Workers); each test clears tracking first.
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

it('keeps the gap buckets summing to the distinct visitors of every range, through days written in any order, flag changes and erasures', async () => {
  await clearTracking(h);
  const random = seededRandom(11);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const days = daysFrom(Date.UTC(2026, 0, 1), 9);
  const people = Array.from({ length: 30 }, (_, i) => `v${i}`);
  const scopes = ['', 'demo'];
  for (let round = 0; round < 25; round++) {
    // Several rows per statement, repeats included: inserts and max() upserts as ingest writes them.
    const rows = Array.from({ length: 12 }, () => ({ workspaceId: 'ws_demo', galleryId: pick(scopes), day: pick(days), visitorId: pick(people), holdout: random() < 0.2 ? 1 : 0, exposed: 1, engaged: random() < 0.3 ? 1 : 0 }));
    for (const row of rows) {
      await h.db
        .insert(visitorDays)
        .values(row)
        .onConflictDoUpdate({ target: [visitorDays.workspaceId, visitorDays.galleryId, visitorDays.day, visitorDays.visitorId], set: { holdout: sql`max(${visitorDays.holdout}, excluded.holdout)`, engaged: sql`max(${visitorDays.engaged}, excluded.engaged)` } });
    }
    // A flag taken back (no ingest does it, but the triggers must follow), one day deleted, one visitor erased.
    const flagged = await h.db.select().from(visitorDays).where(sql`${visitorDays.holdout} = 1 or ${visitorDays.engaged} = 1`).orderBy(visitorDays.visitorId, visitorDays.galleryId, visitorDays.day);
    if (flagged.length > 0) {
      const row = pick(flagged);
      await h.db.update(visitorDays).set(random() < 0.5 ? { holdout: 0 } : { holdout: 0, engaged: 0 }).where(and(eq(visitorDays.galleryId, row.galleryId), eq(visitorDays.visitorId, row.visitorId), eq(visitorDays.day, row.day)));
    }
    if (round % 4 === 1) await h.db.delete(visitorDays).where(and(eq(visitorDays.visitorId, pick(people)), eq(visitorDays.day, pick(days))));
    if (round % 5 === 2) await h.db.delete(visitorDays).where(eq(visitorDays.visitorId, pick(people)));
  }
  const one = async (query: SQL) => Number(Object.values((await h.db.all<Record<string, number>>(query))[0]!)[0] ?? 0);
  expect(await one(sql`select count(distinct visitor_id) from visitor_days where holdout = 1`)).toBeGreaterThan(3);
  const chains = { seen: sql`true`, held: sql`holdout = 1`, held_or_engaged: sql`(holdout = 1 or engaged = 1)` };
  let compared = 0;
  for (const galleryId of scopes) {
    for (const [i, from] of days.entries()) {
      for (const to of days.slice(i)) {
        for (const [chain, where] of Object.entries(chains)) {
          const raw = await one(sql`select count(distinct visitor_id) from visitor_days where gallery_id = ${galleryId} and day between ${from} and ${to} and ${where}`);
          const summed = await one(sql`select coalesce(sum(visitors), 0) from visitor_day_gaps where gallery_id = ${galleryId} and chain = ${chain} and day between ${from} and ${to} and prev_day < ${from}`);
          expect(summed, `${chain} ${galleryId || 'workspace'} ${from}..${to}`).toBe(raw);
          compared += raw > 0 ? 1 : 0;
        }
      }
    }
  }
  expect(compared).toBeGreaterThan(200);
  expect(await one(sql`select count(*) from visitor_day_gaps where visitors < 0`)).toBe(0);
});

/**
 * The visitors, groups and conversions of a range counted from the raw events, as the report
 * defines them: distinct consenting visitors with an event other than a purchase in the range (in
 * the gallery, with a filter), in the holdout if they were on any of those days, engaged if they
 * opened, clicked or added to cart, converted if they ordered in the range.
 */
async function fromRawEvents(from: string, to: string, galleryId: string | null) {
  const [start, end] = [Date.parse(`${from}T00:00:00Z`), Date.parse(`${to}T00:00:00Z`) + DAY];
  const rows = await h.db.all<{ holdout: number; engaged: number; visitors: number; converted: number }>(sql`
    select holdout, engaged, count(*) as visitors, sum(bought) as converted from (
      select visitor_id, max(holdout) as holdout, max(type in ('select_content', 'select_item', 'add_to_cart')) as engaged,
        exists (select 1 from orders o where o.workspace_id = 'ws_demo' and o.visitor_id = e.visitor_id and o.occurred_at >= ${start} and o.occurred_at < ${end}) as bought
      from events e
      where workspace_id = 'ws_demo' and visitor_id <> '' and type <> 'purchase' and occurred_at >= ${start} and occurred_at < ${end}
        and (${galleryId} is null or gallery_id = ${galleryId})
      group by visitor_id
    ) group by holdout, engaged`);
  const sum = (f: (r: (typeof rows)[number]) => boolean, key: 'visitors' | 'converted') => rows.filter(f).reduce((s, r) => s + Number(r[key]), 0);
  const exposed = (r: (typeof rows)[number]) => Number(r.holdout) === 0;
  const engaged = (r: (typeof rows)[number]) => exposed(r) && Number(r.engaged) === 1;
  const rate = (n: number, d: number) => (d === 0 ? null : n / d);
  return {
    visitors: sum(exposed, 'visitors'),
    engagedVisitors: sum(engaged, 'visitors'),
    conversionRateEngaged: rate(sum(engaged, 'converted'), sum(engaged, 'visitors')),
    conversionRateNotEngaged: rate(sum((r) => exposed(r) && !engaged(r), 'converted'), sum((r) => exposed(r) && !engaged(r), 'visitors')),
    holdoutVisitors: sum((r) => !exposed(r), 'visitors'),
    holdoutConversionRate: rate(sum((r) => !exposed(r), 'converted'), sum((r) => !exposed(r), 'visitors')),
    exposedConversionRate: rate(sum(exposed, 'converted'), sum(exposed, 'visitors')),
  };
}

it("counts a past range's visitors, groups and conversions as the raw events do, for the workspace and one gallery", async () => {
  await clearTracking(h);
  await configureTracking(h, { holdoutShare: 0.2 });
  const days = 8;
  // Returning visitors span days, so ranges cut through visitors' chains of days.
  await generateHistory(h.db, { workspaceId: 'ws_demo', days, events: 2_400, endAt: h.clock.now(), seed: 5 });
  const settings = (await trackingSettings(h.db, 'ws_demo'))!;
  const history = daysFrom(h.clock.now() - (days - 1) * DAY, days);
  // Read a week later: every range lies in the past.
  const later = h.clock.now() + 7 * DAY;
  let checked = 0;
  for (const galleryId of [null, 'demo']) {
    for (const [from, to] of [[history[0]!, history.at(-1)!], [history[2]!, history[5]!], [history[3]!, history[3]!], [history[1]!, history[6]!]] as const) {
      const report = await reportOverview(h.db, settings, { workspaceId: 'ws_demo', from, to, galleryId, confirmedOnly: false }, 'EUR', later);
      const raw = await fromRawEvents(from, to, galleryId);
      const { visitors, engagedVisitors, conversionRateEngaged, conversionRateNotEngaged } = report.totals;
      const { holdoutVisitors, holdoutConversionRate, exposedConversionRate } = report.holdout;
      expect({ visitors, engagedVisitors, conversionRateEngaged, conversionRateNotEngaged, holdoutVisitors, holdoutConversionRate, exposedConversionRate }, `${galleryId} ${from}..${to}`).toEqual(raw);
      if (raw.visitors > 0 && raw.holdoutVisitors > 0 && (raw.conversionRateEngaged ?? 0) > 0) checked++;
    }
  }
  expect(checked).toBeGreaterThan(4);
});
