/**
 * `npm test`: every check, in order, with one summary at the end. A failing step does not stop
 * the later ones (a red typecheck should not hide a red e2e), but any failure fails the run.
 *
 * Tests must hold on any day, so the test clocks (VITRINE_TEST_CLOCK_START, see
 * server/dev/testing/clock.ts) start today for the main run; the Node suite and the browser suite
 * then run again with the clocks 400 days on and on 2030-02-28 (the day before a leap day).
 */
import { spawnSync } from 'node:child_process';
import { utcDay } from '../server/domain/tracking/days.ts';

interface Step {
  name: string;
  command: string;
  /** The day the test clocks start on (YYYY-MM-DD). */
  clockStart: string;
}

const DAY_MS = 86_400_000;
const today = utcDay(Date.now());
const laterDays = [utcDay(Date.now() + 400 * DAY_MS), '2030-02-28'];

const STEPS: Step[] = [
  { name: 'typecheck', command: 'npx tsc --noEmit -p .', clockStart: today },
  { name: 'build (widget, panel)', command: 'npx vite build', clockStart: today },
  { name: 'unit + API on Node, API in workerd (vitest)', command: 'npx vitest run', clockStart: today },
  { name: 'widget in Chromium (@web/test-runner)', command: 'npx wtr', clockStart: today },
  { name: 'e2e journeys (playwright-core, Chromium)', command: 'npm run --silent test:e2e', clockStart: today },
  ...laterDays.flatMap((day) => [
    { name: `unit + API on Node, clocks at ${day}`, command: 'npx vitest run --project node', clockStart: day },
    { name: `widget in Chromium, clocks at ${day}`, command: 'npx wtr', clockStart: day },
  ]),
];

console.log(`Test clocks start on ${today} (today), then on ${laterDays.join(' and ')} for the Node and browser suites.`);
const results = STEPS.map((step) => {
  console.log(`\n━━━ ${step.name}: VITRINE_TEST_CLOCK_START=${step.clockStart} ${step.command}`);
  const started = performance.now();
  const env = { ...process.env, FORCE_COLOR: '0', VITRINE_TEST_CLOCK_START: step.clockStart };
  const run = spawnSync(step.command, { shell: true, stdio: 'inherit', env });
  return { ...step, ok: run.status === 0, seconds: (performance.now() - started) / 1000 };
});

console.log('\n━━━ Summary');
for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(48)} ${r.seconds.toFixed(1).padStart(6)} s`);
const failed = results.filter((r) => !r.ok).length;
console.log(`steps: ${results.length - failed} passed, ${failed} failed (test clocks started on ${[today, ...laterDays].join(', ')})`);
process.exit(failed === 0 ? 0 : 1);
