/**
 * Event batches that went through a queue (Cloudflare Queues on Workers): what the accepting
 * request puts on it, and how the consumer stores a delivery. Queues deliver at least once, so a
 * delivery may repeat a message or hold it twice; storing is idempotent as every ingest is
 * (ingest.ts: events keyed by (workspace, id), rollups counted from the rows this write inserted,
 * an order's transaction id once), so a repeat changes nothing.
 */
import { eventBatch, type EventBatch } from '../../../shared/schemas/events.ts';
import type { Db } from '../../db/client.ts';
import { writeTogether } from '../../db/group-commit.ts';
import type { QueuedEvents } from '../../deps.ts';
import { ingestStatements, type IngestEntry } from './ingest.ts';
import { erasedSince } from './erasure.ts';
import { trackingSettings } from './settings.ts';

/** The message for an accepted batch: its workspace's settings are read again when it is stored. */
export function queuedEvents({ settings, batch, now }: IngestEntry): QueuedEvents {
  return { v: 1, workspaceId: settings.workspaceId, receivedAt: now, batch };
}

/**
 * What became of one message: stored (or already stored), dropped (its workspace was deleted
 * meanwhile, or its visitor erased: nothing is left to count it in), or failed, to be delivered again.
 */
export type QueuedOutcome = { stored: true } | { dropped: string } | { failed: unknown };

/**
 * Stores one delivery's messages in one transaction; if that fails, each message alone, so one
 * bad message fails by itself. A body this version cannot read (a message from a newer or broken
 * producer) fails too: retried, then kept in the dead-letter queue.
 *
 * A message is stored as its request would have stored it then, dated by its arrival. If its
 * visitor was erased after it arrived, erasure wins: only its orders are kept, linked to no one,
 * as erasure leaves orders; its other events are not counted. (Whether this is its first
 * delivery or a repeat of one the erasure already found stored cannot be told apart, and
 * counting it again would count it twice.)
 */
export async function storeQueuedEvents(db: Db, bodies: readonly unknown[]): Promise<QueuedOutcome[]> {
  const outcomes: QueuedOutcome[] = [];
  const byWorkspace = new Map<string, { index: number; message: QueuedEvents }[]>();
  for (const [index, body] of bodies.entries()) {
    const message = readMessage(body);
    if ('error' in message) outcomes[index] = { failed: new Error(message.error) };
    else byWorkspace.set(message.workspaceId, [...(byWorkspace.get(message.workspaceId) ?? []), { index, message }]);
  }
  const entries: { index: number; entry: IngestEntry }[] = [];
  for (const [workspaceId, messages] of byWorkspace) {
    const settings = await trackingSettings(db, workspaceId);
    if (!settings) {
      for (const { index } of messages) outcomes[index] = { dropped: `workspace ${workspaceId} no longer exists` };
      continue;
    }
    const visitorIds = messages.flatMap(({ message }) => (message.batch.consent === 'granted' && message.batch.visitorId ? [message.batch.visitorId] : []));
    const erased = visitorIds.length ? await erasedSince(db, workspaceId, visitorIds, Math.min(...messages.map((m) => m.message.receivedAt))) : new Map<string, number>();
    for (const { index, message } of messages) {
      const erasedAt = erased.get(message.batch.visitorId ?? '');
      const batch = erasedAt !== undefined && erasedAt > message.receivedAt ? ordersOnly(message.batch) : message.batch;
      if (batch.events.length === 0) outcomes[index] = { dropped: 'its visitor was erased after it arrived' };
      else entries.push({ index, entry: { settings, batch, now: message.receivedAt } });
    }
  }
  if (entries.length === 0) return outcomes;
  // Oldest first: written one by one after a failure, a purchase then finds the touches before it.
  entries.sort((a, b) => a.entry.now - b.entry.now);
  const failures = await writeTogether(db, (group: IngestEntry[]) => ingestStatements(db, group), entries.map((e) => e.entry));
  entries.forEach(({ index }, i) => {
    const failure = failures[i];
    outcomes[index] = failure ? { failed: failure.error } : { stored: true };
  });
  return outcomes;
}

/** A batch's purchases alone, as if sent without consent: an order counts once by its transaction id, linked to no one. */
function ordersOnly({ visitorId: _visitor, sessionId: _session, ...batch }: EventBatch): EventBatch {
  return { ...batch, consent: 'denied', events: batch.events.filter((e) => e.type === 'purchase') };
}

function readMessage(body: unknown): QueuedEvents | { error: string } {
  const message = body as Partial<QueuedEvents> | null;
  if (typeof message !== 'object' || message === null || message.v !== 1) return { error: 'not a version 1 event message' };
  if (typeof message.workspaceId !== 'string' || !Number.isSafeInteger(message.receivedAt)) return { error: 'event message without workspaceId or receivedAt' };
  // Validated when accepted; read again as any input crossing a process boundary is.
  const batch = eventBatch.safeParse(message.batch);
  if (!batch.success || batch.data.workspaceId !== message.workspaceId) return { error: 'event message with an unreadable batch' };
  return { v: 1, workspaceId: message.workspaceId, receivedAt: message.receivedAt!, batch: batch.data };
}
