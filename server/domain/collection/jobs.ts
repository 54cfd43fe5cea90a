/**
 * Collection work as jobs: a step claims what is due (db/due-queue.ts) and cuts it into jobs, one
 * per due source and one per few media to re-host. Node's timer and a Worker without the JOBS
 * binding run them inside the step; a Worker with it sends them to a queue, whose consumer runs
 * each one (server/entry/worker-jobs.ts). Either way a job first takes its rows from the claim, so
 * a message delivered twice, at once or later, runs nothing twice: no second download, no second
 * call to Instagram, and no table changed.
 */
import { eq } from 'drizzle-orm';
import { CLAIM_LEASE_MS, claimDue, takeClaimed, type ClaimableQueue } from '../../db/due-queue.ts';
import { sources } from '../../db/schema.ts';
import type { CollectionJob } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { PENDING_MEDIA, rehostClaimed, type RehostDeps } from './rehost.ts';
import { runSource, type RunReport } from './run-source.ts';

/** Enabled sources whose next run has come. */
export const DUE_SOURCES: ClaimableQueue = { table: sources, id: sources.id, nextAttemptAt: sources.nextRunAt, ready: eq(sources.enabled, true) };

/** What one job did; a job whose rows were already taken did nothing. */
export interface JobResult {
  runs: RunReport[];
  stored: number;
  failed: number;
}

/** A job's media ids are bound one parameter each in one statement, beside 3 others: D1 binds 100 at most. */
export const MAX_MEDIA_PER_JOB = 90;

const NOTHING: JobResult = { runs: [], stored: 0, failed: 0 };

/** Claims up to `limit` due sources: one job each (a source's run is already up to a dozen Graph API calls). */
export async function claimSourceJobs(db: Db, now: number, limit: number): Promise<CollectionJob[]> {
  const ids = await claimDue(db, DUE_SOURCES, now, limit);
  return ids.sort().map((sourceId) => ({ v: 1, kind: 'source', sourceId, lease: now + CLAIM_LEASE_MS }));
}

/** Claims up to `limit` media waiting to be re-hosted, `perJob` to a job. */
export async function claimRehostJobs(db: Db, now: number, limit: number, perJob: number): Promise<CollectionJob[]> {
  const ids = (await claimDue(db, PENDING_MEDIA, now, limit)).sort();
  const size = Math.min(Math.max(1, perJob), MAX_MEDIA_PER_JOB);
  const jobs: CollectionJob[] = [];
  for (let i = 0; i < ids.length; i += size) jobs.push({ v: 1, kind: 'rehost', mediaIds: ids.slice(i, i + size), lease: now + CLAIM_LEASE_MS });
  return jobs;
}

/** Runs one job on the rows it can still take from its claim. */
export async function runCollectionJob(deps: RehostDeps, job: CollectionJob, now: number): Promise<JobResult> {
  if (job.kind === 'source') {
    const [taken] = await takeClaimed(deps.db, DUE_SOURCES, [job.sourceId], job.lease, now);
    if (!taken) return NOTHING;
    const [source] = await deps.db.select().from(sources).where(eq(sources.id, taken));
    return { ...NOTHING, runs: [await runSource({ db: deps.db, graph: deps.instagram.graph, appSecret: deps.appSecret }, source!, now)] };
  }
  const taken = await takeClaimed(deps.db, PENDING_MEDIA, job.mediaIds, job.lease, now);
  return { ...NOTHING, ...(await rehostClaimed(deps, taken, now)) };
}

const ID = /^[\w-]{1,64}$/;

/** A queue message's body as a job, or null when it is not one this version can run. */
export function readCollectionJob(body: unknown): CollectionJob | null {
  if (typeof body !== 'object' || body === null) return null;
  const job = body as Record<string, unknown>;
  if (job.v !== 1 || !Number.isSafeInteger(job.lease)) return null;
  const lease = job.lease as number;
  if (job.kind === 'source' && typeof job.sourceId === 'string' && ID.test(job.sourceId)) return { v: 1, kind: 'source', sourceId: job.sourceId, lease };
  if (job.kind === 'rehost' && Array.isArray(job.mediaIds) && job.mediaIds.length > 0 && job.mediaIds.length <= MAX_MEDIA_PER_JOB && job.mediaIds.every((id) => typeof id === 'string' && ID.test(id))) {
    return { v: 1, kind: 'rehost', mediaIds: job.mediaIds as string[], lease };
  }
  return null;
}
