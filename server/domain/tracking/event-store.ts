import type { Db } from '../../db/client.ts';
import { groupWriter } from '../../db/group-commit.ts';
import type { EventQueue } from '../../deps.ts';
import { ingestBatch, ingestStatements, type IngestEntry } from './ingest.ts';
import { queuedEvents } from './queued-events.ts';

/** Where an accepted batch goes: the app's database, or its event queue when it has one. */
export interface EventTarget {
  db: Db;
  eventQueue?: EventQueue | null;
}

/**
 * Takes accepted event batches to where they become durable: onto the event queue when there is
 * one (Workers with Cloudflare Queues: its consumer writes them, queued-events.ts), otherwise
 * into the database, each in its own transaction or, with group commits (an embedded database on
 * Node), together with the batches of concurrent requests in one transaction per turn of the
 * event loop. One group writer per database, as tests build several apps in one process.
 */
export function eventStore({ groupCommits }: { groupCommits: boolean }): (target: EventTarget, entry: IngestEntry) => Promise<void> {
  const write = directWriter(groupCommits);
  return ({ db, eventQueue }, entry) => (eventQueue ? eventQueue.send(queuedEvents(entry)) : write(db, entry));
}

function directWriter(groupCommits: boolean): (db: Db, entry: IngestEntry) => Promise<void> {
  if (!groupCommits) return (db, entry) => ingestBatch(db, entry.settings, entry.batch, entry.now);
  const writers = new WeakMap<Db, (entry: IngestEntry) => Promise<void>>();
  return (db, entry) => {
    let write = writers.get(db);
    if (!write) writers.set(db, (write = groupWriter(db, (entries: IngestEntry[]) => ingestStatements(db, entries))));
    return write(entry);
  };
}
