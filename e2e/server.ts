import { spawn } from 'node:child_process';
import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_OWNER } from '../server/dev/seed/demo-content.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface RunningServer {
  url: string;
  dataDir: string;
  /** The demo owner's login as the server made it for this data folder (demo starts only). */
  owner: { email: string; password: string };
  /** What the server printed so far (stdout and stderr). */
  output(): string;
  /** Stops the server; `keepData` leaves the data folder for another start on it. */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/**
 * Starts the real Node server (`server/entry/node.ts`, as `npm start` does after its build, so
 * with VITRINE_DEMO=true unless `env` says otherwise; an undefined value unsets a variable) on a
 * free loopback port. Its demo has no tracking history (VITRINE_DEMO_HISTORY_EVENTS=0), so the
 * journeys count exactly what they send; e2e/demo-history.e2e.ts starts one with it. On a
 * fresh data folder, or `dataDir`, and waits until /healthz answers.
 */
export async function startServer(env: Record<string, string | undefined> = {}, { dataDir = mkdtempSync(join(tmpdir(), 'vitrine-e2e-')) } = {}): Promise<RunningServer> {
  const port = await freePort();
  const merged = { ...process.env, PORT: String(port), HOST: '127.0.0.1', VITRINE_DATA_DIR: dataDir, VITRINE_DEMO: 'true', VITRINE_DEMO_HISTORY_EVENTS: '0', ...env };
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/entry/node.ts'], {
    cwd: root,
    env: Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become healthy in 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    dataDir,
    get owner() {
      // Made by the server on its first demo start (server/entry/node-config.ts), kept beside the database.
      return { email: DEMO_OWNER.email, password: readFileSync(join(dataDir, 'demo-password'), 'utf8').trim() };
    },
    output: () => output,
    async stop({ keepData = false } = {}) {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A port nothing listens on yet, on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The usual journey setup: a fresh server and the system Chromium for the file's tests, both
 * closed at the end. Read them from the returned object inside tests (they exist from `before` on).
 */
export function useServerAndBrowser(env: Record<string, string | undefined> = {}): { readonly server: RunningServer; readonly browser: Browser } {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    [server, browser] = await Promise.all([startServer(env), launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('the server starts in before()');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser starts in before()');
      return browser;
    },
  };
}
