import { createClient } from '@libsql/client';
import { describe, expect, it } from 'vitest';
import { safeJsonEscapes } from '../../shared/text.ts';
import { storable, storableD1, storableLibsqlClient } from './storable-text.ts';

describe('storable', () => {
  it('well-forms strings and leaves other values alone', () => {
    expect(storable('a\ud83d')).toBe('a\ufffd');
    expect(storable('a\0b')).toBe('a\ufffdb');
    expect(storable('😀')).toBe('😀');
    const bytes = new Uint8Array([0xed, 0xa0, 0x80]);
    expect(storable(bytes)).toBe(bytes);
    expect(storable(42)).toBe(42);
    expect(storable(null)).toBe(null);
  });

  it('replaces lone-surrogate and NUL escapes in JSON text, keeping pairs and escaped backslashes', () => {
    expect(safeJsonEscapes('["x\\ud83d"]')).toBe('["x\\ufffd"]');
    expect(safeJsonEscapes('["\\uDE00y"]')).toBe('["\\ufffdy"]');
    expect(safeJsonEscapes('["\\ud83d\\ude00"]')).toBe('["\\ud83d\\ude00"]');
    expect(safeJsonEscapes('["\\ud83d\\ud83d\\ude00"]')).toBe('["\\ufffd\\ud83d\\ude00"]');
    expect(safeJsonEscapes('{"a":"\\u0000"}')).toBe('{"a":"\\ufffd"}');
    // `\\ud800` in JSON is a backslash followed by the letters "ud800": text, not an escape.
    expect(safeJsonEscapes('["\\\\ud800"]')).toBe('["\\\\ud800"]');
    expect(safeJsonEscapes('["\\\\\\ud800"]')).toBe('["\\\\\\ufffd"]');
    expect(safeJsonEscapes('["\\u00e9\\n\\"\\u20ac"]')).toBe('["\\u00e9\\n\\"\\u20ac"]');
    expect(storable(JSON.stringify(['😀'.repeat(3).slice(0, 5)]))).toBe('["😀😀\\ufffd"]');
  });

  it('leaves an escape-like spelling in text that is not JSON alone', () => {
    expect(storable('type \\ud800 to see')).toBe('type \\ud800 to see');
  });
});

describe('storableLibsqlClient', () => {
  it('well-forms what execute, batch and transactions bind, positional or named', async () => {
    const client = storableLibsqlClient(createClient({ url: ':memory:' }));
    await client.execute('create table t (v text)');
    await client.execute({ sql: 'insert into t values (?)', args: ['a\0b'] });
    await client.execute('insert into t values (?)', ['c\ud800']);
    await client.batch([{ sql: 'insert into t values (:v)', args: { v: 'd\udc00' } }, ['insert into t values (?)', ['e\0']]], 'write');
    const tx = await client.transaction('write');
    await tx.execute({ sql: "insert into t select json_extract(?, '$[0]')", args: ['["f\\ud83d"]'] });
    await tx.batch([{ sql: 'insert into t values (?)', args: ['g\ud83d'] }]);
    await tx.commit();
    const { rows } = await client.execute('select v from t order by rowid');
    expect(rows.map((r) => r.v)).toEqual(['a\ufffdb', 'c\ufffd', 'd\ufffd', 'e\ufffd', 'f\ufffd', 'g\ufffd']);
    client.close();
  });
});

describe('storableD1', () => {
  it('well-forms what prepared statements bind, also in sessions', () => {
    const bound: unknown[][] = [];
    const statement = () => ({ bind: (...values: unknown[]) => (bound.push(values), statement()) });
    const fake = { prepare: statement, withSession: () => ({ prepare: statement }) };
    const d1 = storableD1(fake as never);
    d1.prepare('x').bind('a\ud800', 1, null, '["\\u0000"]');
    d1.withSession('first-primary').prepare('x').bind('b\0');
    expect(bound).toEqual([['a\ufffd', 1, null, '["\\ufffd"]'], ['b\ufffd']]);
  });
});
