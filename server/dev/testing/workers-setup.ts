import { applyD1Migrations, env } from 'cloudflare:test';

// The committed drizzle/ migrations, read by the vitest config and applied to this file's D1.
const { DB, TEST_MIGRATIONS } = env as unknown as { DB: Parameters<typeof applyD1Migrations>[0]; TEST_MIGRATIONS: Parameters<typeof applyD1Migrations>[1] };
await applyD1Migrations(DB, TEST_MIGRATIONS);
