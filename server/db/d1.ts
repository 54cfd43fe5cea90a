import type { D1Database } from '@cloudflare/workers-types/index.ts';
import { drizzle } from 'drizzle-orm/d1';
import type { Db } from './client.ts';
import * as schema from './schema.ts';
import { storableD1 } from './storable-text.ts';

/** Wraps a Cloudflare D1 binding as a `Db`. Every string it binds is well-formed first (storable-text.ts). */
export function d1Db(binding: D1Database): Db {
  return drizzle(storableD1(binding) as never, { schema }) as unknown as Db;
}
