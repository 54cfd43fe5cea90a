import { createClient } from '@libsql/client';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { libsqlDb } from '../../db/libsql.ts';
import { migrateLibsql } from '../../db/migrate-libsql.ts';
import { expiredPlatformData } from './platform-data.ts';

// On the real schema (every migration) in SQLite: the scheduler runs this search every minute, so
// reading every post of the host there would cost as much as the host is large (D1 bills rows read).
it("finds expired platform data workspace by workspace, through the retention index, not by reading every post", async () => {
  const client = createClient({ url: ':memory:' });
  const db = libsqlDb(client);
  await migrateLibsql(db, fileURLToPath(new URL('../../../drizzle', import.meta.url)));
  const query = expiredPlatformData(db, Date.UTC(2026, 11, 6), 50).toSQL();
  const plan = (await client.execute({ sql: `explain query plan ${query.sql}`, args: query.params as never })).rows.map((row) => String(row.detail));
  expect(plan[0], plan.join('\n')).toMatch(/^SCAN workspaces\b/);
  expect(plan, plan.join('\n')).toContainEqual(expect.stringMatching(/^SEARCH posts USING INDEX posts_platform_retention \(workspace_id=\? AND collected_at<\?\)/));
  expect(plan.filter((detail) => /^SCAN posts\b/.test(detail))).toEqual([]);
});
