import { createHarness } from '#harness';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';

it('consent records are append-only: the database refuses to update or delete them', async () => {
  const h = await createHarness();
  expect(await failure(h.db.run(sql`update consent_records set kind = 'granted' where post_id = 'post_withdrawn'`))).toMatch(/append-only/);
  expect(await failure(h.db.run(sql`delete from consent_records where post_id = 'post_withdrawn'`))).toMatch(/append-only/);
  const rows = await h.db.all<{ kind: string }>(sql`select kind from consent_records where post_id = 'post_withdrawn' order by recorded_at`);
  // Agreed on the page, verified from the author's account (migration 0014 re-made the update trigger), withdrawn.
  expect(rows.map((r) => r.kind)).toEqual(['granted', 'granted', 'withdrawn']);
});

/** The messages of a rejected promise's error and its causes (drivers wrap SQLite's message). */
async function failure(promise: Promise<unknown>): Promise<string> {
  try {
  await promise;
  } catch (error) {
  const messages: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause) messages.push(e.message);
  return messages.join(' <- ');
  }
  return 'did not fail';
}
