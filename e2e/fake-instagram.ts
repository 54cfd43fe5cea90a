import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FakeCommentInput, FakePublishInput } from '../server/dev/fake-instagram/types.ts';
import { freePort } from './server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface StandaloneFake {
  /** The address to give Vitrine as VITRINE_IG_GRAPH_URL. */
  url: string;
  /** What it prints for the merchant to connect with. */
  account: { igUserId: string; username: string; accessToken: string };
  /** The secret it signs webhooks with: Vitrine's VITRINE_IG_APP_SECRET. */
  appSecret: string;
  /** A customer posts on this Instagram (its /__control/publish); answers the media's id. */
  publish(input: FakePublishInput): Promise<{ id: string }>;
  /** Someone comments on a media (its /__control/comment); answers the comment's id. */
  comment(input: FakeCommentInput): Promise<{ id: string }>;
  /** Meta notifies the app that a comment on a media mentions the brand (its /__control/send-webhook). */
  notifyMention(callbackUrl: string, mediaId: string, commentId: string): Promise<void>;
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
  const printed = new Promise<StandaloneFake['account'] & { appSecret: string }>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk;
      const igUserId = /IG user id\s+(\S+) \(@([^)]+)\)/.exec(output);
      const accessToken = /access token\s+(\S+)/.exec(output)?.[1];
      const appSecret = /app secret\s+(\S+)/.exec(output)?.[1];
      if (igUserId && accessToken && appSecret) resolve({ igUserId: igUserId[1]!, username: igUserId[2]!, accessToken, appSecret });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`the fake Instagram exited with ${code}:\n${output}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  const control = async (action: string, input: object) => {
    const response = await fetch(`${url}/__control/${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
    if (!response.ok) throw new Error(`the fake refused to ${action}: HTTP ${response.status} ${await response.text()}`);
    return response.json();
  };
  const { appSecret, ...account } = await printed;
  return {
    url,
    account,
    appSecret,
    publish: async (input) => (await control('publish', input)) as { id: string },
    comment: async (input) => (await control('comment', input)) as { id: string },
    async notifyMention(callbackUrl, mediaId, commentId) {
      const { statuses } = (await control('send-webhook', { callbackUrl, mediaId, commentId })) as { statuses: number[] };
      if (statuses[0] !== 200) throw new Error(`Vitrine answered the mention webhook with ${statuses.join(', ') || 'nothing (the app is not subscribed)'}`);
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
