/**
 * What one benchmark run writes: RESULTS.md and results.json, every figure from this run of this
 * commit, each target checked. Pure (the run's facts come in), so bench/report.test.ts pins it.
 */
import type { SectionResult } from './section.ts';
import { type Check, evaluate, formatNumber } from './targets.ts';

export interface RunInfo {
  /** `git rev-parse --short HEAD` when the run started. */
  commit: string;
  /** The work tree had changes when the run started: the figures are not exactly the commit's. */
  dirty: boolean;
  startedAt: Date;
  seconds: number;
  machine: { cpu: string; cores: number; ramGb: number; node: string; platform: string };
  /** The sections asked for (`--only`), or null for a full run. */
  only: string[] | null;
  /** Environment settings that change what a section measures (smaller sizes, shorter runs). */
  overrides: Record<string, string>;
}

export interface SectionFailure {
  section: string;
  error: string;
}

export interface RunReport {
  run: Omit<RunInfo, 'startedAt'> & { startedAt: string };
  /** Every figure, flat, unit in the name. */
  figures: Record<string, number>;
  checks: Check[];
  failedSections: SectionFailure[];
}

export function buildReport(run: RunInfo, sections: Record<string, SectionResult>, failedSections: SectionFailure[]): RunReport {
  const figures: Record<string, number> = Object.assign({}, ...Object.values(sections).map((s) => s.results));
  const targets = Object.assign({}, ...Object.values(sections).map((s) => s.targets));
  return { run: { ...run, startedAt: run.startedAt.toISOString() }, figures, checks: evaluate(figures, targets), failedSections };
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** `why`: what is known of a figure's shortfall (bench/known-shortfalls.ts), printed under it when the run finds it short. */
export function renderMarkdown(report: RunReport, sections: Record<string, SectionResult>, why: Record<string, string> = {}): string {
  const { run } = report;
  const checks = new Map(report.checks.map((c) => [c.figure, c]));
  const short = report.checks.filter((c) => !c.pass);
  const overrides = Object.entries(run.overrides);
  const minutes = Math.floor(run.seconds / 60);
  const header = [
    `# Benchmark results${run.only ? ` (sections ${run.only.join(', ')} only)` : ''}`,
    '',
    `Written by \`npm run bench${run.only ? ` -- --only=${run.only.join(',')}` : ''}\`, every figure from this one run.`,
    '',
    `- commit: \`${run.commit}\`${run.dirty ? ' (dirty: the work tree had uncommitted changes)' : ''}`,
    `- date: ${run.startedAt.replace('T', ' ').slice(0, 16)} UTC; total run time ${minutes ? `${minutes} min ` : ''}${Math.round(run.seconds % 60)} s`,
    `- machine: ${run.machine.cpu}, ${run.machine.cores} cores, ${run.machine.ramGb} GB RAM, Node ${run.machine.node} on ${run.machine.platform}`,
    ...(overrides.length ? [`- settings changed for this run: ${overrides.map(([k, v]) => `\`${k}=${v}\``).join(', ')}`] : []),
    `- targets: ${report.checks.length - short.length} of ${report.checks.length} met`,
    '',
    'Figures vary between machines and runs; compare ratios and the pairs measured side by side in one run, not absolute numbers across runs.',
  ];
  const shortfalls =
    short.length || report.failedSections.length
      ? [
          '',
          '## Short of target',
          '',
          ...report.failedSections.map((f) => `- section **${f.section}** did not finish: ${cell(f.error.split('\n')[0]!)}`),
          ...short.flatMap((c) => [
            `- \`${c.figure}\` = ${c.value === undefined ? 'not measured' : formatNumber(c.value)}, target ${c.label}: ${c.reason}${c.note ? ` (${c.note})` : ''}.`,
            ...(why[c.figure] ? [`  - Why: ${cell(why[c.figure]!)}`] : []),
          ]),
        ]
      : [];
  const bodies = Object.entries(sections).flatMap(([name, s]) => [
    '',
    `## ${name}`,
    '',
    '| figure | value | target | result |',
    '|---|---|---|---|',
    ...Object.entries(s.results).map(([figure, value]) => {
      const c = checks.get(figure);
      return `| \`${figure}\` | ${formatNumber(value)} | ${c ? cell(c.label) : ''} | ${c ? (c.pass ? 'pass' : '**FAIL**') : ''} |`;
    }),
    // A target whose figure the section did not produce still shows, as failed.
    ...Object.keys(s.targets)
      .filter((figure) => !(figure in s.results))
      .map((figure) => `| \`${figure}\` | not measured | ${cell(checks.get(figure)!.label)} | **FAIL** |`),
    ...(s.notes.length ? ['', ...s.notes.map((n) => `- ${n}`)] : []),
    ...Object.entries(s.targets)
      .filter(([, t]) => t.note)
      .map(([figure, t]) => `- \`${figure}\`: ${t.note}`),
  ]);
  return `${[...header, ...shortfalls, ...bodies].join('\n')}\n`;
}
