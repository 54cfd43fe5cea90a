import autocannon, { type Result } from 'autocannon';
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Section } from '../section.ts';
import { measureWidgetSize } from '../widget-size.ts';

/** What a browser sends: the gallery answer is measured as shoppers get it, compressed. */
const BROWSER = { 'accept-encoding': 'gzip, deflate, br' };

const ROUNDS = 2;
const SECONDS = 5;
const CONNECTIONS = 50;

/** Gallery API throughput against a bare Hono route on the same server, alternating rounds. */
export const api: Section = async () => {
  const server = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../api-server.ts', import.meta.url))], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      server.stdout.on('data', (d: Buffer) => {
        const match = /PORT (\d+)/.exec(String(d));
        if (match) resolve(Number(match[1]));
      });
      server.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    });
    const base = `http://127.0.0.1:${port}`;
    const targets = { bare: `${base}/bare`, gallery: `${base}/v1/galleries/demo/posts?limit=12` };
    for (const url of Object.values(targets)) await autocannon({ url, headers: BROWSER, connections: 10, duration: 1 }); // warm-up
    // Content-Length, not the body: fetch decodes what it receives.
    const answerBytes = async (headers: Record<string, string>) => Number((await fetch(targets.gallery, { headers })).headers.get('content-length'));
    const answer = { plain: await answerBytes({ 'accept-encoding': 'identity' }), br: await answerBytes(BROWSER) };
    // The first paint's scripts, as the build's brotli copies Node serves (node-static.ts).
    const dist = fileURLToPath(new URL('../../dist/public', import.meta.url));
    const scriptsBr = measureWidgetSize(dist).initialFiles.reduce((sum, f) => sum + statSync(join(dist, `${f}.br`)).size, 0);

    const runs: Record<keyof typeof targets, Result[]> = { bare: [], gallery: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of ['bare', 'gallery'] as const) {
        runs[name].push(await autocannon({ url: targets[name], headers: BROWSER, connections: CONNECTIONS, duration: SECONDS }));
      }
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const rps = (name: keyof typeof targets) => mean(runs[name].map((r) => r.requests.average));
    return {
      results: {
        api_bare_hono_rps: Math.round(rps('bare')),
        api_gallery_posts_rps: Math.round(rps('gallery')),
        api_gallery_to_bare_ratio: Number((rps('gallery') / rps('bare')).toFixed(3)),
        api_gallery_posts_p50_ms: mean(runs.gallery.map((r) => r.latency.p50)),
        api_gallery_posts_p99_ms: mean(runs.gallery.map((r) => r.latency.p99)),
        api_errors_count: [...runs.bare, ...runs.gallery].reduce((n, r) => n + r.errors + r.non2xx + r.timeouts, 0),
        api_gallery_answer_bytes: answer.plain,
        api_gallery_answer_wire_bytes: answer.br,
        first_paint_wire_bytes: scriptsBr + answer.br,
      },
      targets: { api_gallery_posts_rps: '≥ 2000', api_gallery_posts_p99_ms: '< 50', api_errors_count: '0', first_paint_wire_bytes: 'loader + gallery chunks + a 12-post answer, brotli' },
      notes: [
        `API: ${ROUNDS} alternating rounds of ${SECONDS} s per route, ${CONNECTIONS} connections, autocannon in a separate process from the server, ${cpus().length} cores.`,
        'API: requests carry a browser\'s Accept-Encoding, so answers go brotli-compressed as Node serves them (compressed once per cached answer).',
        'API: one gallery URL, so after the first request every answer comes from the public answer cache (one content-version read per request); bench/sections/load.ts mixes many galleries and queries.',
      ],
    };
  } finally {
    server.kill();
  }
};
