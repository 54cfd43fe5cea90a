// Component tests of the widget in the system Chromium, against the real API: the server's
// fixture app (Hono on an in-memory libSQL database seeded with the demo data) answers /v1/
// and /media/ on the test server's own origin, so tests pass `location.origin` as the API origin.
import { Readable } from 'node:stream';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { tsImport } from 'tsx/esm/api';

const API_PREFIXES = ['/v1/', '/media/'];

const { createFixtureApp } = await tsImport('./server/testing/fixture-app.ts', import.meta.url);
// The same system Chromium and flags as the e2e journeys.
const { CHROMIUM_ARGS, CHROMIUM_PATH } = await tsImport('./e2e/chromium.ts', import.meta.url);
const fixture = await createFixtureApp();

/** Seed facts the tests assert against, e.g. which post ids are public. */
const fixtureFacts = JSON.stringify({
  galleryId: fixture.galleryId,
  publicPostIds: fixture.publicPostIds,
  nonPublicPostIds: fixture.nonPublicPostIds,
});

/** Hands a Koa request to the fixture app's fetch handler and writes its Response back. */
async function fixtureApi(ctx, next) {
  if (ctx.path === '/__fixture.json') {
    ctx.type = 'application/json';
    ctx.body = fixtureFacts;
    return;
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

export default {
  files: 'widget/**/*.test.ts',
  nodeResolve: true,
  middleware: [fixtureApi],
  // Tests run Lit's development build on purpose (it warns about misuse); its banner is noise.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  // The tsconfig carries useDefineForClassFields: false, which Lit's reactive properties need.
  plugins: [esbuildPlugin({ ts: true, target: 'es2021', tsconfig: 'tsconfig.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS },
    }),
  ],
};
