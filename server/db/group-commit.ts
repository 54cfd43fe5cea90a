import type { BatchItem } from 'drizzle-orm/batch';
import { runBatch, type Db } from './client.ts';

export type Commit = (statements: BatchItem<'sqlite'>[]) => Promise<void>;

/** Each request's batch in its own transaction: what every runtime can do. */
export const commitAlone = (db: Db): Commit => (statements) => runBatch(db, statements);

/**
 * Group commit for an embedded database: the batches that concurrent requests submit within one
 * turn of the event loop are written in one transaction, so one commit (one fsync) serves them
 * all, and each caller's promise settles only once that transaction is durable. If the group
 * fails, each batch is retried alone, so one bad batch never sinks the others, and each stays
 * all-or-nothing. Node only: Workers must not settle one request's promise from another's I/O.
 */
export function groupCommitter(db: Db, maxGroup = 256): Commit {
  let pending: { statements: BatchItem<'sqlite'>[]; resolve: () => void; reject: (error: unknown) => void }[] = [];
  let scheduled = false;

  async function flush() {
    const group = pending;
    pending = [];
    scheduled = false;
    try {
      await runBatch(db, group.flatMap((g) => g.statements));
      for (const g of group) g.resolve();
    } catch (error) {
      if (group.length === 1) return group[0]!.reject(error);
      for (const g of group) await runBatch(db, g.statements).then(g.resolve, g.reject);
    }
  }

  return (statements) =>
    new Promise<void>((resolve, reject) => {
      pending.push({ statements, resolve, reject });
      if (pending.length >= maxGroup) void flush();
      else if (!scheduled) {
        scheduled = true;
        setTimeout(() => void flush(), 0);
      }
    });
}
