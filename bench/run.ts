/**
 * `npm run bench`: the benchmarks, written to bench/results.json (a flat object of named
 * figures, unit in the name) and bench/RESULTS.md. Speeds are measured as ratios against a
 * yardstick run in the same session, or as pairs side by side, because these machines are noisy.
 *
 *   npm run bench                      every section
 *   npm run bench -- --only=api,inbox  just these; the other sections' figures are kept
 *
 * Each section lives in bench/sections/ and returns its figures, targets and notes on method;
 * bench/sections.json keeps the targets and notes of every section last run.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
for (const name of only ?? []) if (!SECTIONS[name]) throw new Error(`unknown section ${name}; known: ${Object.keys(SECTIONS).join(', ')}`);

const stored: Record<string, SectionResult> = existsSync(here('./sections.json')) ? JSON.parse(readFileSync(here('./sections.json'), 'utf8')) : {};
for (const [name, run] of Object.entries(SECTIONS)) {
  if (only && !only.includes(name)) continue;
  console.error(`bench: ${name}…`);
  stored[name] = await run();
}
// Sections in their declared order; a section that no longer exists drops out.
const sections = Object.fromEntries(Object.keys(SECTIONS).filter((name) => stored[name]).map((name) => [name, stored[name]!]));
const results = Object.assign({}, ...Object.values(sections).map((s) => s.results)) as Record<string, number>;

writeFileSync(here('./sections.json'), `${JSON.stringify(sections, null, 2)}\n`);
writeFileSync(here('./results.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(here('./RESULTS.md'), renderMarkdown(sections));
console.log(results);

function renderMarkdown(all: Record<string, SectionResult>): string {
  const rows = Object.values(all).flatMap((s) => Object.entries(s.results).map(([name, value]) => `| \`${name}\` | ${value} | ${s.targets[name] ?? ''} |`));
  const notes = Object.values(all).flatMap((s) => s.notes);
  return `# Benchmark results

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}. Figures vary between machines and runs;
compare ratios and the pairs measured side by side in one run, not absolute numbers across runs.

| figure | value | target |
|---|---|---|
${rows.join('\n')}

${notes.map((n) => `- ${n}`).join('\n')}
`;
}
