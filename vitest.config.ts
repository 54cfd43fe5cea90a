import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { testClockStart } from './server/dev/testing/clock.ts';

const path = (p: string) => fileURLToPath(new URL(p, import.meta.url));
/** Where every harness clock starts (server/dev/testing/clock-setup.ts hands it to each test file). */
const provide = { testClockStart: testClockStart(process.env.VITRINE_TEST_CLOCK_START) };
/**
 * API tests do real work (a database, image re-hosting, workerd) on two shared cores, next to
 * the browser suite in CI: a loaded machine must not fail them. Speed is bench/'s to measure.
 */
const testTimeout = 30_000;

/**
 * Two projects, one API suite. `*.api.test.ts` files import the `#harness` alias, which is a
 * libSQL-backed app on Node and a D1/R2-backed app inside workerd, so the same assertions run
 * on both runtimes. `*.workers.test.ts` run only in workerd (the Worker entry itself). Other
 * `*.test.ts` files under server/, shared/ and bench/ are Node-only unit tests; widget/ and panel/ tests run in Chromium through @web/test-runner instead.
 */
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: { '#harness': path('./server/dev/testing/harness.node.ts') } },
        test: {
          name: 'node',
          // Each file in a process of its own cost more than the tests themselves (122 s against
          // 43 s): the files share their workers' modules instead. No test mocks a module, stubs
          // a global or the environment, and every harness is built fresh by its file.
          isolate: false,
          include: ['server/**/*.test.ts', 'shared/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['server/**/*.workers.test.ts'],
          environment: 'node',
          setupFiles: ['./server/dev/testing/clock-setup.ts'],
          provide,
          testTimeout,
          hookTimeout: testTimeout,
        },
      },
      {
        resolve: { alias: { '#harness': path('./server/dev/testing/harness.workers.ts') } },
        plugins: [
          cloudflareTest(async () => ({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: {
                TEST_MIGRATIONS: await readD1Migrations(path('./drizzle')),
                VITRINE_SECRET: 'test-secret',
                VITRINE_VERSION: 'test',
              },
            },
          })),
        ],
        test: {
          name: 'workers',
          // A workerd per test file cost about 3.5 s each (a runtime, then the app's 600 modules
          // fetched one by one): the files run in turn in one runtime instead, and
          // workers-setup.ts gives each an empty, freshly migrated D1 and R2.
          isolate: false,
          include: ['server/**/*.api.test.ts', 'server/**/*.workers.test.ts'],
          setupFiles: ['./server/dev/testing/workers-setup.ts', './server/dev/testing/clock-setup.ts'],
          provide,
          testTimeout,
          hookTimeout: testTimeout,
        },
      },
    ],
  },
});
