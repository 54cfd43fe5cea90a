import { applyD1Migrations, env } from 'cloudflare:test';
import type { D1Database, R2Bucket } from '@cloudflare/workers-types/index.ts';

/**
 * Before each test file: the workers project runs its files one after another in the same
 * workerd (vitest.config.ts, `isolate: false`), so D1 and R2 still hold what the last file left.
 * Every table is dropped and the committed drizzle/ migrations applied again (read by the
 * vitest config), and the bucket emptied: each file starts on a freshly migrated, empty store.
 */
type Bindings = { DB: D1Database; MEDIA: R2Bucket; TEST_MIGRATIONS: Parameters<typeof applyD1Migrations>[1] };
const { DB, MEDIA, TEST_MIGRATIONS } = env as unknown as Bindings;

const { results: tables } = await DB.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%'").all<{ name: string }>();
// Deferred: a table is dropped before the tables whose foreign keys point at it.
if (tables.length > 0) await DB.batch([DB.prepare('PRAGMA defer_foreign_keys = on'), ...tables.map(({ name }) => DB.prepare(`drop table "${name}"`))]);
for (let listed = await MEDIA.list(); listed.objects.length > 0; listed = await MEDIA.list()) await MEDIA.delete(listed.objects.map((o) => o.key));
await applyD1Migrations(DB as unknown as Parameters<typeof applyD1Migrations>[0], TEST_MIGRATIONS);
