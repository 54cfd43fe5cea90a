/**
 * The embedded default: one Node process, SQLite through libSQL, media on local disk.
 * `npm start` runs this after building the widget and panel.
 */
import { serve } from '@hono/node-server';
import { createClient } from '@libsql/client';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../app.ts';
import { libsqlDb } from '../db/libsql.ts';
import { migrateLibsql } from '../db/migrate-libsql.ts';
import { systemClock } from '../deps.ts';
import { diskMediaStore } from '../media/disk.ts';
import { sharpVariantMaker } from '../media/sharp-variants.ts';
import { DEMO_GALLERY_ID, DEMO_LOGIN } from '../seed/demo-content.ts';
import { seedDemoIfEmpty } from '../seed/seed-demo.ts';
import { resolveNodeConfig } from './node-config.ts';
import { nodeClientIp } from './node-client-ip.ts';
import { nodeStaticFiles } from './node-static.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const config = resolveNodeConfig(process.env);

const db = libsqlDb(createClient({ url: config.dbUrl, authToken: config.dbAuthToken }));
await migrateLibsql(db, join(root, 'drizzle'));
const media = diskMediaStore(join(config.dataDir, 'media'));
if (config.seedDemo && (await seedDemoIfEmpty({ db, media, variants: sharpVariantMaker(), now: systemClock.now() }))) {
  console.log('Seeded the demo workspace.');
}

const app = createApp(
  {
    db,
    media,
    clock: systemClock,
    config: { publicUrl: config.publicUrl, version: config.version },
    secrets: { appSecret: config.appSecret },
    clientIp: nodeClientIp(config.trustProxy),
  },
  { staticFiles: nodeStaticFiles({ builtDir: join(root, 'dist/public'), demoDir: join(root, 'demo') }) },
);

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const base = `http://${config.host}:${info.port}`;
  console.log(`Vitrine is running.
  Demo store   ${base}/
  Panel        ${base}/panel/   (demo login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password})
  Gallery API  ${base}/v1/galleries/${DEMO_GALLERY_ID}/posts
  Loader       ${base}/embed.js
  Health       ${base}/healthz
  Data         ${config.dataDir}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
