// Component tests of the widget and the panel in the system Chromium, against the real API: the
// server's fixture app (Hono on an in-memory libSQL database seeded with the demo data) answers
// /v1/, /media/ and /admin/ on the test server's own origin, so tests pass `location.origin` as
// the API origin and panel tests sign in through the real endpoint (same origin: CSRF passes).
// All test files share that one database: tests change only what no other test asserts on.
import { existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { tsImport } from 'tsx/esm/api';

const API_PREFIXES = ['/v1/', '/media/', '/r/', '/admin/', '/c/'];
/**
 * The built loader and gallery chunk (`npm run build` first), for the panel's live preview,
 * which loads /embed.js exactly as a store page does.
 */
const BUILT_WIDGET = /^\/(embed\.js|widget\/[\w.-]+\.js)$/;

const { createFixtureApp } = await tsImport('./server/dev/testing/fixture-app.ts', import.meta.url);
const { CHUNKED_LOCALES } = await tsImport('./widget/i18n/locales.ts', import.meta.url);
const { testClockStart } = await tsImport('./server/dev/testing/clock.ts', import.meta.url);
// The same system Chromium and flags as the e2e journeys.
const { CHROMIUM_ARGS, CHROMIUM_PATH } = await tsImport('./e2e/chromium.ts', import.meta.url);
// The app's clock starts on the day VITRINE_TEST_CLOCK_START names (a fixed day by default);
// panel pages take their "now" from it too (GET /__fixture/clock, see panel/testing/harness.tsx).
const fixture = await createFixtureApp({ clockStart: testClockStart(process.env.VITRINE_TEST_CLOCK_START) });

/** Seed facts the tests assert against, e.g. which post ids are public. */
const fixtureFacts = JSON.stringify({
  galleryId: fixture.galleryId,
  // The demo owner's generated password: panel tests sign in with it (there is no fixed one).
  owner: fixture.owner,
  publicPostIds: fixture.publicPostIds,
  nonPublicPostIds: fixture.nonPublicPostIds,
  instagram: fixture.instagram,
});

/** Hands a Koa request to the fixture app's fetch handler and writes its Response back. */
async function fixtureApi(ctx, next) {
  if (ctx.path === '/__fixture.json') {
    ctx.type = 'application/json';
    ctx.body = fixtureFacts;
    return;
  }
  // A customer posts on the fake Instagram (JSON body: the fake's publish input); answers the media.
  if (ctx.path === '/__fixture/instagram/publish' && ctx.method === 'POST') {
    const input = await new Response(Readable.toWeb(ctx.req)).json();
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(fixture.publishOnInstagram(input));
    return;
  }
  // The app's "now" (JSON: { now }, epoch ms), for the browser code under test to share.
  if (ctx.path === '/__fixture/clock' && ctx.method === 'GET') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ now: fixture.now() });
    return;
  }
  // Time passes on the app's clock (JSON body: { ms }, a few seconds at most: every test file
  // shares it); answers the new "now" as GET /__fixture/clock does.
  if (ctx.path === '/__fixture/clock/advance' && ctx.method === 'POST') {
    const { ms } = await new Response(Readable.toWeb(ctx.req)).json();
    if (!(ms > 0 && ms <= 60_000)) throw new Error(`advance the clock by 1 ms to 60 s, not ${ms}`);
    fixture.advanceClock(ms);
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ now: fixture.now() });
    return;
  }
  // The mail the app sent to one address (?to=), as JSON: what an entrant or a winner received.
  if (ctx.path === '/__fixture/mailbox' && ctx.method === 'GET') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(fixture.mailTo(ctx.query.to ?? ''));
    return;
  }
  // A merchant's site serves a page (JSON body: { url, body, type }), e.g. the feed a catalog fetches.
  if (ctx.path === '/__fixture/merchant-site' && ctx.method === 'POST') {
    fixture.serveOnMerchantSite(await new Response(Readable.toWeb(ctx.req)).json());
    ctx.status = 204;
    return;
  }
  // A store page at another address sends the demo gallery's events (JSON body: { origin }), as a
  // browser there would; answers the app's status (403 while the origin is not allowed).
  if (ctx.path === '/__fixture/events-from' && ctx.method === 'POST') {
    const { origin } = await new Response(Readable.toWeb(ctx.req)).json();
    ctx.status = await fixture.sendEventsFrom(origin);
    return;
  }
  if (BUILT_WIDGET.test(ctx.path)) {
    if (!existsSync(`dist/public${ctx.path}`)) throw new Error(`dist/public${ctx.path} is missing: run \`npm run build\` before \`npx wtr\``);
    ctx.url = `/dist/public${ctx.path}`;
    return next();
  }
  if (!API_PREFIXES.some((prefix) => ctx.path.startsWith(prefix))) return next();
  const hasBody = ctx.method !== 'GET' && ctx.method !== 'HEAD';
  const request = new Request(new URL(ctx.url, ctx.origin), {
    method: ctx.method,
    headers: Object.entries(ctx.headers).flatMap(([name, value]) =>
      value === undefined ? [] : [[name, Array.isArray(value) ? value.join(', ') : value]],
    ),
    ...(hasBody ? { body: Readable.toWeb(ctx.req), duplex: 'half' } : {}),
  });
  const response = await fixture.fetch(request);
  ctx.status = response.status;
  response.headers.forEach((value, name) => {
    // Koa sets the length of the body it is given.
    if (name !== 'content-length') ctx.set(name, value);
  });
  ctx.body = Buffer.from(await response.arrayBuffer());
}

/**
 * Libraries such as nanostores read `process.env.NODE_ENV`, which bundlers (Vite for the build)
 * replace at build time; the test server does the same, with the development value.
 */
const nodeEnv = {
  name: 'vitrine:node-env',
  transform(context) {
    if (context.response.is('js') && typeof context.body === 'string' && context.body.includes('process.env.NODE_ENV')) {
      return { body: context.body.replaceAll('process.env.NODE_ENV', '"development"') };
    }
  },
};

/**
 * The gallery imports the lightbox and each language's strings by their built paths
 * (vite.config.ts, `chunkPaths`); here those paths are the sources, which this server compiles
 * like any other file.
 */
const CHUNK_PATHS = {
  // Relative to the loader's URL, which tests of loader/tracking-commands.ts give as the origin's root.
  '/__vitrine/purchase-chunk.js': "export default 'widget/tracking/purchase.ts';",
  // Relative to widget/gallery/gallery.ts, which imports it.
  '/__vitrine/lightbox-chunk.js': "export default '../lightbox/lightbox.ts';",
  // Relative to widget/i18n/load.ts.
  '/__vitrine/locale-chunks.js': `export default {${CHUNKED_LOCALES.map((language) => `${language}: './${language}.ts'`).join(', ')}};`,
};
const chunkPaths = {
  name: 'vitrine:chunk-paths',
  resolveImport: ({ source }) => (source.startsWith('virtual:vitrine/') ? `/__vitrine/${source.slice('virtual:vitrine/'.length)}.js` : undefined),
  serve: (context) => (CHUNK_PATHS[context.path] ? { body: CHUNK_PATHS[context.path], type: 'js' } : undefined),
};

export default {
  files: ['widget/**/*.test.ts', 'panel/**/*.test.tsx'],
  nodeResolve: true,
  middleware: [fixtureApi],
  // Mocha's 2 s default fails an axe audit or a first render on a loaded 2-core machine (CI runs
  // there); a test that truly hangs still fails, ten seconds later.
  testFramework: { config: { timeout: 10_000 } },
  // Tests run Lit's development build on purpose (it warns about misuse); its banner is noise.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  // The tsconfig carries useDefineForClassFields: false, which Lit's reactive properties need,
  // and the panel's JSX settings (react-jsx with jsxImportSource: preact).
  plugins: [esbuildPlugin({ ts: true, tsx: true, target: 'es2021', tsconfig: 'tsconfig.json' }), nodeEnv, chunkPaths],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS },
      // A context (cookie jar) per page: panel test files running side by side each sign in,
      // and one file's session cookie must not replace another's.
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
    }),
  ],
};
