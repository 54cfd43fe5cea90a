/**
 * Safe defaults (issue 13, part 3) on the real Node server, started with the environment the npm
 * scripts give it (read from package.json): `npm start` on a fresh data folder prints a generated
 * owner password and keeps it for the next start, and the once-published demo login opens
 * nothing; `npm run start:production` has no demo and no fake Instagram, and only the setup link
 * it prints can claim it, through the panel's setup page.
 */
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { DEMO_OWNER } from '../server/dev/seed/demo-content.ts';
import { launchChromium } from './chromium.ts';
import { fillSetupForm } from './panel-steps.ts';
import { startServer, type RunningServer } from './server.ts';

const scripts = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }).scripts;

/**
 * The variables an npm script sets before its command (`VITRINE_DEMO=true MALLOC_ARENA_MAX=2 tsx
 * …`), over an environment without VITRINE_DEMO, as a shell that never set it.
 */
function scriptEnv(name: string): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { VITRINE_DEMO: undefined };
  for (const word of scripts[name]!.split(/\s+/)) {
    const assignment = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(word);
    if (!assignment) break;
    env[assignment[1]!] = assignment[2]!;
  }
  return env;
}

const PUBLISHED_LOGIN = { email: 'demo@vitrine.local', password: 'vitrine-demo' };

function signIn(server: RunningServer, login: { email: string; password: string }) {
  return fetch(`${server.url}/admin/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify(login) });
}

let browser: Browser | undefined;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

test('npm start: a generated owner password, printed and kept for the next start; the published login signs nobody in', async () => {
  const first = await startServer(scriptEnv('start'));
  let second: RunningServer | undefined;
  try {
    const printed = /Demo login\s+(\S+) \/ (\S+)/.exec(first.output());
    assert.ok(printed, `the console shows the demo login:\n${first.output()}`);
    const [, email, password] = printed;
    assert.equal(email, DEMO_OWNER.email);
    assert.notEqual(password, PUBLISHED_LOGIN.password);
    assert.ok(password!.length >= 16, 'a long random password');
    assert.equal(readFileSync(join(first.dataDir, 'demo-password'), 'utf8'), password, 'kept in the data folder');
    assert.equal(statSync(join(first.dataDir, 'demo-password')).mode & 0o777, 0o600, 'readable by its owner only');

    assert.equal((await signIn(first, PUBLISHED_LOGIN)).status, 401, 'the published login opens nothing');
    assert.equal((await signIn(first, { email: email!, password: password! })).status, 200);
    // The demo runs: its store and gallery, and the fake Instagram.
    assert.equal((await fetch(`${first.url}/v1/galleries/demo/posts`)).status, 200);
    assert.match(first.output(), /Instagram\s+local fake/);

    await first.stop({ keepData: true });
    second = await startServer(scriptEnv('start'), { dataDir: first.dataDir });
    assert.match(second.output(), new RegExp(`Demo login\\s+${DEMO_OWNER.email} / ${password}`), 'the same password on the next start');
    assert.equal((await signIn(second, { email: email!, password: password! })).status, 200);
  } finally {
    await (second ?? first).stop();
  }
});

test('npm run start:production: no demo, no fake Instagram, and only the printed setup link can claim it', async () => {
  const server = await startServer(scriptEnv('start:production'));
  try {
    const output = server.output();
    assert.doesNotMatch(output, /Demo/, 'no demo login or store is printed');
    assert.match(output, /Instagram\s+https:\/\/graph\.facebook\.com/, 'the real Graph API, not the fake');
    assert.throws(() => statSync(join(server.dataDir, 'demo-password')), 'no demo password is made');
    assert.equal((await fetch(`${server.url}/v1/galleries/demo/posts`)).status, 404, 'no demo gallery');
    // No demo store: the address leads to the panel.
    const home = await fetch(`${server.url}/`, { redirect: 'manual' });
    assert.deepEqual([home.status, home.headers.get('location')], [302, '/panel/'], 'no demo store');
    assert.equal((await signIn(server, PUBLISHED_LOGIN)).status, 401);
    assert.deepEqual(await (await fetch(`${server.url}/admin/auth/setup`)).json(), { needed: true });

    const link = /First run\s+(\S+#setup-token=\S+)/.exec(output)?.[1];
    assert.ok(link, `the console shows the setup link:\n${output}`);
    const page = await browser!.newPage();
    // Without the link, the setup page cannot claim the server.
    await page.goto(`${server.url}/panel/`);
    await fillSetupForm(page);
    await page.getByLabel(/Setup token/).fill('a-guessed-token');
    await page.getByRole('button', { name: 'Create the workspace' }).click();
    await page.getByText(/setup link the server printed/).waitFor();
    assert.deepEqual(await (await fetch(`${server.url}/admin/auth/setup`)).json(), { needed: true }, 'nothing was created');

    // With it (opened in a new tab, as from the console), the owner is created and signed in;
    // the token leaves the address bar at once.
    await page.close();
    const tab = await browser!.newPage();
    await tab.goto(link);
    await tab.waitForURL((url) => !url.hash.includes('setup-token'));
    assert.equal(await tab.getByLabel(/Setup token/).inputValue(), new URL(link).hash.replace('#setup-token=', ''));
    await fillSetupForm(tab);
    await tab.getByRole('button', { name: 'Create the workspace' }).click();
    await tab.getByRole('navigation', { name: 'Panel' }).waitFor({ timeout: 30_000 });
    assert.deepEqual(await (await fetch(`${server.url}/admin/auth/setup`)).json(), { needed: false });
  } finally {
    await server.stop();
  }
});
