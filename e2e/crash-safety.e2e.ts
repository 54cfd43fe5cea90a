/**
 * Crash safety (issue 9): the real Node server (server/entry/node.ts) on a data folder of its own
 * is killed with SIGKILL in the middle of a burst of event batches, and again in the middle of
 * applying a catalog import. After a restart on the same folder, every batch that was
 * acknowledged is stored exactly once, the import is applied entirely or not at all, and the
 * database passes `PRAGMA integrity_check`.
 */
import { createClient } from '@libsql/client';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEMO_OWNER } from '../server/dev/seed/demo-content.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'vitrine-crash-'));
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
let port = 0;
let child: ChildProcess | undefined;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: p } = probe.address() as { port: number };
      probe.close(() => resolve(p));
    });
  });
}

/** Starts the server on the same data folder and waits for /healthz. */
async function start() {
  child = spawn(process.execPath, ['--import', 'tsx', 'server/entry/node.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', VITRINE_DATA_DIR: dataDir, VITRINE_DEMO: 'true' },
    stdio: 'ignore',
  });
  const deadline = Date.now() + 60_000;
  while (!(await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false))) {
    assert.ok(Date.now() < deadline, 'server became healthy');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The demo owner's login, as the server made it for this data folder on its first start. */
function demoOwner() {
  return { email: DEMO_OWNER.email, password: readFileSync(join(dataDir, 'demo-password'), 'utf8').trim() };
}

async function kill() {
  const exited = new Promise((r) => child!.once('exit', r));
  child!.kill('SIGKILL');
  await exited;
}

async function query(sql: string, args: (string | number)[] = []) {
  const db = createClient({ url: pathToFileURL(join(dataDir, 'vitrine.db')).href });
  try {
    return (await db.execute({ sql, args })).rows;
  } finally {
    db.close();
  }
}

before(async () => {
  port = await freePort();
  await start();
});

after(async () => {
  if (child && child.exitCode === null) await kill();
  rmSync(dataDir, { recursive: true, force: true });
});

test('every acknowledged event batch survives a SIGKILL mid-burst, exactly once', async () => {
  const origin = `http://127.0.0.1:${port}`;
  const agent = new Agent({ keepAlive: true, maxSockets: 32 });
  const send = (i: number) =>
    new Promise<number>((resolve) => {
      const events = Array.from({ length: 10 }, (_, k) => ({ id: `e_crash_${i}_${k}`, type: 'select_content', at: Date.now(), galleryId: 'demo', postId: 'post_demo01' }));
      const body = JSON.stringify({ v: 1, workspaceId: 'ws_demo', visitorId: `v_crash_${i % 500}`, sessionId: `s_crash_${i % 500}`, consent: 'granted', events });
      const req = request(`${origin}/v1/events`, { method: 'POST', agent, headers: { 'content-type': 'text/plain;charset=UTF-8', 'content-length': Buffer.byteLength(body), origin, 'user-agent': UA } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', () => resolve(0)); // the server died under this request: not acknowledged
      req.end(body);
    });

  const acked: number[] = [];
  let sent = 0;
  let killed = false;
  const senders = Array.from({ length: 32 }, async () => {
    while (!killed) {
      const i = sent++;
      if ((await send(i)) === 204) acked.push(i);
    }
  });
  // Kill once a good share of batches is in, while many more are in flight.
  while (acked.length < 300) await new Promise((r) => setTimeout(r, 5));
  await kill();
  killed = true;
  await Promise.all(senders);
  agent.destroy();
  assert.ok(sent > acked.length, 'some batches were cut off by the kill');
  console.info(`events: ${acked.length} batches acknowledged of ${sent} sent when the server was killed`);

  await start();
  const [check] = await query('PRAGMA integrity_check');
  assert.equal(check![0], 'ok');
  const stored = await query(`select id from events where workspace_id = 'ws_demo' and id like 'e_crash_%'`);
  const ids = new Set(stored.map((r) => String(r.id)));
  assert.equal(ids.size, stored.length, 'no event stored twice');
  for (const i of acked) for (let k = 0; k < 10; k++) assert.ok(ids.has(`e_crash_${i}_${k}`), `acknowledged event e_crash_${i}_${k} is stored`);
  // A batch is stored whole or not at all.
  const perBatch = new Map<string, number>();
  for (const id of ids) perBatch.set(id.replace(/_\d+$/, ''), (perBatch.get(id.replace(/_\d+$/, '')) ?? 0) + 1);
  for (const [batch, count] of perBatch) assert.equal(count, 10, `${batch} stored whole`);
});

test('a catalog import killed mid-apply is applied entirely or not at all', async () => {
  const origin = `http://127.0.0.1:${port}`;
  const headers = { origin, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' };
  const signIn = await fetch(`${origin}/admin/auth/sign-in`, { method: 'POST', headers, body: JSON.stringify(demoOwner()) });
  assert.equal(signIn.status, 200);
  const session: Record<string, string> = { ...headers, cookie: signIn.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': ((await signIn.json()) as { csrfToken: string }).csrfToken };
  const feed = await fetch(`${origin}/admin/catalog/feeds`, { method: 'POST', headers: session, body: JSON.stringify({ name: 'Crash feed', format: 'csv' }) });
  assert.equal(feed.status, 201, await feed.clone().text());
  const feedId = ((await feed.json()) as { feed: { id: string } }).feed.id;
  const ROWS = 20_000;
  const csv = ['sku,name,url,price,currency', ...Array.from({ length: ROWS }, (_, i) => `CRASH-${i},Crash product ${i},https://shop.example/p/${i},${(i % 90) + 10}.50,EUR`)].join('\n');
  // Kill later and later after asking to apply, until an attempt lands after the commit: the
  // kills before it fall before or inside the apply, and each must leave nothing behind.
  const outcomes: string[] = [];
  for (const delayMs of [10, 30, 45, 60, 70, 80, 90, 100, 150, 250, 400, 800, 1600]) {
    const preview = await fetch(`${origin}/admin/catalog/feeds/${feedId}/imports`, { method: 'POST', headers: { ...session, 'content-type': 'text/csv' }, body: csv });
    assert.equal(preview.status, 201, await preview.clone().text());
    const importId = ((await preview.json()) as { import: { id: string } }).import.id;

    const applying = fetch(`${origin}/admin/catalog/imports/${importId}/apply`, { method: 'POST', headers: session, body: '{}' }).then((r) => r.status, () => 0);
    await new Promise((r) => setTimeout(r, delayMs));
    await kill();
    const answered = await applying;
    await start();
    // Sessions live in the database and the secret in the data folder: a restart signs nobody out
    // (and signing in again at every restart would soon meet the sign-in attempt limits).
    assert.equal((await fetch(`${origin}/admin/auth/session`, { headers: session })).status, 200, 'the session survives the restart');

    const [check] = await query('PRAGMA integrity_check');
    assert.equal(check![0], 'ok');
    const [count] = await query(`select count(*) as n from products where sku like 'CRASH-%'`);
    const [status] = await query('select status from catalog_imports where id = ?', [importId]);
    const applied = status!.status === 'applied';
    outcomes.push(`${delayMs} ms: ${status!.status}, answered ${answered}`);
    assert.equal(Number(count!.n), applied ? ROWS : 0, `products match the import's status (${outcomes.at(-1)})`);
    if (answered === 200) assert.ok(applied, 'an acknowledged apply is applied');
    if (applied) break;
  }
  console.info(`catalog apply killed after: ${outcomes.join('; ')}`);
  assert.ok(outcomes.at(-1)!.includes('applied'), 'a later kill found the import applied');
});
