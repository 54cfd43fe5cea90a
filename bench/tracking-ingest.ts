/**
 * Ingest throughput on the embedded database: batches of 10 events from many visitors (and
 * addresses) over HTTP on loopback to the real server in another process, then a check that
 * every acknowledged event is stored exactly once (a replay of acknowledged batches adds
 * nothing, and the rollups count each event once). Prints one JSON line.
 *
 *   tsx bench/tracking-ingest.ts 12000 64   (requests, concurrency)
 */
import { createClient } from '@libsql/client';
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { BENCH_SHOP } from './tracking-app.ts';
import { processCpuMs } from './process-stats.ts';

const REQUESTS = Number(process.argv[2] ?? 12_000);
const CONCURRENCY = Number(process.argv[3] ?? 64);
const VISITORS = 6_000;
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

// `BENCH_CPU_PROF=<dir>`: the server writes a CPU profile there (node --cpu-prof) when it is stopped.
const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
const server = spawn(process.execPath, [...profile, '--import', 'tsx', fileURLToPath(new URL('./tracking-server.ts', import.meta.url))], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, MALLOC_ARENA_MAX: '2' } });
const [port, dbUrl] = await new Promise<[string, string]>((resolve) => {
  server.stdout.on('data', (chunk: Buffer) => {
    const match = /PORT (\d+) DB (\S+)/.exec(chunk.toString());
    if (match) resolve([match[1]!, match[2]!]);
  });
});
const endpoint = `http://127.0.0.1:${port}/v1/events`;

const TYPES = ['view_item_list', 'select_content', 'select_item', 'add_to_cart'] as const;
const SHOWN = Array.from({ length: 12 }, (_, n) => `post_demo${String(n + 1).padStart(2, '0')}`);
function batch(i: number) {
  const visitorId = `v_bench_${(i % VISITORS).toString(36).padStart(6, '0')}`;
  const now = Date.now();
  const events = Array.from({ length: 10 }, (_, k) => {
    const type = TYPES[k % 4]!;
    // An impression names the posts on show, as the widget sends it: a first page of twelve.
    return { id: `e_${i.toString(36)}_${k}_bench`, type, at: now, galleryId: 'demo', ...(type === 'view_item_list' ? { postIds: SHOWN } : { postId: `post_demo0${1 + (k % 8)}` }), ...(type === 'select_item' || type === 'add_to_cart' ? { productId: 'prod_demo1' } : {}) };
  });
  return JSON.stringify({ v: 1, workspaceId: 'ws_demo', visitorId, sessionId: `s_${visitorId}`, consent: 'granted', events });
}
// node:http with keep-alive: fetch costs the load generator more CPU than the server spends.
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const send = (body: string, i: number) =>
  new Promise<number>((resolve, reject) => {
    const req = request(
      endpoint,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'text/plain;charset=UTF-8', 'content-length': Buffer.byteLength(body), origin: BENCH_SHOP, 'user-agent': UA, 'x-bench-ip': `10.0.${(i >> 8) & 255}.${i & 255}` },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });

async function run(indices: number[]): Promise<{ acked: number[]; latencies: number[] }> {
  const bodies = new Map(indices.map((i) => [i, batch(i)])); // made before the clock starts
  const acked: number[] = [];
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < indices.length) {
        const i = indices[next++]!;
        const t = performance.now();
        const status = await send(bodies.get(i)!, i);
        latencies.push(performance.now() - t);
        if (status === 204) acked.push(i);
      }
    }),
  );
  return { acked, latencies };
}

const cpuMs = () => processCpuMs(server.pid!);
await run(Array.from({ length: 200 }, (_, i) => REQUESTS + i)); // warm-up, own ids
const started = performance.now();
const cpuBefore = cpuMs();
const { acked, latencies } = await run(Array.from({ length: REQUESTS }, (_, i) => i));
const seconds = (performance.now() - started) / 1000;
const serverCpuMs = cpuMs() - cpuBefore;
// Replaying acknowledged batches (a beacon resent) must store and count nothing more.
const replay = await run(acked.slice(0, 1000));

const db = createClient({ url: dbUrl });
const one = async (q: string) => Number((await db.execute(q)).rows[0]![0]);
const ackedEvents = (acked.length + 200) * 10;
const stored = await one(`select count(*) from events where workspace_id = 'ws_demo'`);
const counted = await one(`select sum(impressions + opens + product_clicks + add_to_carts) from daily_rollups where workspace_id = 'ws_demo' and dimension = 'workspace'`);
agent.destroy();
server.kill();
latencies.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    requests: REQUESTS,
    concurrency: CONCURRENCY,
    acknowledged: acked.length,
    eventsPerSecond: Math.round((acked.length * 10) / seconds),
    // What the server spent per 1,000 acknowledged events; 1000 / this is the rate one free core would reach.
    serverCpuMsPer1000Events: Number(((serverCpuMs / (acked.length * 10)) * 1000).toFixed(1)),
    p50Ms: Number(latencies[Math.floor(latencies.length * 0.5)]!.toFixed(2)),
    p95Ms: Number(latencies[Math.floor(latencies.length * 0.95)]!.toFixed(2)),
    replayAcknowledged: replay.acked.length,
    ackedEvents,
    stored,
    counted,
    // Ids are the primary key, so the count equal to what was acknowledged means each is there once.
    exactlyOnce: stored === ackedEvents && counted === ackedEvents,
  }),
);
