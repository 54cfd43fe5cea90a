/**
 * The choke point on the app's real database, on both runtimes (libSQL on Node, D1 in workerd):
 * whatever a service binds, single statements and batches alike, is stored well-formed.
 */
import { createHarness } from '#harness';
import { sql } from 'drizzle-orm';
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { expect, it } from 'vitest';
import { runBatch } from './client.ts';

const probe = sqliteTable('text_probe', { v: text('v') });

it('stores U+FFFD for lone surrogates, NUL and their JSON escapes, whichever driver', async () => {
  const { db } = await createHarness({ seed: false });
  await db.run(sql`create table text_probe (v text)`);
  await db.run(sql`insert into text_probe (v) values (${'a\ud800'}), (${'b\u0000c'})`);
  await db.run(sql`insert into text_probe (v) select json_extract(value, '$[0]') from json_each(${JSON.stringify([['x\ud83d'], ['y\u0000']])})`);
  await runBatch(db, [db.insert(probe).values({ v: '\udc00z' }), db.insert(probe).values({ v: '😀 ok' })]);
  const rows = await db.all<{ v: string }>(sql`select v from text_probe order by rowid`);
  expect(rows.map((r) => r.v)).toEqual(['a\ufffd', 'b\ufffdc', 'x\ufffd', 'y\ufffd', '\ufffdz', '😀 ok']);
});
