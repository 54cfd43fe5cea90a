/**
 * Lighthouse (mobile, its default simulated throttling) on the demo store's home page with and
 * without the gallery, as a pair measured side by side in one run: `demo/index.html` and
 * `demo/no-gallery.html`, which must be the same page but for the blocks marked
 * `<!-- vitrine --> … <!-- /vitrine -->` (checked before measuring). The runs alternate, and each
 * figure is the median of its runs, because these machines are noisy.
 *
 *   benchLighthouse({ rounds: 3 }) → { results: { lighthouse_home_with_gallery_score: 98, … }, notes }
 *
 * Standalone: `tsx bench/lighthouse.ts [rounds]` prints the results as one JSON line.
 */
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS } from '../e2e/chromium.ts';
import { startServer } from '../e2e/server.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** The flags every Chromium run uses here (see the toolchain notes); Lighthouse adds its own. */
const CHROME_FLAGS = ['--headless', ...CHROMIUM_ARGS];

export interface LighthouseFigures {
  /** Performance score, 0–100. */
  score: number;
  lcpMs: number;
  cls: number;
  tbtMs: number;
}

export interface LighthouseBenchOptions {
  /** Runs per page (alternating); default 3. */
  rounds?: number;
  /** Default: CHROME_PATH, else /usr/bin/chromium. */
  chromePath?: string;
}

export interface LighthouseBench {
  /** Flat figures for bench/results.json, unit in the name. */
  results: Record<string, number>;
  notes: string[];
}

const PAGES = { with_gallery: '/', without_gallery: '/no-gallery.html' } as const;
type PageName = keyof typeof PAGES;

/** Starts the real Node server on a fresh demo database, audits both pages, stops it. */
export async function benchLighthouse(options: LighthouseBenchOptions = {}): Promise<LighthouseBench> {
  const rounds = options.rounds ?? 3;
  assertPagesMatch();
  const server = await startServer();
  const chrome = await launch({ chromePath: options.chromePath ?? process.env.CHROME_PATH ?? '/usr/bin/chromium', chromeFlags: CHROME_FLAGS });
  try {
    const runs: Record<PageName, LighthouseFigures[]> = { with_gallery: [], without_gallery: [] };
    // A warm-up run of each, not counted: the server's first answers include one-time work.
    for (const name of Object.keys(PAGES) as PageName[]) await audit(`${server.url}${PAGES[name]}`, chrome.port);
    for (let round = 0; round < rounds; round++) {
      const order: PageName[] = round % 2 === 0 ? ['without_gallery', 'with_gallery'] : ['with_gallery', 'without_gallery'];
      for (const name of order) runs[name].push(await audit(`${server.url}${PAGES[name]}`, chrome.port));
    }
    const results: Record<string, number> = {};
    for (const name of Object.keys(PAGES) as PageName[]) {
      const figures = runs[name];
      results[`lighthouse_home_${name}_score`] = median(figures.map((f) => f.score));
      results[`lighthouse_home_${name}_lcp_ms`] = Math.round(median(figures.map((f) => f.lcpMs)));
      results[`lighthouse_home_${name}_cls`] = Number(median(figures.map((f) => f.cls)).toFixed(3));
      results[`lighthouse_home_${name}_tbt_ms`] = Math.round(median(figures.map((f) => f.tbtMs)));
    }
    return {
      results,
      notes: [
        `Lighthouse ${lighthouseVersion()} (mobile, simulated throttling) on the demo home page with the gallery (/) and without it (/no-gallery.html): medians of ${rounds} alternating runs each after one warm-up, one Chromium, one server; the two pages differ only by the Vitrine blocks.`,
      ],
    };
  } finally {
    chrome.kill();
    await server.stop();
  }
}

async function audit(url: string, port: number): Promise<LighthouseFigures> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.message}`);
  const numeric = (id: string) => {
    const value = lhr.audits[id]?.numericValue;
    if (typeof value !== 'number') throw new Error(`Lighthouse gave no ${id} for ${url}`);
    return value;
  };
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    lcpMs: numeric('largest-contentful-paint'),
    cls: numeric('cumulative-layout-shift'),
    tbtMs: numeric('total-blocking-time'),
  };
}

/** The pair only means something if the pages differ by the gallery alone. */
function assertPagesMatch(): void {
  const withGallery = readFileSync(here('../demo/index.html'), 'utf8');
  const without = readFileSync(here('../demo/no-gallery.html'), 'utf8');
  const stripped = withGallery.replace(/[ \t]*<!-- vitrine -->[\s\S]*?<!-- \/vitrine -->\n/g, '');
  if (stripped === withGallery) throw new Error('demo/index.html has no <!-- vitrine --> block');
  if (stripped !== without) {
    throw new Error('demo/no-gallery.html must equal demo/index.html without its <!-- vitrine --> blocks; copy it again');
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function lighthouseVersion(): string {
  const pkg = JSON.parse(readFileSync(here('../node_modules/lighthouse/package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rounds = Number(process.argv[2] ?? 3);
  console.log(JSON.stringify(await benchLighthouse({ rounds })));
}
