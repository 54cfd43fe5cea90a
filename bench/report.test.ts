import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { KNOWN_SHORTFALLS } from './known-shortfalls.ts';
import { buildReport, renderMarkdown, type RunInfo } from './report.ts';
import type { SectionResult } from './section.ts';
import { is, target, vs } from './targets.ts';

const run: RunInfo = {
  commit: 'abc1234',
  dirty: true,
  startedAt: new Date('2026-12-06T05:00:00Z'),
  seconds: 3725,
  machine: { cpu: 'Test CPU', cores: 2, ramGb: 8, node: 'v22.0.0', platform: 'linux 6.1' },
  only: null,
  overrides: {},
};
const sections: Record<string, SectionResult> = {
  sizes: { results: { loader_bytes: 2486 }, targets: { loader_bytes: target(is('<=', 2560), 'enforced in npm test') }, notes: ['Sizes: gzip.'] },
  tracking: {
    results: { overview_100k_p95_ms: 4.53, overview_1m_p95_ms: 11.2 },
    targets: { overview_1m_p95_ms: target([is('<', 100), vs('<', 'overview_100k_p95_ms', { times: 2 })], 'the range is a past one') },
    notes: [],
  },
};

it('writes the commit, machine, run time and each figure with its target and result', () => {
  const md = renderMarkdown(buildReport(run, sections, []), sections);
  expect(md).toContain('- commit: `abc1234` (dirty');
  expect(md).toContain('- date: 2026-12-06 05:00 UTC; total run time 62 min 5 s');
  expect(md).toContain('- machine: Test CPU, 2 cores, 8 GB RAM, Node v22.0.0');
  expect(md).toContain('- targets: 1 of 2 met');
  expect(md).toContain('| `loader_bytes` | 2486 | ≤ 2560 | pass |');
  expect(md).toContain('| `overview_1m_p95_ms` | 11.2 | < 100 and < 2 × `overview_100k_p95_ms` (9.06) | **FAIL** |');
  expect(md).toContain('| `overview_100k_p95_ms` | 4.53 |  |  |');
  expect(md).toContain('- Sizes: gzip.');
});

it('lists what falls short at the top, before the tables, with the reason and note', () => {
  const md = renderMarkdown(buildReport(run, sections, [{ section: 'load', error: 'server exited with 1\nstack' }]), sections);
  const top = md.indexOf('## Short of target');
  expect(top).toBeGreaterThan(0);
  expect(top).toBeLessThan(md.indexOf('## sizes'));
  expect(md).toContain('- section **load** did not finish: server exited with 1\n');
  expect(md).toContain('- `overview_1m_p95_ms` = 11.2, target < 100 and < 2 × `overview_100k_p95_ms` (9.06): not < 2 × `overview_100k_p95_ms` (9.06) (the range is a past one).');
});

it('says why a figure falls short when that is known, only for figures short in this run', () => {
  const why = { overview_1m_p95_ms: 'buyers are looked up one by one', loader_bytes: 'a reason for a figure that passed' };
  const md = renderMarkdown(buildReport(run, sections, []), sections, why);
  expect(md).toContain('(the range is a past one).\n  - Why: buyers are looked up one by one\n');
  expect(md).not.toContain('a reason for a figure that passed');
});

it('names only figures the last full run measured among the known shortfalls (a renamed figure would silently lose its reason)', () => {
  const results = JSON.parse(readFileSync(new URL('./results.json', import.meta.url), 'utf8')) as { figures: Record<string, number> };
  for (const figure of Object.keys(KNOWN_SHORTFALLS)) expect(results.figures, figure).toHaveProperty(figure);
});

it('has no shortfall list when everything passes, and names a partial run and its settings', () => {
  const passing = { sizes: sections.sizes! };
  const md = renderMarkdown(buildReport({ ...run, dirty: false, only: ['sizes'], overrides: { LOAD_SECONDS: '5' } }, passing, []), passing);
  expect(md).not.toContain('Short of target');
  expect(md).not.toContain('dirty');
  expect(md).toMatch(/^# Benchmark results \(sections sizes only\)/);
  expect(md).toContain('`npm run bench -- --only=sizes`');
  expect(md).toContain('- settings changed for this run: `LOAD_SECONDS=5`');
});

it('keeps every figure flat in the JSON, with the checks', () => {
  const report = buildReport(run, sections, []);
  expect(report.figures).toEqual({ loader_bytes: 2486, overview_100k_p95_ms: 4.53, overview_1m_p95_ms: 11.2 });
  expect(report.checks.map((c) => [c.figure, c.pass])).toEqual([['loader_bytes', true], ['overview_1m_p95_ms', false]]);
  expect(report.run.startedAt).toBe('2026-12-06T05:00:00.000Z');
});

it('shows a target whose figure was not measured as failed', () => {
  const missing = { s: { results: {}, targets: { gone_ms: target(is('<', 1)) }, notes: [] } };
  expect(renderMarkdown(buildReport(run, missing, []), missing)).toContain('| `gone_ms` | not measured | < 1 | **FAIL** |');
});
