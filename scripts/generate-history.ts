/**
 * Fills a workspace with a tracking history for the reports:
 *
 *   tsx scripts/generate-history.ts [--db file:./data/vitrine.db] [--workspace ws_demo]
 *     [--days 90] [--events 1000000] [--holdout 0.1] [--confirmed 0.8] [--seed 1]
 *
 * The workspace needs a gallery, approved posts and priced products (the demo seed has them).
 * With --holdout, the workspace's holdout share is set first. --confirmed is the share of
 * purchases the shop's server then confirms (`POST /v1/orders`), the rest staying browser-reported.
 */
import { createClient } from '@libsql/client';
import { eq } from 'drizzle-orm';
import { parseArgs } from 'node:util';
import { libsqlDb } from '../server/db/libsql.ts';
import { workspaces } from '../server/db/schema.ts';
import { generateHistory } from '../server/dev/seed/tracking-history.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'file:./data/vitrine.db' },
    workspace: { type: 'string', default: 'ws_demo' },
    days: { type: 'string', default: '90' },
    events: { type: 'string', default: '1000000' },
    holdout: { type: 'string' },
    confirmed: { type: 'string', default: '0.8' },
    seed: { type: 'string', default: '1' },
  },
});
const client = createClient({ url: values.db! });
if (values.db!.startsWith('file:')) await client.execute('PRAGMA journal_mode=WAL');
const db = libsqlDb(client);
if (values.holdout !== undefined) {
  const [ws] = await db.select({ settings: workspaces.settings }).from(workspaces).where(eq(workspaces.id, values.workspace!));
  if (!ws) throw new Error(`no workspace ${values.workspace}`);
  await db.update(workspaces).set({ settings: { ...ws.settings, holdoutShare: Number(values.holdout) } }).where(eq(workspaces.id, values.workspace!));
}
const confirmedShare = Number(values.confirmed);
if (!(confirmedShare >= 0 && confirmedShare <= 1)) throw new Error(`--confirmed: ${values.confirmed} is not a share between 0 and 1`);
const started = performance.now();
const report = await generateHistory(db, {
  workspaceId: values.workspace!,
  days: Number(values.days),
  events: Number(values.events),
  endAt: Date.now(),
  seed: Number(values.seed),
  confirmedShare,
  onDay: (day, written) => process.stderr.write(`\rday ${day + 1}: ${written} events`),
});
process.stderr.write('\n');
console.log(JSON.stringify({ ...report, seconds: Number(((performance.now() - started) / 1000).toFixed(1)) }));
