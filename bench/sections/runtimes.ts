import { createClient, type Client } from '@libsql/client';
import autocannon, { type Result } from 'autocannon';
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Section } from '../section.ts';
import { is, target } from '../targets.ts';
import { startWorker, type RunningWorker } from '../../e2e/worker-server.ts';
import { DEMO_PUBLIC_POST_IDS } from '../../server/dev/seed/demo-content.ts';
import { ingestLoad, type IngestResult, type Stored } from '../runtime-ingest.ts';
import { BENCH_SHOP } from '../tracking-app.ts';

const BROWSER = { 'accept-encoding': 'gzip, deflate, br' };
const ROUNDS = 2;
const SECONDS = 5;
const CONNECTIONS = 20;
const GALLERY = '/v1/galleries/demo/posts?limit=12';

type Runtime = 'node' | 'workerd';

/**
 * Ingest load per runtime: 2,000 batches of 10 events, 32 at a time. Kept under 3,000 requests a
 * minute with the warm-up and replays, so that the per-address limit never answers 429 should
 * wrangler dev not pass the client address on.
 */
const INGEST_BATCHES = Number(process.env.RUNTIMES_INGEST_BATCHES ?? 2_000);
const INGEST_CONCURRENCY = 32;

/** No speed target: the issue asks for the figures side by side; storing each event once is the bar. */
const RUNTIMES_TARGETS = {
  runtimes_errors_count: target(is('=', 0)),
  runtimes_node_ingest_exactly_once: target(is('=', 1), 'every acknowledged event stored once, replays adding nothing'),
  runtimes_workerd_ingest_exactly_once: target(is('=', 1), 'through the EVENTS queue and its consumer: every acknowledged event stored once, replays adding nothing'),
};

/** Event rows and the events the workspace rollup counted, for the demo workspace. */
async function storedIn(client: Client): Promise<Stored> {
  const one = async (q: string) => Number((await client.execute(q)).rows[0]![0] ?? 0);
  return {
    events: await one(`select count(*) from events where workspace_id = 'ws_demo'`),
    counted: await one(`select coalesce(sum(impressions + opens + product_clicks + add_to_carts), 0) from daily_rollups where workspace_id = 'ws_demo' and dimension = 'workspace'`),
  };
}

/** Node's ingest: the real app with group commits on a fresh libSQL file (bench/tracking-server.ts), in its own process. */
async function nodeIngest(): Promise<IngestResult> {
  const server = spawn(process.execPath, ['--import', 'tsx', new URL('../tracking-server.ts', import.meta.url).pathname], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, MALLOC_ARENA_MAX: '2' } });
  try {
    const [port, url] = await new Promise<[string, string]>((resolve) => {
      server.stdout.on('data', (chunk: Buffer) => {
        const match = /PORT (\d+) DB (\S+)/.exec(String(chunk));
        if (match) resolve([match[1]!, match[2]!]);
      });
    });
    const client = createClient({ url });
    try {
      return await ingestLoad({ base: `http://127.0.0.1:${port}`, origin: BENCH_SHOP, batches: INGEST_BATCHES, concurrency: INGEST_CONCURRENCY, stored: () => storedIn(client), tag: 'node' });
    } finally {
      client.close();
    }
  } finally {
    server.kill();
  }
}

/**
 * workerd's ingest: wrangler dev with the EVENTS queue of wrangler.toml, so a 204 means the batch
 * is on the (local) queue and its consumer stores it. The local D1 is read from its SQLite file
 * while the Worker runs; the demo store's own origin is the page's.
 */
async function workerdIngest(worker: RunningWorker): Promise<IngestResult> {
  const dir = join(worker.state, 'v3', 'd1', 'miniflare-D1DatabaseObject');
  const file = readdirSync(dir).find((f) => f.endsWith('.sqlite'));
  if (!file) throw new Error(`no local D1 file in ${dir}`);
  const client = createClient({ url: `file:${join(dir, file)}` });
  // The Worker writes while this reads: a busy moment is read again.
  const stored = async (): Promise<Stored> => {
    for (;;) {
      try {
        return await storedIn(client);
      } catch (error) {
        if (!/SQLITE_BUSY|locked/.test(String(error))) throw error;
      }
    }
  };
  try {
    return await ingestLoad({ base: worker.url, origin: worker.url, batches: INGEST_BATCHES, concurrency: INGEST_CONCURRENCY, stored, tag: 'workerd' });
  } finally {
    client.close();
  }
}
type Kind = 'cached' | 'uncached';

/** The Node bench server (bench/api-server.ts: the app on a demo-seeded libSQL file), answering its port. */
async function startNode(): Promise<{ url: string; stop: () => void }> {
  // The demo as it is, as the Worker's seed has it: the api section's 10,000-post fill would compare different data.
  const env = { ...process.env, API_PUBLIC_POSTS: String(DEMO_PUBLIC_POST_IDS.length) };
  const server = spawn(process.execPath, ['--import', 'tsx', new URL('../api-server.ts', import.meta.url).pathname], { stdio: ['ignore', 'pipe', 'inherit'], env });
  const port = await new Promise<number>((resolve, reject) => {
    server.stdout.on('data', (d: Buffer) => {
      const match = /PORT (\d+)/.exec(String(d));
      if (match) resolve(Number(match[1]));
    });
    server.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => server.kill() };
}

/**
 * One round on one runtime: every request the same gallery URL (after the first, answers come
 * from the answer cache), or each a URL of its own (an ignored parameter makes every request a
 * cache miss, so the gallery is read from the database each time).
 */
function round(base: string, kind: Kind): Promise<Result> {
  let n = 0;
  return autocannon({
    url: `${base}${GALLERY}`,
    headers: BROWSER,
    connections: CONNECTIONS,
    duration: SECONDS,
    ...(kind === 'uncached' ? { requests: [{ setupRequest: (req) => ({ ...req, path: `${GALLERY}&miss=${n++}` }) }] } : {}),
  });
}

/**
 * The same gallery answers on both runtimes in one run: Node (the app on libSQL) and local
 * workerd (`wrangler dev` on its own D1 and R2, as `npm run dev:worker` runs it), rounds
 * alternating between them so a noisy moment hurts both alike.
 */
export const runtimes: Section = async () => {
  const [node, worker] = await Promise.all([startNode(), startWorker()]);
  try {
    const bases: Record<Runtime, string> = { node: node.url, workerd: worker.url };
    for (const base of Object.values(bases)) await autocannon({ url: `${base}${GALLERY}`, headers: BROWSER, connections: 5, duration: 1 }); // warm-up
    const runs = new Map<string, Result[]>();
    for (let r = 0; r < ROUNDS; r++) {
      for (const kind of ['cached', 'uncached'] as const) {
        for (const runtime of ['node', 'workerd'] as const) {
          const key = `${runtime}_${kind}`;
          runs.set(key, [...(runs.get(key) ?? []), await round(bases[runtime], kind)]);
        }
      }
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const results: Record<string, number> = {};
    let errors = 0;
    for (const [key, rounds] of runs) {
      results[`runtimes_${key}_rps`] = Math.round(mean(rounds.map((x) => x.requests.average)));
      results[`runtimes_${key}_p50_ms`] = mean(rounds.map((x) => x.latency.p50));
      results[`runtimes_${key}_p99_ms`] = mean(rounds.map((x) => x.latency.p99));
      errors += rounds.reduce((sum, x) => sum + x.errors + x.non2xx + x.timeouts, 0);
    }
    results.runtimes_workerd_to_node_cached_ratio = Number((results.runtimes_workerd_cached_rps! / results.runtimes_node_cached_rps!).toFixed(3));
    results.runtimes_workerd_to_node_uncached_ratio = Number((results.runtimes_workerd_uncached_rps! / results.runtimes_node_uncached_rps!).toFixed(3));
    results.runtimes_errors_count = errors;
    // Ingest, Node first, then workerd (the gallery servers stay up: the machine is as loaded for both).
    const ingest = { node: await nodeIngest(), workerd: await workerdIngest(worker) };
    for (const runtime of ['node', 'workerd'] as const) {
      const run = ingest[runtime];
      results[`runtimes_${runtime}_ingest_events_per_s`] = run.eventsPerSecond;
      results[`runtimes_${runtime}_ingest_accepted_events_per_s`] = run.acceptedPerSecond;
      results[`runtimes_${runtime}_ingest_drain_ms`] = run.drainMs;
      results[`runtimes_${runtime}_ingest_exactly_once`] = run.exactlyOnce ? 1 : 0;
      results[`runtimes_${runtime}_ingest_refused_count`] = INGEST_BATCHES - run.acknowledged;
      if (run.acknowledged < INGEST_BATCHES) console.error(`runtimes: ${runtime} ingest answers other than 204`, JSON.stringify(run.refused));
      if (!run.exactlyOnce) console.error(`runtimes: ${runtime} ingest not exactly once`, JSON.stringify(run));
    }
    results.runtimes_workerd_to_node_ingest_ratio = Number((ingest.workerd.eventsPerSecond / ingest.node.eventsPerSecond).toFixed(3));
    return {
      results,
      targets: RUNTIMES_TARGETS,
      notes: [
        `Runtimes: ${ROUNDS} rounds of ${SECONDS} s, ${CONNECTIONS} connections, a 12-post gallery answer on Node (libSQL) and on local workerd (wrangler dev, D1 and R2 emulated on disk), alternating.`,
        'Runtimes: "uncached" makes every request a distinct URL (an ignored parameter), so each answer is built from the database; "cached" repeats one URL.',
        `Runtimes ingest: ${INGEST_BATCHES.toLocaleString('en')} batches of 10 events (the tracking section's mix, 6,000 visitors, addresses spread), ${INGEST_CONCURRENCY} at a time, after 100 to warm up; events/s counts until the last acknowledged event is in the database: on Node the 204 follows the write (group commit, libSQL file); on workerd it follows the send to the local EVENTS queue, and the Worker's queue() consumer writes (batches of up to 50 messages or 2 s, as wrangler.toml sets). "accepted" counts until the last 204; "drain" is the time from it to the last event stored. Exactly once: every acknowledged event stored once (rows and workspace rollup), and 500 acknowledged batches sent again, followed by a new one, add only the new one's 10.`,
        'Runtimes: wrangler dev puts its own Node proxy in front of workerd and emulates D1 with a local SQLite file, so workerd figures here are a floor for the machine, not a forecast of Cloudflare\'s network (docs/SCALE.md models that).',
      ],
    };
  } finally {
    node.stop();
    await worker.stop();
  }
};
