/**
 * The crash of issue 13: a title cut inside an emoji, staged as JSON text and read back with
 * `json_extract`, made libSQL's native driver panic (Utf8Error in value.rs) and abort the whole
 * process. An abort cannot be caught, so each case runs in a child process: the raw driver
 * still dies (which shows the reproduction is real), the app's wrapped database does not.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const libsqlModule = fileURLToPath(new URL('./libsql.ts', import.meta.url));

/** Stages a title the way the catalog preview does, then reads it back; prints what came back. */
function stageAndRead(wrapped: boolean) {
  const script = `
    import { createClient } from '@libsql/client';
    import { sql } from 'drizzle-orm';
    import { drizzle } from 'drizzle-orm/libsql';
    import { libsqlDb } from ${JSON.stringify(libsqlModule)};
    const client = createClient({ url: ':memory:' });
    const db = ${wrapped} ? libsqlDb(client) : drizzle(client);
    const title = '😀'.repeat(3000).slice(0, 299);
    await db.run(sql\`create table staged (title text)\`);
    await db.run(sql\`insert into staged (title) select json_extract(value, '$[0]') from json_each(\${JSON.stringify([[title]])})\`);
    const rows = await db.all(sql\`select title from staged\`);
    console.log(JSON.stringify([...rows[0].title].slice(-2).join("")));
  `;
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', timeout: 60_000 });
}

it('the raw driver aborts the process on a lone surrogate staged as a JSON escape', () => {
  const child = stageAndRead(false);
  expect(child.status).not.toBe(0);
  expect(child.stderr).toMatch(/Utf8Error/);
}, 60_000);

it('the app database stores U+FFFD in its place and the process lives on', () => {
  const child = stageAndRead(true);
  expect(child.stderr).toBe('');
  expect(child.status).toBe(0);
  expect(JSON.parse(child.stdout)).toBe('😀\ufffd');
}, 60_000);
