import autocannon, { type Request, type Result } from 'autocannon';
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { latency } from '../latency.ts';
import { processCpuMs } from '../process-stats.ts';
import type { Section } from '../section.ts';
import { is, target } from '../targets.ts';
import { measureWidgetSize, WIDGET_BUDGETS } from '../widget-size.ts';

/** What a browser sends: the gallery answer is measured as shoppers get it, compressed. */
const BROWSER = { 'accept-encoding': 'gzip, deflate, br' };

const ROUNDS = 2;
/** Seconds per throughput round; `API_SECONDS=1` for a quick check. */
const SECONDS = Number(process.env.API_SECONDS ?? 5);
const CONNECTIONS = 50;
/** Sequential uncached requests timed for the miss latency. */
const MISSES = Number(process.env.API_MISS_REQUESTS ?? 1000);
const MISS_CONNECTIONS = 10;

/**
 * Gallery API throughput against a bare Hono route on the same server, alternating rounds (every
 * answer after the first a cache hit); then answers the cache cannot have: each request a distinct
 * URL (the cache keys on the full URL, the route ignores the extra parameter), at 10,000 public
 * posts, one at a time for their latency and over 10 connections for their throughput.
 */
export const api: Section = async () => {
  const server = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../api-server.ts', import.meta.url))], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const { port, posts } = await new Promise<{ port: number; posts: number }>((resolve, reject) => {
      server.stdout.on('data', (d: Buffer) => {
        const match = /PORT (\d+) POSTS (\d+)/.exec(String(d));
        if (match) resolve({ port: Number(match[1]), posts: Number(match[2]) });
      });
      server.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    });
    const base = `http://127.0.0.1:${port}`;
    const targets = { bare: `${base}/bare`, gallery: `${base}/v1/galleries/demo/posts?limit=12` };
    let miss = 0;
    const missUrl = () => `/v1/galleries/demo/posts?limit=12&bench_miss=${miss++}`;
    // The figures mean what they say only if the cache does what this assumes.
    const cacheState = async (url: string) => (await fetch(url, { headers: BROWSER }).then(async (r) => (await r.arrayBuffer(), r))).headers.get('x-vitrine-cache');
    await cacheState(targets.gallery);
    if ((await cacheState(targets.gallery)) !== 'hit') throw new Error('the gallery URL repeated is not a cache hit');
    for (let i = 0; i < 2; i++) if ((await cacheState(`${base}${missUrl()}`)) !== 'miss') throw new Error('a distinct gallery URL is not a cache miss');

    for (const url of Object.values(targets)) await autocannon({ url, headers: BROWSER, connections: 10, duration: 1 }); // warm-up
    // Content-Length, not the body: fetch decodes what it receives.
    const answerBytes = async (headers: Record<string, string>) => Number((await fetch(targets.gallery, { headers })).headers.get('content-length'));
    const answer = { plain: await answerBytes({ 'accept-encoding': 'identity' }), br: await answerBytes(BROWSER) };
    // The first paint's scripts, as the build's brotli copies Node serves (node-static.ts).
    const dist = fileURLToPath(new URL('../../dist/public', import.meta.url));
    const scriptsBr = measureWidgetSize(dist).initialFiles.reduce((sum, f) => sum + statSync(join(dist, `${f}.br`)).size, 0);

    const runs: Record<keyof typeof targets, Result[]> = { bare: [], gallery: [] };
    // The server's CPU time per answer (all its threads, from /proc): what each route costs it, apart from the load generator's share of the machine.
    const cpuMs = { bare: 0, gallery: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of ['bare', 'gallery'] as const) {
        const before = processCpuMs(server.pid!);
        runs[name].push(await autocannon({ url: targets[name], headers: BROWSER, connections: CONNECTIONS, duration: SECONDS }));
        cpuMs[name] += processCpuMs(server.pid!) - before;
      }
    }
    const cpuUsPerAnswer = (name: keyof typeof targets) => Math.round((cpuMs[name] * 1000) / runs[name].reduce((n, r) => n + r.requests.total, 0));
    // Misses: one at a time (their own cost, no queueing), then many at once (how many a process makes).
    const missLatency = await latency(() => fetch(`${base}${missUrl()}`, { headers: BROWSER }), MISSES, 20);
    const misses: Request[] = [{ method: 'GET', setupRequest: (request) => ({ ...request, path: missUrl() }) }];
    const missLoad = await autocannon({ url: base, headers: BROWSER, connections: MISS_CONNECTIONS, duration: SECONDS, requests: misses });

    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const rps = (name: keyof typeof targets) => mean(runs[name].map((r) => r.requests.average));
    return {
      results: {
        api_bare_hono_rps: Math.round(rps('bare')),
        api_gallery_posts_rps: Math.round(rps('gallery')),
        api_gallery_to_bare_ratio: Number((rps('gallery') / rps('bare')).toFixed(3)),
        api_bare_server_cpu_us_per_answer: cpuUsPerAnswer('bare'),
        api_gallery_server_cpu_us_per_answer: cpuUsPerAnswer('gallery'),
        api_gallery_posts_p50_ms: mean(runs.gallery.map((r) => r.latency.p50)),
        api_gallery_posts_p99_ms: mean(runs.gallery.map((r) => r.latency.p99)),
        api_gallery_public_posts: posts,
        api_gallery_uncached_p50_ms: missLatency.p50,
        api_gallery_uncached_p99_ms: missLatency.p99,
        api_gallery_uncached_rps: Math.round(missLoad.requests.average),
        api_errors_count: [...runs.bare, ...runs.gallery, missLoad].reduce((n, r) => n + r.errors + r.non2xx + r.timeouts, 0),
        api_gallery_answer_bytes: answer.plain,
        api_gallery_answer_wire_bytes: answer.br,
        first_paint_wire_bytes: scriptsBr + answer.br,
      },
      targets: {
        api_gallery_posts_rps: target(is('>=', 2000)),
        api_gallery_to_bare_ratio: target(is('>=', 0.5), 'issue 19: a cached answer within 2× of a bare Hono route in the same process'),
        api_gallery_posts_p99_ms: target(is('<', 50)),
        api_gallery_uncached_p99_ms: target(is('<', 20), 'issue 19: an uncached 12-post answer at 10,000 public posts'),
        api_gallery_public_posts: target(is('>=', 10_000), 'the uncached figures are for a store this large'),
        api_errors_count: target(is('=', 0)),
        first_paint_wire_bytes: target(
          is('<=', Math.round(WIDGET_BUDGETS.initialGzipBytes * 1.05)),
          `loader + gallery chunks + a 12-post answer as Node sends them (brotli); issue 19: within 5% of the widget's initial gzip budget (${WIDGET_BUDGETS.initialGzipBytes} bytes)`,
        ),
      },
      notes: [
        `API: ${ROUNDS} alternating rounds of ${SECONDS} s per route, ${CONNECTIONS} connections, autocannon in a separate process from the server, ${cpus().length} cores.`,
        'API: requests carry a browser\'s Accept-Encoding, so answers go brotli-compressed as Node serves them (compressed once per cached answer, on every miss).',
        'API: `api_gallery_posts_*`: one gallery URL, so after the first request every answer comes from the public answer cache (the content version read at most once per freshness window); bench/sections/load.ts mixes many galleries, queries and writes.',
        `API: \`api_gallery_uncached_*\`: the demo gallery with ${posts.toLocaleString('en')} public posts (copies of the demo's, with media, renditions and tags), every request a distinct URL so the cache misses each time (checked on the X-Vitrine-Cache header): p50/p99 of ${MISSES.toLocaleString('en')} requests one at a time (fetch from the bench process, loopback included), and the throughput of misses over ${MISS_CONNECTIONS} connections for ${SECONDS} s.`,
      ],
    };
  } finally {
    server.kill();
  }
};
