/**
 * `npm test`: every check, in order, with one summary at the end. A failing step does not stop
 * the later ones (a red typecheck should not hide a red e2e), but any failure fails the run.
 */
import { spawnSync } from 'node:child_process';

interface Step {
  name: string;
  command: string;
}

const STEPS: Step[] = [
  { name: 'typecheck', command: 'npx tsc --noEmit -p .' },
  { name: 'build (widget, panel)', command: 'npx vite build' },
  { name: 'unit + API on Node, API in workerd (vitest)', command: 'npx vitest run' },
  { name: 'widget in Chromium (@web/test-runner)', command: 'npx wtr' },
  { name: 'e2e journeys (playwright-core, Chromium)', command: 'npm run --silent test:e2e' },
];

const results = STEPS.map((step) => {
  console.log(`\n━━━ ${step.name}: ${step.command}`);
  const started = performance.now();
  const run = spawnSync(step.command, { shell: true, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  return { ...step, ok: run.status === 0, seconds: (performance.now() - started) / 1000 };
});

console.log('\n━━━ Summary');
for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(48)} ${r.seconds.toFixed(1).padStart(6)} s`);
const failed = results.filter((r) => !r.ok).length;
console.log(`steps: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
