import autocannon, { type Result } from 'autocannon';
import { spawn } from 'node:child_process';
import type { Section } from '../section.ts';
import { is, target } from '../targets.ts';
import { startWorker } from '../../e2e/worker-server.ts';
import { DEMO_PUBLIC_POST_IDS } from '../../server/dev/seed/demo-content.ts';

const BROWSER = { 'accept-encoding': 'gzip, deflate, br' };
const ROUNDS = 2;
const SECONDS = 5;
const CONNECTIONS = 20;
const GALLERY = '/v1/galleries/demo/posts?limit=12';

type Runtime = 'node' | 'workerd';
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
    return {
      results,
      targets: { runtimes_errors_count: target(is('=', 0)) },
      notes: [
        `Runtimes: ${ROUNDS} rounds of ${SECONDS} s, ${CONNECTIONS} connections, a 12-post gallery answer on Node (libSQL) and on local workerd (wrangler dev, D1 and R2 emulated on disk), alternating.`,
        'Runtimes: "uncached" makes every request a distinct URL (an ignored parameter), so each answer is built from the database; "cached" repeats one URL.',
        'Runtimes: wrangler dev puts its own Node proxy in front of workerd and emulates D1 with a local SQLite file, so workerd figures here are a floor for the machine, not a forecast of Cloudflare\'s network (docs/SCALE.md models that).',
      ],
    };
  } finally {
    node.stop();
    await worker.stop();
  }
};
