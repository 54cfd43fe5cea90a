/**
 * The embedded default: one Node process, SQLite through libSQL, media on local disk, and the
 * collection scheduler on a timer. `npm start` runs this after building the widget and panel.
 */
import { serve } from '@hono/node-server';
import { createClient } from '@libsql/client';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, type VitrineApp } from '../app.ts';
import { libsqlDb } from '../db/libsql.ts';
import { migrateLibsql } from '../db/migrate-libsql.ts';
import { systemClock, type AppDeps } from '../deps.ts';
import { diskMediaStore } from '../media/disk.ts';
import { drawnSceneVariantMaker, sharpVariantMaker } from '../media/sharp-variants.ts';
import { guardedFetch } from '../outbound/guarded-fetch.ts';
import { nodeTransport } from '../outbound/node-transport.ts';
import { connectDemoInstagram } from '../seed/connect-demo-instagram.ts';
import { DEMO_GALLERY_ID, DEMO_LOGIN } from '../seed/demo-content.ts';
import { seedDemoIfEmpty } from '../seed/seed-demo.ts';
import { nodeClientIp } from './node-client-ip.ts';
import { resolveNodeConfig } from './node-config.ts';
import { startDemoInstagram } from './node-demo.ts';
import { nodeInstagram } from './node-instagram.ts';
import { startCollectionTimer } from './node-scheduler.ts';
import { nodeStaticFiles } from './node-static.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const config = resolveNodeConfig(process.env);

const client = createClient({ url: config.dbUrl, authToken: config.dbAuthToken });
// WAL for the embedded file: readers never wait for the writer, and a commit is one append.
if (config.dbUrl.startsWith('file:')) await client.execute('PRAGMA journal_mode=WAL');
const db = libsqlDb(client);
await migrateLibsql(db, join(root, 'drizzle'));
const media = diskMediaStore(join(config.dataDir, 'media'));
const variants = sharpVariantMaker();
// Every request to another server goes through the guard, over node:http(s) with checked DNS.
const transport = nodeTransport();
const outbound = guardedFetch({ transport });
// Webhooks from the in-process fake are delivered straight to the app, as Meta would over HTTP.
let app: VitrineApp | undefined;
const instagram = nodeInstagram(config, transport, (request) => Promise.resolve(app!.fetch(request)));

const deps: AppDeps = {
  db,
  media,
  clock: systemClock,
  config: { publicUrl: config.publicUrl, version: config.version },
  secrets: { appSecret: config.appSecret, instagramAppSecret: instagram.appSecret, instagramVerifyToken: instagram.verifyToken },
  clientIp: nodeClientIp(config.trustProxy),
  instagram: instagram.deps,
  variants,
  outbound,
};
app = createApp(deps, { staticFiles: nodeStaticFiles({ builtDir: join(root, 'dist/public'), demoDir: join(root, 'demo') }), groupCommits: true });

if (config.seedDemo && (await seedDemoIfEmpty({ db, media, variants: drawnSceneVariantMaker(variants), now: systemClock.now() }))) {
  if (instagram.fake) await connectDemoInstagram({ db, graph: instagram.deps.graph, appSecret: config.appSecret }, instagram.fake, systemClock.now());
  console.log('Seeded the demo workspace.');
}

const base = `http://${config.host}:${config.port}`;
const stopCollection = startCollectionTimer({ db, media, variants, instagram: instagram.deps, appSecret: config.appSecret, outbound: deps.outbound }, config.collectEverySeconds * 1000);
const stopDemo = instagram.fake ? startDemoInstagram(instagram.fake, `${base}/hooks/instagram`, 30_000) : () => {};

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const url = `http://${config.host}:${info.port}`;
  console.log(`Vitrine is running.
  Demo store   ${url}/
  Panel        ${url}/panel/   (demo login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password})
  Gallery API  ${url}/v1/galleries/${DEMO_GALLERY_ID}/posts
  Loader       ${url}/embed.js
  Health       ${url}/healthz
  Instagram    ${instagram.fake ? 'local fake (new demo posts every 30 s)' : config.instagram.graphUrl}
  Data         ${config.dataDir}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopCollection();
    stopDemo();
    server.close(() => process.exit(0));
  });
}
