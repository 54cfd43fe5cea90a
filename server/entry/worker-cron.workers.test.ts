/**
 * The Worker's `scheduled()` handler, as Cron Triggers run it, inside workerd on D1 and R2: one
 * tick collects, re-hosts, delivers webhooks, refreshes feeds and purges old events, and reports
 * it in Node's words; overlapping ticks never do the same item twice.
 */
import { createHarness } from '#harness';
import { createScheduledController, env } from 'cloudflare:test';
import { and, eq, inArray } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { events, postMedia, posts, productFeeds, sources, webhookDeliveries } from '../db/schema.ts';
import { runDueCollection } from '../domain/collection/scheduler.ts';
import { admin, signIn, type AdminSession } from '../dev/testing/admin-client.ts';
import type { Harness } from '../dev/testing/harness.ts';
import merchantXml from '../domain/catalog/fixtures/merchant.xml?raw';
import type { WorkerEnv } from './worker-deps.ts';
import { workerEntry } from './worker.ts';
import { CRON_LIMITS } from './worker-cron.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let h: Harness;
let owner: AdminSession;
let connectionId: string;

beforeAll(async () => {
  h = await createHarness();
  owner = await signIn(h);
  const connection = await admin(h, owner, 'POST', '/instagram/connections', { igUserId: h.fake.account.igUserId, accessToken: h.fake.account.accessToken });
  expect(connection.status).toBe(201);
  connectionId = ((await connection.json()) as { id: string }).id;
});
afterEach(() => vi.restoreAllMocks());

/** The deployed handler, made with the harness's fakes instead of the real Instagram and merchant. */
const worker = () => workerEntry(() => h.deps);
const tick = (entry = worker()) => entry.scheduled(createScheduledController({ scheduledTime: h.clock.now(), cron: '* * * * *' }), env as unknown as WorkerEnv);

describe('one cron tick', () => {
  it('runs every step of the collection loop and logs it as the Node scheduler does', async () => {
    // Collection: a hashtag source with new posts.
    const source = await admin(h, owner, 'POST', '/sources', { connectionId, kind: 'hashtag', hashtag: '#CronTick' });
    expect(source.status).toBe(201);
    const published = h.fake.generate(3, { hashtag: 'crontick', spreadMs: HOUR });
    // Webhooks: one delivery waiting for the merchant's endpoint.
    const hook = await admin(h, owner, 'POST', '/webhooks', { url: 'https://merchant.example/hooks/cron', events: ['rights.granted'] });
    const endpointId = ((await hook.json()) as { id: string }).id;
    await h.db.insert(webhookDeliveries).values({ id: 'whd_cron', endpointId, event: 'rights.granted', payload: { id: 'whd_cron', event: 'rights.granted' }, status: 'pending', nextAttemptAt: h.clock.now(), createdAt: h.clock.now() });
    // Feed refresh: a feed fetched from the merchant's site, due at once.
    h.merchantSite.set('https://shop.example/cron-feed.xml', () => new Response(merchantXml));
    const feed = await admin(h, owner, 'POST', '/catalog/feeds', { name: 'Cron feed', format: 'merchant_xml', url: 'https://shop.example/cron-feed.xml', refreshHours: 6 });
    expect(feed.status).toBe(201);
    // Retention: one raw event far older than the workspace keeps.
    await h.db.insert(events).values({ workspaceId: 'ws_demo', id: 'evt_cron_old', type: 'impression', visitorId: 'v', sessionId: 's', occurredAt: h.clock.now() - 400 * DAY, receivedAt: h.clock.now() - 400 * DAY });

    const logged = vi.spyOn(console, 'log').mockImplementation(() => {});
    await tick();

    const collected = await h.db.select({ id: posts.id }).from(posts).where(inArray(posts.igMediaId, published.map((m) => m.id)));
    expect(collected).toHaveLength(3);
    // (A carousel has several media.)
    const media = await h.db.select({ status: postMedia.storeStatus }).from(postMedia).where(inArray(postMedia.postId, collected.map((p) => p.id)));
    expect(media.length).toBeGreaterThanOrEqual(3);
    expect(media.every((m) => m.status === 'stored')).toBe(true);
    expect(h.outbox.filter((s) => s.url === 'https://merchant.example/hooks/cron').map((s) => s.headers['x-vitrine-delivery'])).toEqual(['whd_cron']);
    const [refreshed] = await h.db.select({ lastError: productFeeds.lastError, nextRunAt: productFeeds.nextRunAt }).from(productFeeds).where(eq(productFeeds.url, 'https://shop.example/cron-feed.xml'));
    expect(refreshed).toEqual({ lastError: null, nextRunAt: h.clock.now() + 6 * HOUR });
    expect(await h.db.select().from(events).where(eq(events.id, 'evt_cron_old'))).toEqual([]);
    expect(logged.mock.calls.map((c) => c[0])).toEqual([`Collected 3 new posts, re-hosted ${media.length} media, delivered 1 webhook, refreshed 1 product feed, purged 1 event past retention.`]);
  });

  it('logs a failing source as a warning, and no other line when nothing was done', async () => {
    await h.db.update(sources).set({ enabled: false });
    const broken = await admin(h, owner, 'POST', '/sources', { connectionId, kind: 'hashtag', hashtag: '#CronBroken' });
    const sourceId = ((await broken.json()) as { id: string }).id;
    h.fake.failNext(1, 'permission');
    const logged = vi.spyOn(console, 'log').mockImplementation(() => {});
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await tick();
    expect(logged.mock.calls).toEqual([]);
    expect(warned.mock.calls.map((c) => c[0])).toEqual([expect.stringMatching(new RegExp(`^Source ${sourceId}: .+`))]);
    await h.db.update(sources).set({ enabled: false });
  });
});

describe('ticks every minute', () => {
  it('re-host 30 media a tick, so 1,800 an hour, and two overlapping ticks never take the same media', async () => {
    expect(CRON_LIMITS.media * 60).toBeGreaterThanOrEqual(1_800);
    const published = h.fake.generate(30, { hashtag: 'overlap', spreadMs: HOUR });
    expect((await admin(h, owner, 'POST', '/sources', { connectionId, kind: 'hashtag', hashtag: '#Overlap' })).status).toBe(201);
    // Collected without re-hosting, so that its media (more than 30: carousels) wait for the ticks below.
    await runDueCollection({ ...h.deps, appSecret: h.deps.secrets.appSecret }, h.clock.now(), { sources: 5, media: 0 });
    const ids = (await h.db.select({ id: posts.id }).from(posts).where(inArray(posts.igMediaId, published.map((m) => m.id)))).map((p) => p.id);
    expect(ids).toHaveLength(30);
    const waiting = await h.db.select({ id: postMedia.id }).from(postMedia).where(and(inArray(postMedia.postId, ids), eq(postMedia.storeStatus, 'pending')));
    expect(waiting.length).toBeGreaterThan(CRON_LIMITS.media);
    expect(waiting.length).toBeLessThanOrEqual(2 * CRON_LIMITS.media);

    const downloads: string[] = [];
    const { instagram } = h.deps;
    const counting = { ...h.deps, instagram: { ...instagram, download: (request: Request, limits?: Parameters<typeof instagram.download>[1]) => (downloads.push(request.url), instagram.download(request, limits)) } };
    vi.spyOn(console, 'log').mockImplementation(() => {});
    // Two ticks at once, as when a step runs past its minute: each claims its own 30 at most, so
    // between them they store every media, and no file is downloaded twice (a video's media has two).
    const entry = workerEntry(() => counting);
    await Promise.all([tick(entry), tick(entry)]);
    expect(downloads.length).toBeGreaterThan(CRON_LIMITS.media);
    expect(new Set(downloads).size).toBe(downloads.length);
    const stored = await h.db.select({ status: postMedia.storeStatus }).from(postMedia).where(inArray(postMedia.id, waiting.map((m) => m.id)));
    expect(stored.map((m) => m.status)).toEqual(Array(waiting.length).fill('stored'));
  });
});
