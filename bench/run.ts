/**
 * `npm run bench`: the benchmarks, written to bench/results.json (a flat object of named
 * figures, unit in the name) and bench/RESULTS.md. Speeds are measured as ratios against a
 * yardstick run in the same session, alternating, because these machines are noisy.
 */
import autocannon, { type Result } from 'autocannon';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
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

writeFileSync(here('./results.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(here('./RESULTS.md'), renderMarkdown());
console.log(results);

function renderMarkdown(): string {
  const targets: Record<string, string> = {
    widget_loader_gzip_bytes: `≤ ${WIDGET_BUDGETS.loaderGzipBytes} (enforced in npm test)`,
    widget_initial_gzip_bytes: `≤ ${WIDGET_BUDGETS.initialGzipBytes} (enforced in npm test)`,
    panel_initial_js_gzip_bytes: `≤ ${PANEL_BUDGETS.initialJsGzipBytes} (enforced in npm test)`,
    api_errors_count: '0',
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
