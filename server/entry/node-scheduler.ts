import { runDueCollection } from '../domain/collection/scheduler.ts';
import type { SchedulerDeps } from '../domain/collection/scheduler.ts';

/**
 * Node's stand-in for Cron Triggers: a timer that runs one collection step at a time (never two
 * at once, however long a step takes). Errors are logged and the next tick tries again.
 */
export function startCollectionTimer(deps: SchedulerDeps, everyMs: number): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const step = await runDueCollection(deps, Date.now());
      const created = step.runs.reduce((n, r) => n + r.created, 0);
      if (created > 0 || step.stored > 0) console.log(`Collected ${created} new posts, re-hosted ${step.stored} media.`);
      if (step.platformDataErased > 0) console.log(`Erased the media, captions and usernames of ${step.platformDataErased} collected posts past the Instagram data retention.`);
      for (const run of step.runs) if (run.error) console.warn(`Source ${run.sourceId}: ${run.error}`);
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
