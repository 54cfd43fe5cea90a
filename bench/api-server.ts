/**
 * The server side of the API benchmark, run as its own process so the load generator does not
 * share its event loop: the real app on a demo-seeded libSQL file, plus a bare Hono route in the
 * same process as the yardstick. The demo workspace is filled to `API_PUBLIC_POSTS` public posts
 * (default 10,000) so an answer the cache misses is made as a large store's would be. Prints
 * `PORT <port> POSTS <public posts>` once listening.
 */
import { serve } from '@hono/node-server';
import { createClient } from '@libsql/client';
import { Hono } from 'hono';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createApp } from '../server/app.ts';
import { inProcessLimiters } from '../server/http/rate-limits.ts';
import { nodeEncoders } from '../server/entry/node-encoders.ts';
import { compression } from '../server/middleware/compress/index.ts';
import { libsqlDb } from '../server/db/libsql.ts';
import { migrateLibsql } from '../server/db/migrate-libsql.ts';
import { systemClock } from '../server/deps.ts';
import { diskMediaStore } from '../server/media/disk.ts';
import { randomToken } from '../server/security/tokens.ts';
import { seedDemo } from '../server/dev/seed/seed-demo.ts';
import { placeholderVariantMaker } from '../server/dev/testing/placeholder-variants.ts';
import { addPublicPosts } from './public-posts.ts';
import { createGraphClient } from '../server/instagram/client.ts';

const PUBLIC_POSTS = Number(process.env.API_PUBLIC_POSTS ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), 'vitrine-bench-'));
const client = createClient({ url: pathToFileURL(join(dir, 'bench.db')).href });
await client.execute('PRAGMA journal_mode=WAL');
const db = libsqlDb(client);
await migrateLibsql(db, fileURLToPath(new URL('../drizzle', import.meta.url)));
const media = diskMediaStore(join(dir, 'media'));
// Pixels do not matter to a JSON benchmark; the rows are the demo's, media rows included.
await seedDemo({ db, media, variants: placeholderVariantMaker, now: systemClock.now(), ownerPassword: randomToken() });
const publicPosts = await addPublicPosts(client, PUBLIC_POSTS);

const app = createApp({ db, media, clock: systemClock, config: { publicUrl: null, version: 'bench' }, secrets: { appSecret: 'bench', instagramAppSecret: null, instagramVerifyToken: null, setupToken: null },
  clientIp: () => '127.0.0.1',
  // The gallery API benchmark never reaches Instagram.
  instagram: { graph: createGraphClient({ baseUrl: 'http://127.0.0.1:9', version: 'v21.0', fetch: () => Promise.reject(new Error('no Graph API in this benchmark')) }), download: () => Promise.reject(new Error('no downloads in this benchmark')) },
  variants: placeholderVariantMaker,
  outbound: () => Promise.reject(new Error('no webhooks in this benchmark')),
  limits: inProcessLimiters(),
}, { compression: compression({ encoders: nodeEncoders }) });
const root = new Hono().get('/bare', (c) => c.json({ ok: true, items: [1, 2, 3] })).route('/', app);

serve({ fetch: root.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`PORT ${info.port} POSTS ${publicPosts}`));
// Stopped by the section: exit properly, so that `node --cpu-prof` writes its profile.
process.on('SIGTERM', () => process.exit(0));
