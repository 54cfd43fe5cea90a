import type { Db } from '../../db/client.ts';
import { groupWriter } from '../../db/group-commit.ts';
import { ingestBatch, ingestStatements, type IngestEntry } from './ingest.ts';

/**
 * Where accepted event batches are written: each in its own transaction, or, with group commits
 * (an embedded database on Node), together with the batches of concurrent requests in one
 * transaction per turn of the event loop. One group writer per database, as tests build several
 * apps in one process.
 */
export function eventStore({ groupCommits }: { groupCommits: boolean }): (db: Db, entry: IngestEntry) => Promise<void> {
  if (!groupCommits) return (db, entry) => ingestBatch(db, entry.settings, entry.batch, entry.now);
  const writers = new WeakMap<Db, (entry: IngestEntry) => Promise<void>>();
  return (db, entry) => {
    let write = writers.get(db);
    if (!write) writers.set(db, (write = groupWriter(db, (entries: IngestEntry[]) => ingestStatements(db, entries))));
    return write(entry);
  };
}
