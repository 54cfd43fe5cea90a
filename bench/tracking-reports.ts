/**
 * Report latency: the overview, top-posts and CSV export endpoints through the real app
 * in-process (session, CSRF, role guard), p50/p95 over repeated requests, with a 90-day history
 * of the first size of events, then of the next size in the same workspace. Besides the
 * last 30 days (the range ending today), it times a past range (the 30 days ending 60 days ago)
 * with and without a gallery filter, and the CSV export of that range. The workspace has two
 * galleries, so the filter keeps about half the traffic. Prints one JSON line keyed by size.
 *
 *   tsx bench/tracking-reports.ts 100000 1000000
 */
import { DEMO_GALLERY_ID, DEMO_OWNER } from '../server/dev/seed/demo-content.ts';
import { generateHistory } from '../server/dev/seed/tracking-history.ts';
import { admin, signIn } from '../server/dev/testing/admin-client.ts';
import type { Harness } from '../server/dev/testing/harness.ts';
import { galleries } from '../server/db/schema.ts';
import type { ReportOverview } from '../shared/report-types.ts';
import { randomToken } from '../server/security/tokens.ts';
import { latency } from './latency.ts';
import { trackingBenchApp } from './tracking-app.ts';

const sizes = process.argv.slice(2).map(Number);
const ROUNDS = 100;
const DAY = 86_400_000;
// The demo owner signs in with the password this run seeded (the harness's owner, made here).
const password = randomToken();
const { app, db } = await trackingBenchApp({ holdoutShare: 0.1 }, password);
const endAt = Date.now();
// A second gallery: the history spreads visits over both, so a gallery filter has something to leave out.
await db.insert(galleries).values({ id: 'bench_lookbook', workspaceId: 'ws_demo', name: 'Lookbook', layout: 'grid', sort: 'newest', pageSize: 12, createdAt: endAt, updatedAt: endAt });
const h = { app, owner: { email: DEMO_OWNER.email, password } } as Harness;
const owner = await signIn(h);

const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const past = `from=${day(endAt - 89 * DAY)}&to=${day(endAt - 60 * DAY)}`;
const gallery = `galleryId=${DEMO_GALLERY_ID}`;
const PATHS = {
  overview: '/reports/overview',
  overview90: `/reports/overview?from=${day(endAt - 89 * DAY)}`,
  top: '/reports/top?dimension=post&limit=10',
  overviewPast: `/reports/overview?${past}`,
  overviewPastGallery: `/reports/overview?${past}&${gallery}`,
  topPastGallery: `/reports/top?dimension=post&limit=10&${past}&${gallery}`,
  exportPastGallery: `/reports/export.csv?dimension=day&${past}&${gallery}`,
  exportPostsPast: `/reports/export.csv?dimension=post&${past}`,
};

const timed = (path: string) => latency(() => admin(h, owner, 'GET', path), ROUNDS, 5);
const impressions = async (path: string) => ((await (await admin(h, owner, 'GET', path)).json()) as ReportOverview).totals.impressions;

const out: Record<string, unknown> = {};
let written = 0;
for (const [i, size] of sizes.entries()) {
  const t = performance.now();
  const report = await generateHistory(db, { workspaceId: 'ws_demo', days: 90, events: size - written, endAt, seed: i + 1 });
  written += report.events;
  const generateSeconds = (performance.now() - t) / 1000;
  const run: Record<string, unknown> = { events: written, generateEventsPerSecond: Math.round(report.events / generateSeconds) };
  // The timings mean something only if the past range has traffic and the filter leaves some out.
  const [all, one] = [await impressions(PATHS.overviewPast), await impressions(PATHS.overviewPastGallery)];
  if (!(one > 0 && one < all)) throw new Error(`the past range's impressions: ${all} in the workspace, ${one} in the gallery`);
  run.pastGalleryImpressionShare = Number((one / all).toFixed(2));
  for (const [name, path] of Object.entries(PATHS)) run[name] = await timed(path);
  out[size] = run;
  process.stderr.write(`${JSON.stringify(run)}\n`);
}
console.log(JSON.stringify(out));
