/**
 * Collection as shipped: a backlog of N tagged posts on the local fake with its real rate limits
 * (Business Use Case: 4,800 calls a day per impression, the fake's default account), collected and
 * re-hosted by the real pipeline (libSQL file, disk media, sharp) with the shipped per-step limits
 * and the shipped step interval, on a simulated clock. Node's timer never runs two steps at once,
 * so a step that takes longer than the interval (wall time) pushes the next one to the following
 * tick: simulated time advances by the interval times the ticks each step's wall time covers.
 * Prints one JSON line: { runtime, backlog, posts, minutes, postsPerHour, clearedInMinutes,
 * stepP95Ms, everySeconds, limits }.
 *
 *   tsx bench/collection-shipped.ts 1000 node      Node: every 15 s, runDueCollection's defaults
 *   tsx bench/collection-shipped.ts 1000 workers   Workers' cron: every 60 s, CRON_LIMITS (rates only; CPU is the renditions section's)
 */
import { and, eq, exists, ne, notExists, sql } from 'drizzle-orm';
import { rmSync } from 'node:fs';
import { runDueCollection } from '../server/domain/collection/scheduler.ts';
import { postMedia, posts } from '../server/db/schema.ts';
import { DEFAULT_COLLECT_EVERY_SECONDS } from '../server/entry/node-config.ts';
import { CRON_LIMITS } from '../server/entry/worker-cron.ts';
import { sharpVariantMaker } from '../server/media/sharp-variants.ts';
import { collectionBench } from './collection-setup.ts';
import { quantile } from './latency.ts';

const backlog = Number(process.argv[2] ?? 1000);
const runtime = process.argv[3] === 'workers' ? 'workers' : 'node';
const everyMs = (runtime === 'node' ? DEFAULT_COLLECT_EVERY_SECONDS : 60) * 1000;
const limits = runtime === 'node' ? undefined : CRON_LIMITS;
const HOUR = 3_600_000;
/** Stop after this much simulated time even if the backlog has not cleared. */
const GIVE_UP_MS = 6 * HOUR;

// No `impressions`: the fake's own account, so its Business Use Case limit is the real formula's.
const { dir, clock, instagram, db, media } = await collectionBench(backlog);
/** Posts whose every medium is re-hosted, less the demo's own (seeded before the run). */
const stored = async () => {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(posts)
    .where(
      and(
        exists(db.select({ one: sql`1` }).from(postMedia).where(eq(postMedia.postId, posts.id))),
        notExists(db.select({ one: sql`1` }).from(postMedia).where(and(eq(postMedia.postId, posts.id), ne(postMedia.storeStatus, 'stored')))),
      ),
    );
  return Number(row?.n ?? 0);
};
const seeded = await stored();
const done = async () => (await stored()) - seeded;

const deps = { db, media, variants: sharpVariantMaker(), instagram, appSecret: 'bench', outbound: () => Promise.reject(new Error('no webhooks in this benchmark')) };
const steps: number[] = [];
let simulated = 0;
let inFirstHour = 0;
let cleared: number | null = null;
while (simulated < GIVE_UP_MS) {
  const t = performance.now();
  await runDueCollection(deps, clock.now(), limits);
  const wall = performance.now() - t;
  steps.push(wall);
  // Node's timer skips the ticks a running step covers; Workers' cron starts the next on time.
  const elapsed = runtime === 'node' ? Math.max(1, Math.ceil(wall / everyMs)) * everyMs : everyMs;
  clock.advance(elapsed);
  simulated += elapsed;
  const n = await done();
  if (simulated <= HOUR) inFirstHour = n;
  if (n >= backlog) {
    cleared = simulated;
    break;
  }
}
const collected = await done();
rmSync(dir, { recursive: true, force: true });
steps.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    runtime,
    backlog,
    posts: collected,
    everySeconds: everyMs / 1000,
    limits: limits ?? 'runDueCollection defaults',
    // Within the first hour; a backlog cleared sooner gives its own rate.
    postsPerHour: cleared !== null && cleared < HOUR ? Math.round((backlog * HOUR) / cleared) : inFirstHour,
    clearedInMinutes: cleared === null ? null : Number((cleared / 60_000).toFixed(1)),
    stepP95Ms: quantile(steps, 0.95),
    steps: steps.length,
  }),
);
