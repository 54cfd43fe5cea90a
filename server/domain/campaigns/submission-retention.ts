/**
 * The scheduler's part for submissions (both runtimes: Node's timer and Workers' cron run the same
 * collection step): unconfirmed submissions past their 48 h are deleted with their files, and
 * entrants' email addresses past their retention end (the campaign's end + 90 days, stated on the
 * page) are erased. What stays is the keyed hash in the consent evidence, which proves which
 * address confirmed without keeping it. Bounded per tick.
 */
import { and, asc, isNull, lte } from 'drizzle-orm';
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
  for (const submission of due) await discardSubmission(deps, submission);
  return due.length;
}

/** One statement: the number of addresses erased. */
export async function eraseExpiredEntrantEmails(db: Db, now: number): Promise<number> {
  const erased = await db
    .update(campaignSubmissions)
    .set({ email: null, emailErasedAt: now })
    .where(and(isNull(campaignSubmissions.emailErasedAt), lte(campaignSubmissions.emailEraseAt, now)))
    .returning({ id: campaignSubmissions.id });
  return erased.length;
}
