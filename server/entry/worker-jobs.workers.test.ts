/**
 * Collection fanned out through the JOBS queue, inside workerd on D1 and R2: the cron tick only
 * claims and sends one job per due source and per 10 media; the Worker's `queue()` consumer runs
 * them. A job delivered again, whole or twice in one delivery, calls Instagram for nothing,
 * downloads nothing and leaves every table as it was.
 */
import { createHarness } from '#harness';
import { createExecutionContext, createMessageBatch, createScheduledController, env, getQueueResult } from 'cloudflare:test';
import { eq, inArray } from 'drizzle-orm';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MessageBatch } from '@cloudflare/workers-types/index.ts';
import { postMedia, posts, sources } from '../db/schema.ts';
import { runDueCollection } from '../domain/collection/scheduler.ts';
import type { AppDeps, CollectionJob, JobQueue } from '../deps.ts';
import { admin, signIn, type AdminSession } from '../dev/testing/admin-client.ts';
import { tableDigests } from '../dev/testing/db-digest.ts';
import type { Harness } from '../dev/testing/harness.ts';
import type { WorkerEnv } from './worker-deps.ts';
import { workerEntry } from './worker.ts';
import { JOBS_QUEUE } from './worker-jobs.ts';
import { QUEUE_LIMITS } from './worker-cron.ts';

const HOUR = 3_600_000;
const workerEnv = env as unknown as WorkerEnv;
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
beforeEach(async () => {
  // Each test starts with no source due and no media waiting.
  await h.db.update(sources).set({ enabled: false });
  await h.db.update(postMedia).set({ storeStatus: 'failed' }).where(eq(postMedia.storeStatus, 'pending'));
});
afterEach(() => vi.restoreAllMocks());

/** The Graph API calls the fake received (its CDN's downloads are counted apart). */
const graphCalls = () => h.fake.requests.filter((r) => !r.path.startsWith('/cdn/')).length;

/** The deployed handlers on the harness's fakes, sending jobs to `jobs`, counting each download. */
function worker(jobs: JobQueue | null) {
  const downloads: string[] = [];
  const { instagram } = h.deps;
  const deps: AppDeps = { ...h.deps, jobQueue: jobs, instagram: { ...instagram, download: (request, limits) => (downloads.push(request.url), instagram.download(request, limits)) } };
  return { entry: workerEntry(() => deps), downloads };
}

/** A job queue that keeps what the tick sent. */
function recordingQueue() {
  const sent: CollectionJob[] = [];
  return { sent, queue: { send: async (jobs) => void sent.push(...structuredClone(jobs)) } satisfies JobQueue };
}

const tick = (entry: ReturnType<typeof workerEntry>) => entry.scheduled(createScheduledController({ scheduledTime: h.clock.now(), cron: '* * * * *' }), workerEnv);

let delivery = 0;
/** Delivers jobs to the Worker's consumer as Cloudflare Queues would; answers which were acked and which retried. */
async function deliver(entry: ReturnType<typeof workerEntry>, bodies: unknown[]) {
  const n = ++delivery;
  const batch = createMessageBatch(JOBS_QUEUE, bodies.map((body, i) => ({ id: `job_${n}_${i}`, timestamp: new Date(h.clock.now()), attempts: 1, body })));
  await entry.queue(batch as unknown as MessageBatch<unknown>, workerEnv);
  const result = await getQueueResult(batch, createExecutionContext());
  return { acked: result.explicitAcks, retried: result.retryMessages.map((r: { msgId: string }) => r.msgId) };
}

async function hashtagSource(tag: string, count: number) {
  const published = h.fake.generate(count, { hashtag: tag.toLowerCase(), spreadMs: HOUR });
  const res = await admin(h, owner, 'POST', '/sources', { connectionId, kind: 'hashtag', hashtag: `#${tag}` });
  expect(res.status).toBe(201);
  return { id: ((await res.json()) as { id: string }).id, published };
}

const collectedMedia = async (igMediaIds: string[]) => {
  const ids = (await h.db.select({ id: posts.id }).from(posts).where(inArray(posts.igMediaId, igMediaIds))).map((p) => p.id);
  return ids.length === 0 ? [] : h.db.select({ id: postMedia.id, status: postMedia.storeStatus }).from(postMedia).where(inArray(postMedia.postId, ids));
};

describe('the tick with the JOBS binding', () => {
  it('claims and sends one job per due source, calls no Instagram itself, and logs what it queued', async () => {
    const a = await hashtagSource('JobsAlpha', 3);
    const b = await hashtagSource('JobsBeta', 2);
    const { sent, queue } = recordingQueue();
    const { entry, downloads } = worker(queue);
    const before = graphCalls();
    const logged = vi.spyOn(console, 'log').mockImplementation(() => {});
    await tick(entry);
    expect(sent.map((j) => j.kind === 'source' && j.sourceId)).toEqual([a.id, b.id].sort());
    expect(graphCalls()).toBe(before);
    expect(downloads).toEqual([]);
    expect(logged.mock.calls.map((c) => c[0])).toEqual(['Queued 2 collection jobs.']);
    // Claimed: the next tick, while the jobs wait on the queue, sends neither again.
    const again = recordingQueue();
    await tick(worker(again.queue).entry);
    expect(again.sent).toEqual([]);
  });

  it('sends media to re-host 10 to a job, up to its limit; the consumer stores them', async () => {
    const { published } = await hashtagSource('JobsMedia', 12);
    // Collected without re-hosting, so that the tick below finds the media waiting.
    await runDueCollection({ ...h.deps, appSecret: h.deps.secrets.appSecret }, h.clock.now(), { sources: 5, media: 0 });
    const waiting = (await collectedMedia(published.map((m) => m.id))).filter((m) => m.status === 'pending');
    expect(waiting.length).toBeGreaterThan(10);
    expect(waiting.length).toBeLessThan(QUEUE_LIMITS.media);

    const { sent, queue } = recordingQueue();
    const { entry, downloads } = worker(queue);
    vi.spyOn(console, 'log').mockImplementation(() => {});
    await tick(entry);
    const jobs = sent.filter((j): j is Extract<CollectionJob, { kind: 'rehost' }> => j.kind === 'rehost');
    expect(jobs.map((j) => j.mediaIds.length)).toEqual([...Array(Math.floor(waiting.length / 10)).fill(10), ...(waiting.length % 10 ? [waiting.length % 10] : [])]);
    expect(jobs.flatMap((j) => j.mediaIds).sort()).toEqual(waiting.map((m) => m.id).sort());
    expect(downloads).toEqual([]);

    h.clock.advance(5_000);
    expect(await deliver(entry, jobs)).toMatchObject({ retried: [] });
    const after = await h.db.select({ status: postMedia.storeStatus }).from(postMedia).where(inArray(postMedia.id, waiting.map((m) => m.id)));
    expect(after.map((m) => m.status)).toEqual(Array(waiting.length).fill('stored'));
    expect(new Set(downloads).size).toBe(downloads.length);
  });
});

describe('the consumer: queue() on the job queue', () => {
  it('collects and re-hosts through the queue as a step does; a delivery again, or a job twice in one, calls Instagram for nothing and changes no table', async () => {
    const { id, published } = await hashtagSource('JobsTwice', 4);
    const { sent, queue } = recordingQueue();
    const { entry, downloads } = worker(queue);
    vi.spyOn(console, 'log').mockImplementation(() => {});
    await tick(entry);
    expect(sent).toEqual([{ v: 1, kind: 'source', sourceId: id, lease: expect.any(Number) }]);

    // The source's job: one run, as the tick would have made it.
    const calls = graphCalls();
    expect(await deliver(entry, sent)).toEqual({ acked: [`job_${delivery}_0`], retried: [] });
    const runCalls = graphCalls() - calls;
    expect(runCalls).toBeGreaterThanOrEqual(3); // the hashtag's id, recent_media, top_media
    expect(await collectedMedia(published.map((m) => m.id))).not.toEqual([]);
    const [ran] = await h.db.select().from(sources).where(eq(sources.id, id));
    expect(ran!.lastRunCreated).toBe(4);

    // The next tick sends its media; delivered, they are stored.
    const media = recordingQueue();
    await tick(worker(media.queue).entry);
    expect(media.sent.every((j) => j.kind === 'rehost')).toBe(true);
    expect((await deliver(entry, media.sent)).retried).toEqual([]);
    expect((await collectedMedia(published.map((m) => m.id))).some((m) => m.status === 'pending')).toBe(false);

    // Every job delivered again (its acknowledgement lost), then each twice in one delivery.
    const stored = await tableDigests(h.db);
    const [callsBefore, downloadsBefore] = [graphCalls(), downloads.length];
    h.clock.advance(60_000);
    const all = [...sent, ...media.sent];
    expect((await deliver(entry, all)).acked).toHaveLength(all.length);
    expect((await deliver(entry, [...all, ...all])).acked).toHaveLength(2 * all.length);
    expect(await tableDigests(h.db)).toEqual(stored);
    expect(graphCalls()).toBe(callsBefore);
    expect(downloads.length).toBe(downloadsBefore);
  });

  it('runs a job held twice in its first delivery once, making the calls a step makes for a source like it', async () => {
    const { id } = await hashtagSource('JobsDupQueued', 2);
    const { sent, queue } = recordingQueue();
    const { entry } = worker(queue);
    vi.spyOn(console, 'log').mockImplementation(() => {});
    await tick(entry);
    let calls = graphCalls();
    expect((await deliver(entry, [sent[0], sent[0]])).acked).toHaveLength(2);
    const viaQueue = graphCalls() - calls;
    const [ran] = await h.db.select({ created: sources.lastRunCreated }).from(sources).where(eq(sources.id, id));
    expect(ran!.created).toBe(2);

    // Another source like it, run inside a step, without the queue.
    await hashtagSource('JobsDupInline', 2);
    calls = graphCalls();
    await runDueCollection({ ...h.deps, appSecret: h.deps.secrets.appSecret }, h.clock.now(), { sources: 5, media: 0 });
    expect(graphCalls() - calls).toBe(viaQueue);
  });

  it('does nothing for a job whose claim ran out and was claimed again by a later tick: the newer job does the work', async () => {
    const { id } = await hashtagSource('JobsStale', 1);
    const first = recordingQueue();
    const { entry } = worker(first.queue);
    vi.spyOn(console, 'log').mockImplementation(() => {});
    await tick(entry);
    // The first job waited past its 15-minute lease (a backlog): the next tick claims the source again.
    h.clock.advance(16 * 60_000);
    const second = recordingQueue();
    await tick(worker(second.queue).entry);
    expect(second.sent).toEqual([{ v: 1, kind: 'source', sourceId: id, lease: expect.any(Number) }]);
    const calls = graphCalls();
    const unchanged = await tableDigests(h.db);
    expect((await deliver(entry, first.sent)).retried).toEqual([]);
    expect(graphCalls()).toBe(calls);
    expect(await tableDigests(h.db)).toEqual(unchanged);
    await deliver(entry, second.sent);
    expect(graphCalls()).toBeGreaterThan(calls);
    const [ran] = await h.db.select({ lastRunAt: sources.lastRunAt }).from(sources).where(eq(sources.id, id));
    expect(ran!.lastRunAt).toBe(h.clock.now());
  });

  it('retries a job whose database write fails, and drops a body that is no job', async () => {
    await hashtagSource('JobsRetry', 1);
    const { sent, queue } = recordingQueue();
    const { entry } = worker(queue);
    vi.spyOn(console, 'log').mockImplementation(() => {});
    await tick(entry);
    vi.spyOn(h.db, 'all').mockImplementationOnce((() => Promise.reject(new Error('D1_ERROR: simulated'))) as never);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const result = await deliver(entry, [{ v: 2, kind: 'something' }, sent[0]]);
    expect(result).toEqual({ acked: [`job_${delivery}_0`], retried: [`job_${delivery}_1`] });
    expect(warned).toHaveBeenCalledWith(`collection job job_${delivery}_0 dropped: not a job this version runs`);
    expect(errors).toHaveBeenCalledWith('collection job will be retried', `job_${delivery}_1`, 'attempt 1', 'D1_ERROR: simulated');
    // Nothing was taken: the retry runs the source.
    vi.mocked(h.db.all).mockRestore();
    const calls = graphCalls();
    expect(await deliver(entry, [sent[0]])).toMatchObject({ retried: [] });
    expect(graphCalls()).toBeGreaterThan(calls);
  });
});

describe('the JOBS binding of wrangler.toml', () => {
  it('is what the deployed Worker sends its jobs to', async () => {
    expect(workerEnv.JOBS).toBeDefined();
    expect((await import('./worker-deps.ts')).workerDeps(workerEnv, h.clock).jobQueue).not.toBeNull();
  });
});
