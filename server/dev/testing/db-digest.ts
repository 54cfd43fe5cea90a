import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { sha256Hex } from '../../security/hash.ts';

/**
 * A digest of every row of every table, per table, to show a run of requests changed nothing.
 * `except` leaves out bookkeeping tables (attempt counters) that bad input is meant to move.
 */
export async function tableDigests(db: Db, except: string[] = []): Promise<Record<string, string>> {
  const tables = (await db.all<{ name: string }>(sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%' and name not like '%migrations' order by name`))
    .map((t) => t.name)
    .filter((name) => !except.includes(name));
  const digests: Record<string, string> = {};
  for (const name of tables) {
    const rows = (await db.all<Record<string, unknown>>(sql.raw(`select * from "${name}"`))).map((row) => JSON.stringify(row)).sort();
    digests[name] = `${rows.length}:${(await sha256Hex(rows.join('\n'))).slice(0, 16)}`;
  }
  return digests;
}
