/**
 * `npm run bench`: the benchmarks, written to bench/results.json (a flat object of named
 * figures, unit in the name) and bench/RESULTS.md. Speeds are measured as ratios against a
 * yardstick run in the same session, alternating, because these machines are noisy.
 */
import autocannon, { type Result } from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchLighthouse } from './lighthouse.ts';
import { measurePanelSize, PANEL_BUDGETS } from './panel-size.ts';
import { measureWidgetSize, WIDGET_BUDGETS } from './widget-size.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const ROUNDS = 2;
const SECONDS = 5;
const CONNECTIONS = 50;

const results: Record<string, number> = {};
const notes: string[] = [];

const widget = measureWidgetSize(here('../dist/public'));
results.widget_loader_gzip_bytes = widget.loaderGzipBytes;
results.widget_initial_gzip_bytes = widget.initialGzipBytes;
results.widget_lazy_gzip_bytes = widget.lazyGzipBytes;
notes.push(`Initial widget files: ${widget.initialFiles.join(', ')}`);

const panel = measurePanelSize(here('../dist/public'));
results.panel_initial_js_gzip_bytes = panel.initialJsGzipBytes;
results.panel_initial_css_gzip_bytes = panel.initialCssGzipBytes;

const server = spawn(process.execPath, ['--import', 'tsx', here('./api-server.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
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
  for (const url of Object.values(targets)) await autocannon({ url, connections: 10, duration: 1 }); // warm-up

  const runs: Record<keyof typeof targets, Result[]> = { bare: [], gallery: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of ['bare', 'gallery'] as const) {
      runs[name].push(await autocannon({ url: targets[name], connections: CONNECTIONS, duration: SECONDS }));
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const rps = (name: keyof typeof targets) => mean(runs[name].map((r) => r.requests.average));
  results.api_bare_hono_rps = Math.round(rps('bare'));
  results.api_gallery_posts_rps = Math.round(rps('gallery'));
  results.api_gallery_to_bare_ratio = Number((rps('gallery') / rps('bare')).toFixed(3));
  results.api_gallery_posts_p50_ms = mean(runs.gallery.map((r) => r.latency.p50));
  results.api_gallery_posts_p99_ms = mean(runs.gallery.map((r) => r.latency.p99));
  results.api_errors_count = [...runs.bare, ...runs.gallery].reduce((n, r) => n + r.errors + r.non2xx + r.timeouts, 0);
  notes.push(`API: ${ROUNDS} alternating rounds of ${SECONDS} s per route, ${CONNECTIONS} connections, autocannon in a separate process from the server, ${cpus().length} cores.`);
} finally {
  server.kill();
}

/** Runs a benchmark script in its own process (its memory is its own) and reads its JSON line. */
function runScript(script: string, args: string[]): Record<string, unknown> {
  const run = spawnSync(process.execPath, ['--import', 'tsx', here(script), ...args], {
    encoding: 'utf8',
    // As `npm start` runs the server: two malloc arenas keep sharp's threads from fragmenting memory.
    env: { ...process.env, MALLOC_ARENA_MAX: '2' },
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`${script} ${args.join(' ')} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
}

const collect1k = runScript('./collection.ts', ['1000']);
const collect10k = runScript('./collection.ts', ['10000']);
results.collect_1k_posts_per_second = collect1k.postsPerSecond as number;
results.collect_10k_posts_per_second = collect10k.postsPerSecond as number;
results.collect_10k_to_1k_time_ratio = Number(((collect10k.seconds as number) / (collect1k.seconds as number)).toFixed(2));
results.collect_1k_peak_rss_mb = collect1k.peakRssMb as number;
results.collect_10k_peak_rss_mb = collect10k.peakRssMb as number;
notes.push('Collection: a tagged source on the in-process fake Instagram, every post re-hosted into three WebP renditions with sharp, libSQL on a file; the fake runs in the same process (its memory counts in the peak). A time ratio of 10 is linear.');

const lighthouse = await benchLighthouse({ rounds: 3 });
Object.assign(results, lighthouse.results);
notes.push(...lighthouse.notes);

const inbox = runScript('./inbox.ts', ['10000']) as { firstPage: { p50: number; p95: number }; search: { p50: number; p95: number } };
results.inbox_10k_first_page_p95_ms = inbox.firstPage.p95;
results.inbox_10k_search_p95_ms = inbox.search.p95;
notes.push('Inbox: 10,000 posts in the workspace, 200 requests each through the real app in-process (session, CSRF and role middleware included).');

writeFileSync(here('./results.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(here('./RESULTS.md'), renderMarkdown());
console.log(results);

function renderMarkdown(): string {
  const targets: Record<string, string> = {
    widget_loader_gzip_bytes: `≤ ${WIDGET_BUDGETS.loaderGzipBytes} (enforced in npm test)`,
    widget_initial_gzip_bytes: `≤ ${WIDGET_BUDGETS.initialGzipBytes} (enforced in npm test)`,
    widget_lazy_gzip_bytes: `≤ ${WIDGET_BUDGETS.lazyGzipBytes} (enforced in npm test)`,
    lighthouse_home_with_gallery_score: '≥ 95, within 3 of the page without',
    lighthouse_home_with_gallery_cls: '0',
    lighthouse_home_with_gallery_tbt_ms: '< 50 more than without',
    panel_initial_js_gzip_bytes: `≤ ${PANEL_BUDGETS.initialJsGzipBytes} (enforced in npm test)`,
    api_errors_count: '0',
    collect_1k_posts_per_second: '≥ 20',
    collect_10k_posts_per_second: '≥ 20',
    collect_10k_to_1k_time_ratio: '≤ 10 (linear)',
    collect_1k_peak_rss_mb: '< 300',
    collect_10k_peak_rss_mb: '< 300',
    inbox_10k_first_page_p95_ms: '< 50',
    inbox_10k_search_p95_ms: '< 50',
  };
  const rows = Object.entries(results).map(([name, value]) => `| \`${name}\` | ${value} | ${targets[name] ?? ''} |`);
  return `# Benchmark results

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}. Figures vary between machines and runs;
compare ratios and the pairs measured side by side in one run, not absolute numbers across runs.

| figure | value | target |
|---|---|---|
${rows.join('\n')}

${notes.map((n) => `- ${n}`).join('\n')}
`;
}
