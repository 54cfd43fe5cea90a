import type { Db } from '../../db/client.ts';
import type { EventQueue } from '../../deps.ts';
import { storeQueuedEvents } from '../../domain/tracking/queued-events.ts';

/**
 * The workerd harness's event queue: each message goes, as the JSON Cloudflare Queues would
 * carry, through the Worker's consumer code before `send` settles. So the whole API suite runs
 * its event batches through the queue's message and consumer, yet a test still reads the
 * database right after the 204 with nothing to drain. The real binding, its deliveries, repeats
 * and retries are server/entry/worker-queue.workers.test.ts's.
 */
export function inlineEventQueue(db: Db): EventQueue {
  return {
    async send(message) {
      const [outcome] = await storeQueuedEvents(db, [JSON.parse(JSON.stringify(message))]);
      if (outcome && 'failed' in outcome) throw outcome.failed;
    },
  };
}
