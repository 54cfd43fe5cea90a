import { runDueCollection } from '../domain/collection/scheduler.ts';
import type { SchedulerDeps } from '../domain/collection/scheduler.ts';
import { logCollectionStep } from './collection-log.ts';

/**
 * Node's stand-in for Cron Triggers: a timer that runs one collection step at a time (never two
 * at once, however long a step takes). Errors are logged and the next tick tries again. Work is
 * claimed (db/due-queue.ts), so two processes on one database never do the same item twice.
 */
export function startCollectionTimer(deps: SchedulerDeps, everyMs: number): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      logCollectionStep(await runDueCollection(deps, Date.now()));
    } catch (error) {
      console.error('collection step failed', error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, everyMs);
  void tick();
  return () => clearInterval(timer);
}
