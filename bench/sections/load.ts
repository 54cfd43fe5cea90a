import autocannon, { type Request, type Result } from 'autocannon';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { DEMO_OWNER } from '../../server/dev/seed/demo-content.ts';
import { randomToken } from '../../server/security/tokens.ts';
import type { Section } from '../section.ts';
import { is, target } from '../targets.ts';
import { BENCH_SHOP } from '../tracking-app.ts';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const WARMUP_SECONDS = Number(process.env.LOAD_WARMUP_SECONDS ?? 10);
const STORES = 40;
const READERS = 40;
/** Event batches per second; LOAD_EVENTS_PER_S=0 leaves ingest out (to see what it costs the rest). */
const EVENTS_PER_S = Number(process.env.LOAD_EVENTS_PER_S ?? 200);
/** Moderation and tagging writes per second, spread over every store (each store's answers then miss the cache). */
const WRITES_PER_S = Number(process.env.LOAD_WRITES_PER_S ?? 10);
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

const rssMb = (pid: number) => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024);

/** Gallery pages as shoppers of many stores ask for them: sizes, the HTML page, product pages. */
function galleryPaths(): string[] {
  const paths: string[] = [];
  for (let s = 0; s < STORES; s++) {
    const gallery = s === 0 ? 'demo' : `s${s}_demo`;
    for (const query of ['posts?limit=12', 'posts?limit=6', 'posts?limit=24', 'posts.html?limit=12', 'posts?product=LUM-LAMP-01&inStock=true']) {
      paths.push(`/v1/galleries/${gallery}/${query}`);
    }
  }
  return paths;
}

/** How the answer cache answered (X-Vitrine-Cache): `miss` made the answer, `hit` and `shared` did not. */
type CacheCounts = Record<string, number>;

/** Each request picks its page at random, as shoppers on many stores would (not in lockstep); answers are counted by how the cache served them. */
function galleryReads(paths: string[], counts: CacheCounts): Request[] {
  let seed = 20261129;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % paths.length;
  return [
    {
      method: 'GET',
      setupRequest: (request) => ({ ...request, path: paths[next()]! }),
      onResponse: (_status, _body, _context, headers) => {
        const how = String(Object.entries(headers).find(([name]) => name.toLowerCase() === 'x-vitrine-cache')?.[1] ?? 'none');
        counts[how] = (counts[how] ?? 0) + 1;
      },
    },
  ];
}

/** Batches of 10 widget events from many visitors and addresses, each with fresh ids. */
function eventBatches(): Request[] {
  let n = 0;
  const types = ['view_item_list', 'select_content', 'select_item', 'add_to_cart'] as const;
  return [
    {
      method: 'POST',
      path: '/v1/events',
      setupRequest: (request) => {
        const i = n++;
        const visitorId = `v_load_${(i % 5000).toString(36).padStart(5, '0')}`;
        const events = types.flatMap((type, k) => [0, 1].map((j) => ({ id: `e_load_${i.toString(36)}_${k}${j}`, type, at: Date.now(), galleryId: 'demo', ...(type === 'view_item_list' ? {} : { postId: 'post_demo01' }), ...(type === 'select_item' || type === 'add_to_cart' ? { productId: 'prod_demo1' } : {}) })));
        events.push({ ...events[0]!, id: `e_load_${i.toString(36)}_x0` }, { ...events[1]!, id: `e_load_${i.toString(36)}_x1` });
        const body = JSON.stringify({ v: 1, workspaceId: 'ws_demo', visitorId, sessionId: `s_${visitorId}`, consent: 'granted', events });
        return { ...request, body, headers: { 'content-type': 'text/plain;charset=UTF-8', origin: BENCH_SHOP, 'user-agent': UA, 'x-bench-ip': `10.1.${(i >> 8) & 255}.${i & 255}` } };
      },
    },
  ];
}

/** Store `n`'s owner (load-server.ts clones one per store), signed in from an address of their own. */
async function signIn(base: string, password: string, store = 0) {
  const email = store === 0 ? DEMO_OWNER.email : `s${store}_${DEMO_OWNER.email}`;
  const res = await fetch(`${base}/admin/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base, 'sec-fetch-site': 'same-origin', 'x-bench-ip': `10.9.${store}.1` }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`sign-in: ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken, origin: base, 'sec-fetch-site': 'same-origin' };
}

/** A merchandiser in the panel: the inbox, a post, galleries, and moderation decisions. */
function panelSession(headers: Record<string, string>): Request[] {
  const json = { ...headers, 'content-type': 'application/json' };
  return [
    { method: 'GET', path: '/admin/posts?status=pending', headers },
    { method: 'GET', path: '/admin/posts/post_demo02', headers },
    { method: 'POST', path: '/admin/posts/moderation', headers: json, body: JSON.stringify({ ids: ['post_demo02'], status: 'hidden' }) },
    { method: 'GET', path: '/admin/galleries', headers },
    { method: 'POST', path: '/admin/posts/moderation', headers: json, body: JSON.stringify({ ids: ['post_demo02'], status: 'approved' }) },
    { method: 'GET', path: '/admin/posts?status=approved', headers },
  ];
}

/**
 * Merchandisers of every store at work: each write hides a public post, moves one of its product
 * tags, approves it again or moves the tag back, in a store picked at random (each store writes
 * every few seconds), so that store's cached gallery answers are stale from then on.
 */
function storeWrites(sessions: Record<string, string>[]): Request[] {
  let seed = 7;
  const steps = sessions.map(() => 0);
  return [
    {
      method: 'POST',
      setupRequest: (request) => {
        const store = (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % sessions.length;
        const p = store === 0 ? '' : `s${store}_`;
        const step = steps[store]!++ % 4;
        const headers = { ...sessions[store]!, 'content-type': 'application/json' };
        if (step % 2 === 1) {
          return { ...request, method: 'PATCH', path: `/admin/posts/${p}post_demo05/products/${p}tag_post_demo05_0`, headers, body: JSON.stringify({ x: step === 1 ? 0.25 : 0.7, y: 0.6 }) };
        }
        return { ...request, method: 'POST', path: '/admin/posts/moderation', headers, body: JSON.stringify({ ids: [`${p}post_demo05`], status: step === 0 ? 'hidden' : 'approved' }) };
      },
    },
  ];
}

/**
 * Issue 9's mixed load, 60 s on loopback against the real server in its own process: shoppers of
 * 40 stores reading galleries as fast as 40 connections go, widgets sending event batches, and a
 * merchandiser working in the panel (reads and moderation writes, which invalidate the demo
 * store's cached answers), and moderation and tagging writes in every store (issue 19: a
 * realistic share of gallery reads miss the answer cache; the share is reported). Memory is the
 * server's RSS at start, after warm-up and at the end.
 */
export const load: Section = async () => {
  const ownerPassword = randomToken(12);
  const server = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../load-server.ts', import.meta.url))], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, MALLOC_ARENA_MAX: '2', LOAD_STORES: String(STORES), LOAD_OWNER_PASSWORD: ownerPassword },
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      server.stdout.on('data', (d: Buffer) => {
        const match = /PORT (\d+)/.exec(String(d));
        if (match) resolve(Number(match[1]));
      });
      server.once('exit', (code) => reject(new Error(`load server exited with ${code}`)));
    });
    const base = `http://127.0.0.1:${port}`;
    const rssStart = rssMb(server.pid!);
    const panel = panelSession(await signIn(base, ownerPassword));
    const writers: Record<string, string>[] = [];
    for (let store = 0; store < STORES; store++) writers.push(await signIn(base, ownerPassword, store));
    const paths = galleryPaths();
    let counts: CacheCounts = {};
    const mix = (duration: number) =>
      Promise.all([
        autocannon({ url: base, connections: READERS, duration, requests: galleryReads(paths, (counts = {})) }),
        EVENTS_PER_S > 0 ? autocannon({ url: base, connections: 8, duration, overallRate: EVENTS_PER_S, requests: eventBatches() }) : Promise.resolve(null),
        autocannon({ url: base, connections: 1, duration, overallRate: 5, requests: panel }),
        WRITES_PER_S > 0 ? autocannon({ url: base, connections: 2, duration, overallRate: WRITES_PER_S, requests: storeWrites(writers) }) : Promise.resolve(null),
      ]);
    await mix(WARMUP_SECONDS);
    const rssWarm = rssMb(server.pid!);
    const [gallery, events, merch, writes] = await mix(SECONDS);
    const rssEnd = rssMb(server.pid!);
    const all: Result[] = [gallery, ...(events ? [events] : []), merch, ...(writes ? [writes] : [])];
    const total = all.reduce((n, r) => n + r.requests.total, 0);
    const answered = Object.values(counts).reduce((a, b) => a + b, 0);
    if (answered > 0 && (counts.none ?? 0) > 0) throw new Error(`gallery answers without an X-Vitrine-Cache header: ${JSON.stringify(counts)}`);
    return {
      results: {
        load_requests_per_s: Math.round(total / SECONDS),
        load_gallery_p50_ms: gallery.latency.p50,
        load_gallery_p99_ms: gallery.latency.p99,
        load_events_p99_ms: events?.latency.p99 ?? 0,
        load_panel_p99_ms: merch.latency.p99,
        load_writes_p99_ms: writes?.latency.p99 ?? 0,
        load_gallery_miss_pct: answered ? Number((((counts.miss ?? 0) / answered) * 100).toFixed(2)) : 0,
        load_gallery_misses: counts.miss ?? 0,
        load_p99_ms: Math.max(...all.map((r) => r.latency.p99)),
        load_errors_count: all.reduce((n, r) => n + r.errors + r.non2xx + r.timeouts, 0),
        load_event_batches: events?.requests.total ?? 0,
        load_panel_requests: merch.requests.total,
        load_store_writes: writes?.requests.total ?? 0,
        load_rss_start_mb: rssStart,
        load_rss_warm_mb: rssWarm,
        load_rss_end_mb: rssEnd,
        load_rss_growth_pct: Number((((rssEnd - rssWarm) / rssWarm) * 100).toFixed(1)),
      },
      targets: {
        load_requests_per_s: target(is('>=', 2000)),
        load_p99_ms: target(is('<', 50), 'the worst p99 of the four groups'),
        load_errors_count: target(is('=', 0)),
        load_rss_growth_pct: target(is('<=', 20)),
      },
      notes: [
        `Load: ${SECONDS} s after ${WARMUP_SECONDS} s of warm-up, on loopback, ${cpus().length} cores shared by server and load generator (autocannon in the bench process). Gallery reads: ${READERS} connections picking at random among ${paths.length} URLs of ${STORES} stores (JSON in three sizes, the HTML page, a product page); event batches of 10 at ${EVENTS_PER_S}/s from 5,000 visitors; one merchandiser at 5 requests/s (inbox, a post, galleries, hide and approve); ${WRITES_PER_S} writes/s over the ${STORES} stores' own owners (hide a post, move its product tag, approve it, move the tag back: each store about every ${WRITES_PER_S > 0 ? Math.round(STORES / WRITES_PER_S) : '∞'} s), each making that store's cached answers stale. \`load_gallery_miss_pct\`: the share of gallery reads the answer cache made afresh (X-Vitrine-Cache: miss; requests that joined one in flight count as served). load_p99_ms is the worst of the four groups' p99.`,
      ],
    };
  } finally {
    server.kill();
  }
};
