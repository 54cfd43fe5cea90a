import { createClient } from '@libsql/client';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { groupCommitter } from './group-commit.ts';
import { libsqlDb } from './libsql.ts';

async function table() {
  const db = libsqlDb(createClient({ url: ':memory:' }));
  await db.run(sql`create table t (id text primary key)`);
  return db;
}
const ids = async (db: Awaited<ReturnType<typeof table>>) => (await db.all<{ id: string }>(sql`select id from t order by id`)).map((r) => r.id);

describe('groupCommitter', () => {
  it('writes concurrent batches in one transaction and settles each once durable', async () => {
    const db = await table();
    const commit = groupCommitter(db);
    await Promise.all(['a', 'b', 'c'].map((id) => commit([db.run(sql`insert into t (id) values (${id})`)])));
    expect(await ids(db)).toEqual(['a', 'b', 'c']);
  });

  it('retries each batch alone when the group fails: the bad one fails whole, the others land', async () => {
    const db = await table();
    await db.run(sql`insert into t (id) values ('taken')`);
    const commit = groupCommitter(db);
    const results = await Promise.allSettled([
      commit([db.run(sql`insert into t (id) values ('x1')`)]),
      commit([db.run(sql`insert into t (id) values ('y1')`), db.run(sql`insert into t (id) values ('taken')`)]),
      commit([db.run(sql`insert into t (id) values ('z1')`)]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await ids(db)).toEqual(['taken', 'x1', 'z1']);
  });
});
