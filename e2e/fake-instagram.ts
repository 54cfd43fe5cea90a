import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FakePublishInput } from '../server/dev/fake-instagram/types.ts';
import { freePort } from './server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface StandaloneFake {
  /** The address to give Vitrine as VITRINE_IG_GRAPH_URL. */
  url: string;
  /** What it prints for the merchant to connect with. */
  account: { igUserId: string; username: string; accessToken: string };
  /** A customer posts on this Instagram (its /__control/publish); answers the media's id. */
  publish(input: FakePublishInput): Promise<{ id: string }>;
  stop(): Promise<void>;
}

/**
 * The standalone fake Instagram (`npm run fake-instagram`, as README's "Run it for real" tells a
 * merchant to try it) on a free loopback port, publishing nothing on its own; resolves once it
 * printed the account to connect with.
 */
export async function startStandaloneFake(): Promise<StandaloneFake> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/fake-instagram.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), FAKE_INSTAGRAM_EVERY: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const printed = new Promise<StandaloneFake['account']>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk;
      const igUserId = /IG user id\s+(\S+) \(@([^)]+)\)/.exec(output);
      const accessToken = /access token\s+(\S+)/.exec(output)?.[1];
      if (igUserId && accessToken) resolve({ igUserId: igUserId[1]!, username: igUserId[2]!, accessToken });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`the fake Instagram exited with ${code}:\n${output}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    account: await printed,
    async publish(input) {
      const response = await fetch(`${url}/__control/publish`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
      if (!response.ok) throw new Error(`the fake refused to publish: HTTP ${response.status} ${await response.text()}`);
      return (await response.json()) as { id: string };
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
