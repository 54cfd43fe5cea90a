/**
 * The embedded default: one Node process, SQLite through libSQL, media on local disk, and the
 * collection scheduler on a timer. `npm start` runs this (with VITRINE_DEMO=true) after building
 * the widget and panel; `npm run start:production` runs it without the demo.
 */
import { serve } from '@hono/node-server';
import { createClient } from '@libsql/client';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, type VitrineApp } from '../app.ts';
import { libsqlDb } from '../db/libsql.ts';
import { migrateLibsql } from '../db/migrate-libsql.ts';
import { compression } from '../middleware/compress/index.ts';
import { systemClock, type AppDeps } from '../deps.ts';
import { randomToken } from '../security/tokens.ts';
import { checkCredentials, setupNeeded } from '../domain/accounts/accounts.ts';
import { diskMediaStore } from '../media/disk.ts';
import { drawnSceneVariantMaker, sharpVariantMaker } from '../media/sharp-variants.ts';
import { httpMailSender } from '../mail/http-sender.ts';
import { guardedFetch } from '../outbound/guarded-fetch.ts';
import { nodeTransport } from '../outbound/node-transport.ts';
import { connectDemoInstagram } from '../dev/seed/connect-demo-instagram.ts';
import { DEMO_GALLERY_ID, DEMO_OWNER, DEMO_WORKSPACE } from '../dev/seed/demo-content.ts';
import { retirePublishedDemoPassword } from '../dev/seed/retire-published-password.ts';
import { seedDemoIfEmpty } from '../dev/seed/seed-demo.ts';
import { generateHistory } from '../dev/seed/tracking-history.ts';
import { forwardedRequest, nodeClientIp } from './node-client.ts';
import { resolveNodeConfig } from './node-config.ts';
import { startDemoInstagram } from './node-demo.ts';
import { DEV_MAILBOX_PATH, devMailbox } from '../mail/dev-mailbox.ts';
import { nodeInstagram } from './node-instagram.ts';
import { startCollectionTimer } from './node-scheduler.ts';
import { nodeEncoders } from './node-encoders.ts';
import { nodeStaticFiles } from './node-static.ts';
import { inProcessLimiters } from '../http/rate-limits.ts';

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

// The demo keeps its mail in memory and shows it at /demo/mailbox (server/mail/dev-mailbox.ts).
// The demo keeps its mail on a page of its own unless a real provider is configured.
const devMail = config.demo && !config.mail ? devMailbox() : null;
const deps: AppDeps = {
  db,
  media,
  clock: systemClock,
  config: { publicUrl: config.publicUrl, version: config.version },
  secrets: { appSecret: config.appSecret, instagramAppSecret: instagram.appSecret, instagramVerifyToken: instagram.verifyToken, setupToken: config.setupToken },
  clientIp: nodeClientIp(config.trustProxyHops),
  instagram: instagram.deps,
  variants,
  outbound,
  // One process is the whole deployment: its memory is where the in-flight limits count.
  limits: inProcessLimiters(),
  mail: config.mail ? httpMailSender(config.mail, outbound) : devMail?.sender ?? null,
};
app = createApp(deps, {
  staticFiles: [...(devMail ? [devMail.page] : []), ...nodeStaticFiles({ builtDir: join(root, 'dist/public'), demo: config.demo ? { dir: join(root, 'demo'), appFetch: (request, env) => app!.fetch(request, env) } : null })],
  groupCommits: true,
  compression: compression({ encoders: nodeEncoders }),
});

if (config.demo && (await seedDemoIfEmpty({ db, media, variants: drawnSceneVariantMaker(variants), now: systemClock.now(), ownerPassword: config.demo.ownerPassword, appSecret: config.appSecret }))) {
  if (instagram.fake) await connectDemoInstagram({ db, graph: instagram.deps.graph, appSecret: config.appSecret }, instagram.fake, systemClock.now());
  // Through the same ingest code as live traffic, so Reports agree with what the widget sends.
  const { historyEvents } = config.demo;
  if (historyEvents > 0) await generateHistory(db, { workspaceId: DEMO_WORKSPACE.id, days: 90, events: historyEvents, endAt: systemClock.now(), seed: 1 });
  console.log(`Seeded the demo workspace${historyEvents > 0 ? `, with ${historyEvents} tracking events over 90 days` : ''}.`);
}
// A demo seeded by an earlier version has the password its README published: replace it.
const retiredPassword = config.demo?.ownerPassword ?? randomToken(12);
if (await retirePublishedDemoPassword(db, retiredPassword)) {
  console.log(`${DEMO_OWNER.email} had the published demo password; it now is: ${retiredPassword}`);
}

const base = `http://${config.host}:${config.port}`;
const stopCollection = startCollectionTimer({ db, media, variants, instagram: instagram.deps, appSecret: config.appSecret, outbound: deps.outbound }, config.collectEverySeconds * 1000);
const stopDemo = instagram.fake ? startDemoInstagram(instagram.fake, `${base}/hooks/instagram`, 30_000) : () => {};
const needsSetup = await setupNeeded(db);
// The owner may have changed the demo password in the panel: then printing it would mislead.
const demoLogin = config.demo && (await checkCredentials(db, DEMO_OWNER.email, config.demo.ownerPassword)) ? config.demo.ownerPassword : null;

const serveApp = app;
const server = serve({ fetch: (request, env) => serveApp.fetch(forwardedRequest(request, config.trustProxyHops), env), port: config.port, hostname: config.host }, (info) => {
  const url = `http://${config.host}:${info.port}`;
  const lines = ['Vitrine is running.'];
  if (config.demo) lines.push(`  Demo store   ${url}/`);
  lines.push(`  Panel        ${url}/panel/`);
  // Printed, never fixed: whoever reads this console owns the deployment.
  if (demoLogin) lines.push(`  Demo login   ${DEMO_OWNER.email} / ${demoLogin}   (kept in ${config.dataDir}/demo-password)`);
  else if (config.demo) lines.push(`  Demo login   ${DEMO_OWNER.email} (the password made for this folder no longer signs it in)`);
  if (needsSetup) lines.push(`  First run    ${url}/panel/#setup-token=${encodeURIComponent(config.setupToken)}   (set up the owner account here)`);
  if (config.demo) lines.push(`  Gallery API  ${url}/v1/galleries/${DEMO_GALLERY_ID}/posts`);
  if (config.demo) lines.push(`  Campaign     ${url}/c/demo   (its mail: ${url}${DEV_MAILBOX_PATH})`);
  lines.push(
    `  Loader       ${url}/embed.js`,
    `  Health       ${url}/healthz`,
    `  Instagram    ${instagram.fake ? 'local fake (new demo posts every 30 s)' : config.instagram.graphUrl}`,
    `  Mail         ${config.mail ? `${config.mail.provider}, from ${config.mail.from}` : `off: ${config.mailOff}`}`,
    `  Data         ${config.dataDir}`,
  );
  console.log(lines.join('\n'));
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopCollection();
    stopDemo();
    server.close(() => process.exit(0));
  });
}
