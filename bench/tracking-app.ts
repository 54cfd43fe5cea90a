/**
 * The real app on a fresh, demo-seeded libSQL file in WAL mode, as `npm start` runs it (group
 * commits on), for the tracking benchmarks. The client address comes from `x-bench-ip`, so a
 * load generator on loopback can play many shoppers' addresses.
 */
import { createClient } from '@libsql/client';
import { eq } from 'drizzle-orm';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createApp } from '../server/app.ts';
import { inProcessLimiters } from '../server/http/rate-limits.ts';
import { libsqlDb } from '../server/db/libsql.ts';
import { migrateLibsql } from '../server/db/migrate-libsql.ts';
import { workspaces } from '../server/db/schema.ts';
import { systemClock } from '../server/deps.ts';
import { createGraphClient } from '../server/instagram/client.ts';
import { diskMediaStore } from '../server/media/disk.ts';
import { randomToken } from '../server/security/tokens.ts';
import { seedDemo } from '../server/dev/seed/seed-demo.ts';
import { DEFAULT_WORKSPACE_SETTINGS } from '../server/domain/accounts/workspaces.ts';
import { placeholderVariantMaker } from '../server/dev/testing/placeholder-variants.ts';

export const BENCH_SHOP = 'https://shop.example';

/** `ownerPassword`: the demo owner's, for a benchmark that signs in (load.ts hands one to its server). */
export async function trackingBenchApp(settings: Partial<typeof DEFAULT_WORKSPACE_SETTINGS> = {}, ownerPassword = randomToken()) {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-tracking-'));
  const url = pathToFileURL(join(dir, 'bench.db')).href;
  const client = createClient({ url });
  await client.execute('PRAGMA journal_mode=WAL');
  const db = libsqlDb(client);
  await migrateLibsql(db, fileURLToPath(new URL('../drizzle', import.meta.url)));
  const media = diskMediaStore(join(dir, 'media'));
  await seedDemo({ db, media, variants: placeholderVariantMaker, now: systemClock.now(), ownerPassword });
  await db.update(workspaces).set({ allowedOrigins: [BENCH_SHOP], settings: { ...DEFAULT_WORKSPACE_SETTINGS, ...settings } }).where(eq(workspaces.id, 'ws_demo'));
  const app = createApp(
    {
      db,
      media,
      clock: systemClock,
      config: { publicUrl: null, version: 'bench' },
      secrets: { appSecret: 'bench', instagramAppSecret: null, instagramVerifyToken: null, setupToken: null },
      clientIp: (c) => c.req.header('x-bench-ip') ?? '127.0.0.1',
      instagram: { graph: createGraphClient({ baseUrl: 'http://127.0.0.1:9', version: 'v21.0', fetch: () => Promise.reject(new Error('no Graph API in this benchmark')) }), download: () => Promise.reject(new Error('no downloads in this benchmark')) },
      variants: placeholderVariantMaker,
      outbound: () => Promise.reject(new Error('no webhooks in this benchmark')),
      limits: inProcessLimiters(),
    },
    { groupCommits: true },
  );
  return { app, db, url };
}
