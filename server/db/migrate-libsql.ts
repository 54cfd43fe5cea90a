import { migrate } from 'drizzle-orm/libsql/migrator';
import type { LibSQLDatabase } from 'drizzle-orm/libsql';
import type { Db } from './client.ts';

/** Applies the committed drizzle/ migrations to a libSQL database (Node start, Node tests). */
export async function migrateLibsql(db: Db, migrationsFolder: string): Promise<void> {
  await migrate(db as unknown as LibSQLDatabase, { migrationsFolder });
}
