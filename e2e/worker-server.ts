import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_OWNER } from '../server/dev/seed/demo-content.ts';
import { freePort } from './server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name: string) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));

/** The app secret the Worker runs with here: a journey signs its author's rights link with it. */
export const WORKER_APP_SECRET = 'e2e-secret-not-for-production';

export interface RunningWorker {
  url: string;
  /** The folder of its local D1 and R2 (`--persist-to`), removed by stop(). */
  state: string;
  /** The demo owner's login, as the seed made it for this Worker's local state. */
  owner: { email: string; password: string };
  /** Rows of a read-only query on the Worker's local D1 (through `wrangler d1 execute --local`). */
  query<Row>(sql: string): Row[];
  /** How many tracking events of `type` the local D1 holds. */
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
 * built assets (run `npx vite build` first), a local D1 and R2 of its own in a fresh folder,
 * migrated and seeded as dev:worker does (so journeys that change the demo leave the developer's
 * `.wrangler/state` alone, and each run starts from the same demo), then `wrangler dev` with
 * VITRINE_DEMO and a throwaway VITRINE_SECRET on its command line (no `.dev.vars` is written: the
 * workerd tests would read it too), waited on until /healthz answers.
 */
export async function startWorker(): Promise<RunningWorker> {
  rmSync(`${root}/dist/public/demo`, { recursive: true, force: true });
  cpSync(`${root}/demo`, `${root}/dist/public/demo`, { recursive: true });
  const state = mkdtempSync(join(tmpdir(), 'vitrine-worker-'));
  run(bin('wrangler'), ['d1', 'migrations', 'apply', 'vitrine', '--local', '--persist-to', state]);
  run(bin('tsx'), ['scripts/seed-worker-local.ts', '--persist-to', state]);
  const owner = { email: DEMO_OWNER.email, password: readFileSync(join(state, 'demo-password'), 'utf8').trim() };
  const port = await freePort();
  // Its own process group, so that stopping it stops workerd too.
  const args = ['dev', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', state, '--var', 'VITRINE_DEMO:1', '--var', `VITRINE_SECRET:${WORKER_APP_SECRET}`];
  const child: ChildProcess = spawn(bin('wrangler'), args, { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
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
  const query = <Row>(sql: string): Row[] => {
    const args = ['d1', 'execute', 'vitrine', '--local', '--persist-to', state, '--json', '--command', sql];
    // This second process opens the SQLite file the running Worker writes to: while the Worker
    // holds the write lock (a beacon being stored), the read is refused with SQLITE_BUSY instead
    // of waiting. That is the file lock, not an answer, so the read is tried again.
    for (let attempt = 1; ; attempt++) {
      try {
        return (JSON.parse(run(bin('wrangler'), args)) as { results: Row[] }[])[0]!.results;
      } catch (error) {
        if (attempt === 10 || !String(error).includes('SQLITE_BUSY')) throw error;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
      }
    }
  };
  return {
    url,
    state,
    owner,
    query,
    eventCount(type) {
      if (!/^\w+$/.test(type)) throw new Error(`not an event type: ${type}`);
      return query<{ n: number }>(`select count(*) as n from events where type = '${type}'`)[0]!.n;
    },
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        process.kill(-child.pid!, 'SIGTERM');
        await exited;
      }
      rmSync(state, { recursive: true, force: true });
    },
  };
}
