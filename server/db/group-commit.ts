import type { BatchItem } from 'drizzle-orm/batch';
import { runBatch, type Db } from './client.ts';

/**
 * Group commit for an embedded database: the items concurrent requests submit within one turn of
 * the event loop are written by one set of statements in one transaction (`build` turns a group
 * into statements), so statement preparation and the commit's fsync are shared, and each
 * caller's promise settles only once that transaction is durable. If the group fails, each item
 * is retried alone, so one bad item never sinks the others and each stays all-or-nothing.
 * Node only: Workers must not settle one request's promise from another's I/O.
 */
export function groupWriter<T>(db: Db, build: (items: T[]) => Promise<BatchItem<'sqlite'>[]>, maxGroup = 256): (item: T) => Promise<void> {
  let pending: { item: T; resolve: () => void; reject: (error: unknown) => void }[] = [];
  let scheduled = false;
  // One group at a time: a group's statements are built after the previous group committed.
  let previous: Promise<void> = Promise.resolve();

  async function write(group: typeof pending) {
    const failures = await writeTogether(db, build, group.map((g) => g.item));
    group.forEach((g, i) => (failures[i] === undefined ? g.resolve() : g.reject(failures[i]!.error)));
  }

  function flush() {
    const group = pending;
    pending = [];
    scheduled = false;
    previous = previous.then(() => write(group));
  }

  return (item) =>
    new Promise<void>((resolve, reject) => {
      pending.push({ item, resolve, reject });
      if (pending.length >= maxGroup) flush();
      else if (!scheduled) {
        scheduled = true;
        setTimeout(flush, 0);
      }
    });
}

/**
 * Writes `items` in one transaction; if it fails, each item alone, in order, so one bad item
 * never sinks the others and each stays all-or-nothing. Returns each item's failure, or
 * undefined where it was written.
 */
export async function writeTogether<T>(db: Db, build: (items: T[]) => Promise<BatchItem<'sqlite'>[]>, items: readonly T[]): Promise<({ error: unknown } | undefined)[]> {
  try {
    await runBatch(db, await build([...items]));
    return items.map(() => undefined);
  } catch (error) {
    if (items.length === 1) return [{ error }];
    const failures: ({ error: unknown } | undefined)[] = [];
    for (const item of items) failures.push(await build([item]).then((statements) => runBatch(db, statements)).then(() => undefined, (error: unknown) => ({ error })));
    return failures;
  }
}
