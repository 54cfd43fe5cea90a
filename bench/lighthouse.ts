/**
 * Lighthouse (mobile, its default simulated throttling) on two pages of the demo store, each
 * with and without the gallery, as pairs measured side by side in one run:
 *  - `home`: `demo/index.html` and `demo/no-gallery.html`. On a phone the gallery is below the
 *    fold (under the collection), so the page's LCP element is the store's own;
 *  - `looks`: `demo/looks.html` and `demo/looks-no-gallery.html`, where the gallery comes right
 *    under a short title: on a phone its first photos are the LCP element.
 * The page without the gallery must be the same page but for the blocks marked
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

/** Each pair: the page with the gallery and its copy without, by URL and by file in demo/. */
const PAIRS = {
  home: { with_gallery: ['/', 'index.html'], without_gallery: ['/no-gallery.html', 'no-gallery.html'] },
  looks: { with_gallery: ['/looks.html', 'looks.html'], without_gallery: ['/looks-no-gallery.html', 'looks-no-gallery.html'] },
} as const;
type PairName = keyof typeof PAIRS;
type Variant = 'with_gallery' | 'without_gallery';
const PAGES = (Object.keys(PAIRS) as PairName[]).flatMap((pair) => (['with_gallery', 'without_gallery'] as const).map((variant) => ({ pair, variant, path: PAIRS[pair][variant][0] })));

/** Starts the real Node server on a fresh demo database, audits every page, stops it. */
export async function benchLighthouse(options: LighthouseBenchOptions = {}): Promise<LighthouseBench> {
  const rounds = options.rounds ?? 3;
  for (const pair of Object.values(PAIRS)) assertPagesMatch(pair.with_gallery[1], pair.without_gallery[1]);
  const server = await startServer();
  const chrome = await launch({ chromePath: options.chromePath ?? process.env.CHROME_PATH ?? '/usr/bin/chromium', chromeFlags: CHROME_FLAGS });
  try {
    const runs = new Map<string, LighthouseFigures[]>(PAGES.map((page) => [page.path, []]));
    // A warm-up run of each, not counted: the server's first answers include one-time work.
    for (const page of PAGES) await audit(`${server.url}${page.path}`, chrome.port);
    for (let round = 0; round < rounds; round++) {
      // Within each pair, the page without the gallery goes first in even rounds, second in odd ones.
      const order = round % 2 === 0 ? PAGES : (Object.keys(PAIRS) as PairName[]).flatMap((pair) => PAGES.filter((page) => page.pair === pair).reverse());
      for (const page of order) runs.get(page.path)!.push(await audit(`${server.url}${page.path}`, chrome.port));
    }
    const results: Record<string, number> = {};
    for (const { pair, variant, path } of PAGES) {
      const figures = runs.get(path)!;
      const name = `lighthouse_${pair}_${variant satisfies Variant}`;
      results[`${name}_score`] = median(figures.map((f) => f.score));
      results[`${name}_lcp_ms`] = Math.round(median(figures.map((f) => f.lcpMs)));
      results[`${name}_cls`] = Number(median(figures.map((f) => f.cls)).toFixed(3));
      results[`${name}_tbt_ms`] = Math.round(median(figures.map((f) => f.tbtMs)));
    }
    return {
      results,
      notes: [
        `Lighthouse ${lighthouseVersion()} (mobile, simulated throttling) on two pairs of demo pages: the home page with the gallery below the fold on a phone (/) and without it (/no-gallery.html); the looks page, whose gallery's first photos are the LCP element on a phone (/looks.html), and without it (/looks-no-gallery.html). Medians of ${rounds} alternating runs each after one warm-up, one Chromium, one server; the pages of a pair differ only by the Vitrine blocks.`,
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

/** A pair only means something if its pages differ by the gallery alone. */
function assertPagesMatch(withGallery: string, without: string): void {
  const page = readFileSync(here(`../demo/${withGallery}`), 'utf8');
  const stripped = page.replace(/[ \t]*<!-- vitrine -->[\s\S]*?<!-- \/vitrine -->\n/g, '');
  if (stripped === page) throw new Error(`demo/${withGallery} has no <!-- vitrine --> block`);
  if (stripped !== readFileSync(here(`../demo/${without}`), 'utf8')) {
    throw new Error(`demo/${without} must equal demo/${withGallery} without its <!-- vitrine --> blocks; copy it again`);
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
