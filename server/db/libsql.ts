import type { Client } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import type { Db } from './client.ts';
import * as schema from './schema.ts';
import { storableLibsqlClient } from './storable-text.ts';

/**
 * Wraps a libSQL client (local file, in-memory, or a remote Turso/sqld URL) as a `Db`. Every
 * string it binds is well-formed first (storable-text.ts).
 */
export function libsqlDb(client: Client): Db {
  return drizzle(storableLibsqlClient(client), { schema }) as unknown as Db;
}
