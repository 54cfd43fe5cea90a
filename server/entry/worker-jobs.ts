import type { MessageBatch } from '@cloudflare/workers-types/index.ts';
import { readCollectionJob, runCollectionJob } from '../domain/collection/jobs.ts';
import { jobStep } from '../domain/collection/scheduler.ts';
import type { AppDeps } from '../deps.ts';
import { logCollectionStep, type StepLog } from './collection-log.ts';
import { schedulerDeps } from './worker-cron.ts';

/** The queue the cron tick sends collection jobs to (wrangler.toml; a test holds them equal). */
export const JOBS_QUEUE = 'vitrine-jobs';

/**
 * The job queue's consumer: runs each job of a delivery, one after the other (a job is already a
 * batch sized for one invocation's CPU), at the consumer's own time, and reports it as a step
 * does. A job takes its rows from its claim first, so a message delivered again finds them taken
 * and is acknowledged having done nothing. A job that throws (the database unreachable) is retried;
 * once its retries are spent it is dropped, and its rows, still claimed, come due again when the
 * claim's lease ends (db/due-queue.ts), for a later tick to claim and send anew.
 */
export async function consumeJobs(deps: AppDeps, batch: MessageBatch<unknown>, log: StepLog & { error(...data: unknown[]): void } = console): Promise<void> {
  for (const message of batch.messages) {
    const job = readCollectionJob(message.body);
    if (!job) {
      // Not a job this version runs (sent by another one): its rows come due again with the lease.
      log.warn(`collection job ${message.id} dropped: not a job this version runs`);
      message.ack();
      continue;
    }
    try {
      logCollectionStep(jobStep(await runCollectionJob(schedulerDeps(deps), job, deps.clock.now())), log);
      message.ack();
    } catch (error) {
      log.error('collection job will be retried', message.id, `attempt ${message.attempts}`, error instanceof Error ? error.message : String(error));
      message.retry();
    }
  }
}
