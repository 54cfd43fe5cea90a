import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort } from './server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name: string) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));

export interface RunningWorker {
  url: string;
  /** How many tracking events of `type` the local D1 holds (read with `wrangler d1 execute --local`). */
  eventCount(type: string): number;
  output(): string;
  stop(): Promise<void>;
}

/** Runs one wrangler or setup command, failing with what it printed; answers its output. */
function run(command: string, args: string[]): string {
  const done = spawnSync(command, args, { cwd: root, encoding: 'utf8', env: process.env });
  if (done.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${done.stdout}${done.stderr}`);
  return done.stdout;
}

/**
 * The Worker as `npm run dev:worker` runs it, on a free loopback port: the demo copied into the
 * built assets (run `npx vite build` first), the local D1 migrated and seeded (the repository's
 * own `.wrangler/state`, as dev:worker uses; seeding only fills an empty one), then `wrangler dev`
 * with VITRINE_DEMO and a throwaway VITRINE_SECRET set on its command line (no `.dev.vars` is
 * written: the workerd tests would read it too), waited on until /healthz answers.
 */
export async function startWorker(): Promise<RunningWorker> {
  rmSync(`${root}/dist/public/demo`, { recursive: true, force: true });
  cpSync(`${root}/demo`, `${root}/dist/public/demo`, { recursive: true });
  run(bin('wrangler'), ['d1', 'migrations', 'apply', 'vitrine', '--local']);
  run(bin('tsx'), ['scripts/seed-worker-local.ts']);
  const port = await freePort();
  // Its own process group, so that stopping it stops workerd too.
  const child: ChildProcess = spawn(bin('wrangler'), ['dev', '--ip', '127.0.0.1', '--port', String(port), '--var', 'VITRINE_DEMO:1', '--var', 'VITRINE_SECRET:e2e-secret-not-for-production'], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}:\n${output}`);
    if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) {
      process.kill(-child.pid!, 'SIGKILL');
      throw new Error(`wrangler dev did not become healthy in 90 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    eventCount(type) {
      if (!/^\w+$/.test(type)) throw new Error(`not an event type: ${type}`);
      const answer = JSON.parse(run(bin('wrangler'), ['d1', 'execute', 'vitrine', '--local', '--json', '--command', `select count(*) as n from events where type = '${type}'`])) as { results: { n: number }[] }[];
      return answer[0]!.results[0]!.n;
    },
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    },
  };
}
