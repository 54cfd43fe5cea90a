/**
 * The scheduler's part for submissions (both runtimes: Node's timer and Workers' cron run the same
 * collection step): unconfirmed submissions past their 48 h are deleted with their files, and
 * entrants' email addresses past their retention end (the campaign's end + 90 days, stated on the
 * page) are erased. What stays is the keyed hash in the consent evidence, which proves which
 * address confirmed without keeping it. Bounded per tick.
 */
import { and, asc, inArray, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { campaignSubmissions } from '../../db/schema.ts';
import type { MediaStore } from '../../media/store.ts';
import { discardSubmission } from './submissions.ts';

export async function deleteUnconfirmedSubmissions(deps: { db: Db; media: MediaStore }, now: number, limit = 20): Promise<number> {
  const due = await deps.db
    .select()
    .from(campaignSubmissions)
    .where(and(isNull(campaignSubmissions.confirmedAt), lte(campaignSubmissions.confirmBy, now)))
    .orderBy(asc(campaignSubmissions.confirmBy))
    .limit(limit);
  let deleted = 0;
  for (const submission of due) {
    // One that fails (its files' store down) waits for the next tick; the others go now.
    try {
      if (await discardSubmission(deps, submission)) deleted++;
    } catch (error) {
      console.error('submission retention: could not delete submission', submission.id, error);
    }
  }
  return deleted;
}

/** One statement, at most `limit` addresses a tick (a campaign's end can make thousands due at once): the number erased. */
export async function eraseExpiredEntrantEmails(db: Db, now: number, limit = 500): Promise<number> {
  const due = db
    .select({ id: campaignSubmissions.id })
    .from(campaignSubmissions)
    .where(and(isNull(campaignSubmissions.emailErasedAt), lte(campaignSubmissions.emailEraseAt, now)))
    .limit(limit);
  const erased = await db.update(campaignSubmissions).set({ email: null, emailErasedAt: now }).where(inArray(campaignSubmissions.id, due)).returning({ id: campaignSubmissions.id });
  return erased.length;
}
