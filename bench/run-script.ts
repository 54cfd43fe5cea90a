import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Runs a benchmark script (path relative to bench/) in its own process, so its memory is its
 * own, and reads the JSON line it prints last.
 */
export function runScript(script: string, args: string[], nodeFlags: string[] = []): Record<string, unknown> {
  const run = spawnSync(process.execPath, [...nodeFlags, '--import', 'tsx', fileURLToPath(new URL(script, import.meta.url)), ...args], {
    encoding: 'utf8',
    // As `npm start` runs the server: two malloc arenas keep sharp's threads from fragmenting memory.
    env: { ...process.env, MALLOC_ARENA_MAX: '2' },
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`${script} ${args.join(' ')} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
}
