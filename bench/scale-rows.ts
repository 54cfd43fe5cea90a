/**
 * D1 queries, rows read and rows written per request, counted by local D1 (wrangler's platform
 * proxy: the same SQLite row counters D1 bills by) for the requests docs/SCALE.md prices: a
 * gallery answer (built, then from memory), a media file, event batches (impressions, a mixed
 * batch, the same batch replayed, one without consent); then a mix of 1,000 and 10,000 batches
 * stored one per statement group (the Worker today) and 100 per group (a Queues consumer), with
 * the bytes the database grew by. The demo workspace is seeded with placeholder renditions into
 * a throw-away local state. Prints one JSON object; `--trace` prints each statement's counts.
 *
 *   tsx bench/scale-rows.ts
 *   tsx bench/scale-rows.ts --quick                          without the slow one-batch-per-request run
 *   tsx bench/scale-rows.ts --copies 400 --events 1000000   the demo's posts copied 400 times over
 *                                                           (their media too), a million events more
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { D1Database, D1PreparedStatement, D1Result } from '@cloudflare/workers-types/index.ts';
import { getPlatformProxy } from 'wrangler';
import { eq, notLike } from 'drizzle-orm';
import { createApp } from '../server/app.ts';
import { d1Db } from '../server/db/d1.ts';
import { mediaVariants, posts as postsTable } from '../server/db/schema.ts';
import type { AppDeps } from '../server/deps.ts';
import type { WorkerEnv } from '../server/entry/worker-deps.ts';
import { r2MediaStore } from '../server/media/r2.ts';
import { runBatch } from '../server/db/client.ts';
import { ingestStatements } from '../server/domain/tracking/ingest.ts';
import { trackingSettings } from '../server/domain/tracking/settings.ts';
import type { EventBatch } from '../shared/schemas/events.ts';
import { DEMO_GALLERY_ID, DEMO_WORKSPACE } from '../server/dev/seed/demo-content.ts';
import { seedDemo } from '../server/dev/seed/seed-demo.ts';
import { placeholderVariantMaker } from '../server/dev/testing/placeholder-variants.ts';

interface Tally {
  queries: number;
  rowsRead: number;
  rowsWritten: number;
}

const tally: Tally = { queries: 0, rowsRead: 0, rowsWritten: 0 };
const trace = process.argv.includes('--trace');
/** The database's size after the last statement counted (D1's meta.size_after). */
let lastSize = 0;
const add = (results: D1Result[], queries: string[] = []) => {
  for (const [i, r] of results.entries()) {
    if (r.meta.size_after) lastSize = r.meta.size_after;
    if (trace) console.error(r.meta.rows_read, r.meta.rows_written, (queries[i] ?? '').replace(/\s+/g, ' ').slice(0, 160));
    tally.queries += 1;
    tally.rowsRead += r.meta.rows_read ?? 0;
    tally.rowsWritten += r.meta.rows_written ?? 0;
  }
};

/**
 * The binding, counting what every statement's meta says. Drizzle reads selects with `raw()`,
 * whose answer has no meta: a select is then run once more with `all()` for its counts (reads
 * change nothing); statements are only ever run once where they write.
 */
function counting(db: D1Database): D1Database {
  const wrap = (stmt: D1PreparedStatement, query: string): D1PreparedStatement =>
    new Proxy(stmt, {
      get(target, key) {
        if (key === 'query') return query;
        if (key === 'bind') return (...values: unknown[]) => wrap(target.bind(...values), query);
        if (key === 'all' || key === 'run') return async () => { const r = await target[key](); add([r as D1Result], [query]); return r; };
        if (key === 'first') return async (...a: []) => { add([await target.all()], [query]); return target.first(...a); };
        if (key === 'raw')
          return async (...a: []) => {
            if (/^\s*(select|with)\b/i.test(query)) add([await target.all()], [query]);
            else tally.queries += 1;
            return target.raw(...a);
          };
        const value = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  return new Proxy(db, {
    get(target, key) {
      if (key === 'prepare') return (query: string) => wrap(target.prepare(query), query);
      if (key === 'batch')
        return async (stmts: D1PreparedStatement[]) => {
          // D1's batch takes its own statements: unwrap the proxies.
          const results = await target.batch(stmts.map((s) => (s as unknown as { valueOf(): D1PreparedStatement }).valueOf()));
          add(results as D1Result[], stmts.map((s) => (s as unknown as { query?: string }).query ?? 'batched'));
          return results;
        };
      const value = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as D1Database;
}

const state = mkdtempSync(join(tmpdir(), 'vitrine-scale-'));
const proxy = await getPlatformProxy<WorkerEnv>({ configPath: 'wrangler.toml', persist: { path: state } });
try {
  for (const file of readdirSync('drizzle').filter((f) => f.endsWith('.sql')).sort()) {
    for (const statement of readFileSync(join('drizzle', file), 'utf8').split('--> statement-breakpoint')) {
      if (statement.trim()) await proxy.env.DB.prepare(statement).run();
    }
  }
  const now = Date.now();
  // The Worker's dependencies (worker-deps.ts) over the counting binding; nothing here calls out.
  const refuse = () => Promise.reject(new Error('no outbound requests while counting rows'));
  const deps = {
    db: d1Db(counting(proxy.env.DB)),
    media: r2MediaStore(proxy.env.MEDIA),
    clock: { now: () => Date.now() },
    config: { publicUrl: 'https://vitrine.example', version: 'scale-rows' },
    secrets: { appSecret: 'scale-rows-secret-0123456789abcdef', instagramAppSecret: null, instagramVerifyToken: null, setupToken: null },
    clientIp: () => '203.0.113.9',
    instagram: { graph: {} as AppDeps['instagram']['graph'], download: refuse },
    variants: placeholderVariantMaker,
    outbound: refuse,
  } as unknown as AppDeps;
  await seedDemo({ db: d1Db(proxy.env.DB), media: r2MediaStore(proxy.env.MEDIA), variants: placeholderVariantMaker, now, ownerPassword: 'scale-rows-owner-password' });
  const grow = Number(argValue('--copies') ?? 0);
  if (grow > 0) await enlarge(proxy.env.DB, grow, Number(argValue('--events') ?? 0));
  // Every request reads the content version (no 250 ms window shared between requests here).
  const app = createApp(deps, { answerCache: { freshnessWindowMs: 0 } });

  const figures: Record<string, Tally & { status: number }> = {};
  const measure = async (name: string, path: string, init?: RequestInit) => {
    Object.assign(tally, { queries: 0, rowsRead: 0, rowsWritten: 0 });
    const res = await app.request(`https://vitrine.example${path}`, init);
    await res.arrayBuffer();
    figures[name] = { ...tally, status: res.status };
  };

  await measure('gallery_miss', `/v1/galleries/${DEMO_GALLERY_ID}/posts`);
  await measure('gallery_hit', `/v1/galleries/${DEMO_GALLERY_ID}/posts`);
  await measure('gallery_html_miss', `/v1/galleries/${DEMO_GALLERY_ID}/posts.html`);

  const [variant] = await d1Db(proxy.env.DB).select({ key: mediaVariants.storageKey }).from(mediaVariants).where(eq(mediaVariants.role, 'display')).limit(1);
  await measure('media_file', `/media/${variant!.key}`);

  const headers = { 'content-type': 'text/plain;charset=UTF-8', origin: 'https://vitrine.example', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0 Safari/537.36' };
  let n = 0;
  const id = () => `evt_scale_${(++n).toString(36).padStart(6, '0')}`;
  const posts = (await d1Db(proxy.env.DB).select({ id: postsTable.id }).from(postsTable).where(notLike(postsTable.id, '%#%')).limit(12)).map((p) => p.id);
  const batch = (events: object[], visitor = 'visitor_scale_01') => JSON.stringify({ v: 1, workspaceId: DEMO_WORKSPACE.id, visitorId: visitor, sessionId: `s_${visitor}`, consent: 'granted', events });
  const impressions = Array.from({ length: 10 }, () => ({ id: id(), type: 'view_item_list', at: now, galleryId: DEMO_GALLERY_ID, postIds: posts }));
  await measure('events_10_impressions_first', '/v1/events', { method: 'POST', headers, body: batch(impressions) });
  const again = Array.from({ length: 10 }, () => ({ id: id(), type: 'view_item_list', at: now, galleryId: DEMO_GALLERY_ID, postIds: posts }));
  await measure('events_10_impressions_same_visitor', '/v1/events', { method: 'POST', headers, body: batch(again) });
  const one = [{ id: id(), type: 'view_item_list', at: now, galleryId: DEMO_GALLERY_ID, postIds: posts }];
  await measure('events_1_impression_new_visitor', '/v1/events', { method: 'POST', headers, body: batch(one, 'visitor_scale_02') });
  const mixedBody = batch([
    { id: id(), type: 'view_item_list', at: now, galleryId: DEMO_GALLERY_ID, postIds: posts },
    { id: id(), type: 'select_content', at: now, galleryId: DEMO_GALLERY_ID, postId: posts[0] },
    { id: id(), type: 'select_item', at: now, galleryId: DEMO_GALLERY_ID, postId: posts[0], productId: 'prod_demo1' },
  ], 'visitor_scale_03');
  await measure('events_3_mixed_new_visitor', '/v1/events', { method: 'POST', headers, body: mixedBody });
  await measure('events_3_mixed_replayed', '/v1/events', { method: 'POST', headers, body: mixedBody });
  const anonymous = JSON.stringify({ v: 1, workspaceId: DEMO_WORKSPACE.id, consent: 'denied', events: Array.from({ length: 10 }, () => ({ id: id(), type: 'view_item_list', at: now, galleryId: DEMO_GALLERY_ID, postIds: posts })) });
  await measure('events_10_impressions_no_consent', '/v1/events', { method: 'POST', headers, body: anonymous });

  // The same mix of batches stored one request at a time (the Worker today) and 100 to a
  // statement group (a Queues consumer handing its whole message batch to ingestStatements).
  const settings = (await trackingSettings(deps.db, DEMO_WORKSPACE.id))!;
  const mixed = (from: number, count: number) => Array.from({ length: count }, (_, k) => mixBatch(from + k, posts, now));
  const ingestFigures: Record<string, Tally & { events: number; batches: number; ms: number; bytes: number }> = {};
  const ingest = async (name: string, batches: EventBatch[], perStatementGroup: number) => {
    Object.assign(tally, { queries: 0, rowsRead: 0, rowsWritten: 0 });
    const before = lastSize;
    const start = performance.now();
    for (let at = 0; at < batches.length; at += perStatementGroup) {
      const entries = batches.slice(at, at + perStatementGroup).map((batch) => ({ settings, batch, now }));
      await runBatch(deps.db, await ingestStatements(deps.db, entries));
    }
    const events = batches.reduce((sum, b) => sum + b.events.length, 0);
    ingestFigures[name] = { ...tally, events, batches: batches.length, ms: Math.round(performance.now() - start), bytes: lastSize - before };
  };
  // Slow on local D1 (a round trip per batch): --quick leaves it out.
  if (!process.argv.includes('--quick')) await ingest('one_batch_per_request_x1000', mixed(0, 1000), 1);
  await ingest('consumer_100_batches_x1000', mixed(1000, 1000), 100);
  await ingest('consumer_100_batches_x10000', mixed(2000, 10_000), 100);
  // Without consent there are no visitor rows: what the events table itself (and the rollups) take.
  const anonymousMix = mixed(20_000, 10_000).map(({ visitorId: _v, sessionId: _s, ...rest }) => ({ ...rest, consent: 'denied' as const }));
  await ingest('consumer_100_batches_no_consent_x10000', anonymousMix, 100);

  console.log(JSON.stringify({ requests: figures, ingest: ingestFigures }, null, 1));
} finally {
  await proxy.dispose();
  rmSync(state, { recursive: true, force: true });
}

function argValue(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
}

/**
 * A bigger workspace: the demo's posts (with their media and renditions) copied `copies` times
 * under new ids, and `events` stored events, so the counts show what grows with the data.
 */
async function enlarge(db: D1Database, copies: number, events: number) {
  const columns = async (table: string) => ((await db.prepare(`select name from pragma_table_info('${table}')`).all<{ name: string }>()).results).map((c) => c.name);
  const copy = async (table: string, renamed: Record<string, string>) => {
    const names = await columns(table);
    const select = names.map((n) => renamed[n] ?? n).join(', ');
    await db.prepare(`insert into ${table} (${names.join(', ')}) with recursive k(n) as (select 1 union all select n + 1 from k where n < ${copies}) select ${select} from ${table} join k where ${table}.id not like '%#%'`).run();
  };
  await copy('posts', { id: "id || '#' || n", ig_media_id: "ig_media_id || '#' || n", published_at: 'published_at - n * 60000' });
  await copy('post_media', { id: "id || '#' || n", post_id: "post_id || '#' || n" });
  await copy('media_variants', { id: "id || '#' || n", media_id: "media_id || '#' || n", storage_key: "storage_key || '#' || n" });
  for (let done = 0; done < events; done += 100_000) {
    const count = Math.min(100_000, events - done);
    await db
      .prepare(`insert into events (workspace_id, id, type, visitor_id, session_id, holdout, gallery_id, post_id, product_id, occurred_at, received_at, payload, batch_id)
        with recursive k(n) as (select 1 union all select n + 1 from k where n < ${count})
        select 'ws_demo', 'old_' || (${done} + n), 'view_item_list', 'v_' || (n % 50000), 's_' || (n % 50000), 0, 'demo', null, null, ?1 - n * 1000, ?1 - n * 1000, null, 'old' from k`)
      .bind(Date.now())
      .run();
  }
}

/** A widget-like id: prefix and 26 characters of base 36, as widget/tracking/ids.ts makes them. */
function wid(prefix: string, n: number): string {
  return `${prefix}${n.toString(36).padStart(26, '0')}`;
}

/**
 * Batch `i` of the modelled mix (docs/SCALE.md): half an impression alone, 30 % impression and
 * open, 15 % impression, open and product click, 5 % an open alone (1.6 events a batch); 60 % with
 * consent, a consenting visitor sending 1.25 batches a day.
 */
function mixBatch(i: number, posts: string[], now: number): EventBatch {
  const shape = i % 20;
  const post = posts[i % posts.length]!;
  const id = (k: number) => wid('e_', i * 4 + k);
  const impression = { id: id(0), type: 'view_item_list' as const, at: now, galleryId: DEMO_GALLERY_ID, postIds: posts };
  const open = { id: id(1), type: 'select_content' as const, at: now, galleryId: DEMO_GALLERY_ID, postId: post };
  const click = { id: id(2), type: 'select_item' as const, at: now, galleryId: DEMO_GALLERY_ID, postId: post, productId: 'prod_demo1' };
  const events = shape < 10 ? [impression] : shape < 16 ? [impression, open] : shape < 19 ? [impression, open, click] : [open];
  const consent = i % 5 < 3;
  const visitor = wid('v_', Math.floor(i * 0.8));
  return consent ? { v: 1, workspaceId: DEMO_WORKSPACE.id, visitorId: visitor, sessionId: wid('s_', Math.floor(i * 0.8)), consent: 'granted', events } : { v: 1, workspaceId: DEMO_WORKSPACE.id, consent: 'denied', events };
}
