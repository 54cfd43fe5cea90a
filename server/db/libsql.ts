import type { Client } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import type { Db } from './client.ts';
import * as schema from './schema.ts';

/** Wraps a libSQL client (local file, in-memory, or a remote Turso/sqld URL) as a `Db`. */
export function libsqlDb(client: Client): Db {
  return drizzle(client, { schema }) as unknown as Db;
}
