/**
 * `npm run bench`: every section in one run of one commit, written to bench/RESULTS.md and
 * bench/results.json with the commit, the machine and each target checked (pass/fail). Speeds
 * are measured as ratios against a yardstick run in the same session, or as pairs side by side,
 * because these machines are noisy.
 *
 *   npm run bench                      every section → bench/RESULTS.md, bench/results.json
 *   npm run bench -- --only=api,inbox  just these → bench/partial/RESULTS-api-inbox.md (+ .json);
 *                                      the full results are left alone, never mixed
 *
 * Each section lives in bench/sections/ and returns its figures, targets (bench/targets.ts) and
 * notes on method. A section that throws is reported as not finished; the others still run.
 * The exit code is 1 when a target is missed or a section did not finish.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { KNOWN_SHORTFALLS } from './known-shortfalls.ts';
import { buildReport, renderMarkdown, type RunInfo, type SectionFailure } from './report.ts';
import type { Section, SectionResult } from './section.ts';
import { api } from './sections/api.ts';
import { catalog } from './sections/catalog.ts';
import { collection } from './sections/collection.ts';
import { inbox } from './sections/inbox.ts';
import { lighthouse } from './sections/lighthouse.ts';
import { load } from './sections/load.ts';
import { renditions } from './sections/renditions.ts';
import { runtimes } from './sections/runtimes.ts';
import { sizes } from './sections/sizes.ts';
import { tracking } from './sections/tracking.ts';

const SECTIONS: Record<string, Section> = { sizes, api, runtimes, collection, renditions, lighthouse, inbox, catalog, tracking, load };
/** Environment settings sections read to measure less (quick checks); a run that uses them says so in its header. */
const OVERRIDES = ['COLLECT_SHIPPED_BACKLOG', 'API_SECONDS', 'API_MISS_REQUESTS', 'API_PUBLIC_POSTS', 'LOAD_SECONDS', 'LOAD_WARMUP_SECONDS', 'LOAD_GALLERY_RATE', 'LOAD_CAPACITY_SECONDS', 'LOAD_EVENTS_PER_S', 'LOAD_WRITES_PER_S', 'TRACKING_REPORT_EVENTS', 'TRACKING_INGEST_BATCHES', 'RUNTIMES_INGEST_BATCHES'];

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
// `--only=a,b` or `--only a,b`; any other argument is refused rather than quietly running everything.
const args = process.argv.slice(2);
const onlyAt = args.findIndex((a) => a === '--only' || a.startsWith('--only='));
const onlyArg = onlyAt < 0 ? null : args[onlyAt]!;
const onlyValue = onlyArg === null ? null : onlyArg === '--only' ? args[onlyAt + 1] : onlyArg.slice('--only='.length);
if (onlyAt >= 0 && !onlyValue) throw new Error('--only needs section names, e.g. --only=api,inbox');
const stray = args.filter((_, i) => i !== onlyAt && !(onlyArg === '--only' && i === onlyAt + 1));
if (stray.length > 0) throw new Error(`unknown argument ${stray.join(' ')}; the one option is --only=<section,...>`);
const only = onlyValue?.split(',') ?? null;
for (const name of only ?? []) if (!SECTIONS[name]) throw new Error(`unknown section ${name}; known: ${Object.keys(SECTIONS).join(', ')}`);

const git = (...args: string[]) => execFileSync('git', args, { cwd: here('..'), encoding: 'utf8' }).trim();
const startedAt = new Date();
const commit = git('rev-parse', '--short', 'HEAD');
const dirty = git('status', '--porcelain', '--untracked-files=no') !== '';

const sections: Record<string, SectionResult> = {};
const failures: SectionFailure[] = [];
for (const [name, run] of Object.entries(SECTIONS)) {
  if (only && !only.includes(name)) continue;
  console.error(`bench: ${name}…`);
  try {
    sections[name] = await run();
  } catch (error) {
    console.error(`bench: ${name} failed:`, error);
    failures.push({ section: name, error: error instanceof Error ? error.message : String(error) });
  }
}

const info: RunInfo = {
  commit,
  dirty,
  startedAt,
  seconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
  machine: { cpu: cpus()[0]?.model.trim() ?? 'unknown CPU', cores: cpus().length, ramGb: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${platform()} ${release()}` },
  only,
  overrides: Object.fromEntries(OVERRIDES.filter((name) => process.env[name] !== undefined).map((name) => [name, process.env[name]!])),
};
const report = buildReport(info, sections, failures);
const [markdownPath, jsonPath] = only ? [`./partial/RESULTS-${only.join('-')}.md`, `./partial/results-${only.join('-')}.json`] : ['./RESULTS.md', './results.json'];
if (only) mkdirSync(here('./partial'), { recursive: true });
writeFileSync(here(markdownPath), renderMarkdown(report, sections, KNOWN_SHORTFALLS));
writeFileSync(here(jsonPath), `${JSON.stringify(report, null, 2)}\n`);

const short = report.checks.filter((c) => !c.pass);
console.log(report.figures);
console.error(`bench: ${report.checks.length - short.length}/${report.checks.length} targets met${failures.length ? `, ${failures.length} section(s) did not finish` : ''}; written to bench/${markdownPath.slice(2)}`);
for (const c of short) console.error(`  short: ${c.figure} = ${c.value ?? 'not measured'} (target ${c.label}): ${c.reason}`);
if (short.length || failures.length) process.exitCode = 1;
