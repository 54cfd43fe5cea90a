/**
 * Report latency: the overview and top-posts endpoints through the real app in-process (session,
 * CSRF, role guard), p50/p95 over repeated requests, with a 90-day history of 100k events and
 * then of 1M events in the workspace. Prints one JSON line.
 *
 *   tsx bench/tracking-reports.ts 100000 1000000
 */
import { DEMO_OWNER } from '../server/dev/seed/demo-content.ts';
import { generateHistory } from '../server/dev/seed/tracking-history.ts';
import { admin, signIn } from '../server/dev/testing/admin-client.ts';
import type { Harness } from '../server/dev/testing/harness.ts';
import { randomToken } from '../server/security/tokens.ts';
import { latency } from './latency.ts';
import { trackingBenchApp } from './tracking-app.ts';

const sizes = process.argv.slice(2).map(Number);
const ROUNDS = 100;
// The demo owner signs in with the password this run seeded (the harness's owner, made here).
const password = randomToken();
const { app, db } = await trackingBenchApp({ holdoutShare: 0.1 }, password);
const h = { app, owner: { email: DEMO_OWNER.email, password } } as Harness;
const owner = await signIn(h);
const endAt = Date.now();

const timed = (path: string) => latency(() => admin(h, owner, 'GET', path), ROUNDS, 5);

const out: Record<string, unknown> = {};
let written = 0;
for (const [i, size] of sizes.entries()) {
  const t = performance.now();
  const report = await generateHistory(db, { workspaceId: 'ws_demo', days: 90, events: size - written, endAt, seed: i + 1 });
  written += report.events;
  const generateSeconds = (performance.now() - t) / 1000;
  out[size] = {
    events: written,
    generateEventsPerSecond: Math.round(report.events / generateSeconds),
    overview: await timed('/reports/overview'),
    overview90: await timed(`/reports/overview?from=${new Date(endAt - 89 * 86_400_000).toISOString().slice(0, 10)}`),
    top: await timed('/reports/top?dimension=post&limit=10'),
  };
  process.stderr.write(`${JSON.stringify(out[size])}\n`);
}
console.log(JSON.stringify(out));
