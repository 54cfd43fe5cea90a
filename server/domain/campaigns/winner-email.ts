/**
 * Emailing a winner who entered on the campaign's page: the message the panel shows (in the
 * entrant's language unless one is asked), sent to the address they confirmed, then recorded as
 * told exactly as "Mark as sent" records it (winner-notices.ts), with `via: 'email'` in the audit.
 * The winner's reply (their name and address, which the message asks for) goes to the member who sent it.
 * Nothing is recorded when the provider refuses: the merchant can try again, or send it themselves.
 * Of two requests for one winner at once (a double click, two members), one claims the sending and
 * the other is refused: the winner gets one email.
 * An Instagram entrant or an upload gave no address, and a submission's address is erased at its
 * retention end (or by the entrant): those are refused, naming why.
 */
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { campaignWinners } from '../../db/schema.ts';
import type { MailSender, OutgoingMail } from '../../deps.ts';
import { escapeHtml } from '../../lib/html.ts';
import { Conflict } from '../errors.ts';
import type { Actor } from '../posts/moderation.ts';
import type { WinnerMessage } from './winner-messages.ts';
import { emailState, maskEmail, recordWinnerNotified, untoldWinner, type NoticeOptions } from './winner-notices.ts';

/** The message as one email: the HTML builder's paragraphs in a document of their own. */
export function winnerMail(to: string, m: WinnerMessage, replyTo: string): OutgoingMail {
  const html = `<!doctype html><html lang="${m.language}"><head><meta charset="utf-8"><title>${escapeHtml(m.subject)}</title></head><body>\n${m.html}\n</body></html>`;
  return { to, subject: m.subject, text: `${m.text}\n`, html, replyTo, kind: 'campaign_winner' };
}

/** A claim this old belonged to a request that died while sending: longer than any send may take (the outbound fetcher's timeouts). */
const CLAIM_LAPSES_MS = 5 * 60_000;

/** Takes the one claim to email this untold winner, in one statement; else Conflict: another request is sending. */
async function claimSending(db: Db, campaignId: string, postId: string, now: number): Promise<void> {
  const claimed = await db
    .update(campaignWinners)
    .set({ emailClaimedAt: now })
    .where(and(eq(campaignWinners.campaignId, campaignId), eq(campaignWinners.postId, postId), isNull(campaignWinners.notifiedAt), or(isNull(campaignWinners.emailClaimedAt), lt(campaignWinners.emailClaimedAt, now - CLAIM_LAPSES_MS))))
    .returning({ postId: campaignWinners.postId });
  if (claimed.length === 0) throw new Conflict('already_sending', 'postId: this winner is being emailed by another request right now: reload to see when it was sent', 'postId');
}

/** `actor.email`: where the winner's reply goes (the message asks them to reply with where to send the prize). */
export async function emailWinner(deps: { db: Db; mail: MailSender }, actor: Actor & { email: string }, campaignId: string, postId: string, options: NoticeOptions): Promise<{ language: WinnerMessage['language']; to: string }> {
  const { winner, message } = await untoldWinner(deps.db, actor, campaignId, postId, options);
  const state = emailState(winner);
  if (state === 'none') {
    const how = winner.igMediaId !== null ? 'entered on Instagram' : 'entered by an upload';
    throw new Conflict('no_email', `postId: this winner ${how} and gave no email address: send the message yourself, then mark it sent`, 'postId');
  }
  if (state === 'erased' || winner.entrantEmail === null) {
    throw new Conflict('email_erased', "postId: this entrant's email address was erased (its retention ended, or they erased their entry): send the message another way, then mark it sent", 'postId');
  }
  await claimSending(deps.db, campaignId, postId, options.now);
  try {
    await deps.mail.send(winnerMail(winner.entrantEmail, message, actor.email));
  } catch (error) {
    // An UpstreamFailed from the provider goes up as it is: nothing was recorded, and another try may send.
    await deps.db.update(campaignWinners).set({ emailClaimedAt: null }).where(and(eq(campaignWinners.campaignId, campaignId), eq(campaignWinners.postId, postId), eq(campaignWinners.emailClaimedAt, options.now)));
    throw error;
  }
  await recordWinnerNotified(deps.db, actor, campaignId, winner, options.now, 'email');
  return { language: message.language, to: maskEmail(winner.entrantEmail) };
}
