import { createClient } from '@libsql/client';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { groupWriter } from './group-commit.ts';
import { libsqlDb } from './libsql.ts';

async function table() {
  const db = libsqlDb(createClient({ url: ':memory:' }));
  await db.run(sql`create table t (id text primary key)`);
  return db;
}
type Db = Awaited<ReturnType<typeof table>>;
const ids = async (db: Db) => (await db.all<{ id: string }>(sql`select id from t order by id`)).map((r) => r.id);

describe('groupWriter', () => {
  it('writes what concurrent callers submit as one group, and settles each once durable', async () => {
    const db = await table();
    const groups: string[][] = [];
    const write = groupWriter<string>(db, async (items) => {
      groups.push(items);
      return items.map((id) => db.run(sql`insert into t (id) values (${id})`));
    });
    await Promise.all(['a', 'b', 'c'].map(write));
    expect(groups).toEqual([['a', 'b', 'c']]);
    expect(await ids(db)).toEqual(['a', 'b', 'c']);
  });

  it('retries each item alone when the group fails: the bad one fails whole, the others land', async () => {
    const db = await table();
    await db.run(sql`insert into t (id) values ('taken')`);
    const write = groupWriter<string[]>(db, async (items) => items.flat().map((id) => db.run(sql`insert into t (id) values (${id})`)));
    const results = await Promise.allSettled([write(['x1']), write(['y1', 'taken']), write(['z1'])]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await ids(db)).toEqual(['taken', 'x1', 'z1']);
  });
});
