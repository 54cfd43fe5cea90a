/**
 * Consent only the author can give (issue 14). Typing a handle on the rights page proves nothing:
 * handles are public, and a link posted as a comment can be opened by anyone. So a grant on the
 * page waits for a reply from the author's own Instagram account carrying a one-time code, unless
 * the workspace accepts page-only confirmation for a request it sent privately. Pure decisions,
 * tested exhaustively beside this file.
 */
import type { RequestSentVia, RightsStatus, RightsVerification } from '../../db/schema.ts';
import { hasApprovalWords } from './reply.ts';

/** How long the author has to send the verifying reply after agreeing on the page. */
export const VERIFY_CODE_TTL_MS = 7 * 86_400_000;
/** Erasure asked by someone not verified as the author waits this long (GDPR Art. 12(3): within a month). */
export const ERASURE_HOLD_DAYS = 30;

/** Letters and digits nobody confuses when copying by hand (no 0/O, 1/I/L, 2/Z, 5/S, 8/B). */
const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY3479';
const CODE_LENGTH = 6;

/** A code from random bytes (the caller draws them), e.g. `K7QP4X`. */
export function verifyCodeFrom(random: Uint8Array): string {
  if (random.length < CODE_LENGTH) throw new Error(`a code needs ${CODE_LENGTH} random bytes`);
  return Array.from(random.slice(0, CODE_LENGTH), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

/** Every word of a comment that could be a code, upper-cased: authors type it as they like. */
export function codesIn(text: string): string[] {
  const words = text.toUpperCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const shape = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);
  return [...new Set(words.filter((w) => shape.test(w)))];
}

/** Exactly what the author replies from their account. */
export const verifyingReply = (approvalHashtag: string, brandHandle: string, code: string) => `#${approvalHashtag} @${brandHandle} ${code}`;

export const PAGE_ONLY_REASON = 'request sent privately by direct message; the workspace accepts page-only confirmation for private requests';

/**
 * What an agreement on the rights page is worth. Page-only consent can make a post public only
 * for a request the merchant marked as sent by direct message, in a workspace that says so; a link
 * sent any other way (an API comment, a comment by hand, or never marked sent) counts as public.
 */
export function pageConsentOutcome(facts: { sentVia: RequestSentVia | null; acceptPageOnlyForPrivateRequests: boolean }): { verification: 'page' | 'awaiting'; acceptedBecause: string | null } {
  if (facts.sentVia === 'direct_message' && facts.acceptPageOnlyForPrivateRequests) return { verification: 'page', acceptedBecause: PAGE_ONLY_REASON };
  return { verification: 'awaiting', acceptedBecause: null };
}

export type ReplyRefusal = 'replayed' | 'not_awaiting' | 'expired' | 'author_unknown' | 'other_account' | 'incomplete';

export interface VerifyingReplyFacts {
  code: { expiresAt: number; usedAt: number | null };
  post: { author: string | null; rightsStatus: RightsStatus; rightsVerification: RightsVerification | null; erased: boolean };
  reply: { from: string; text: string; at: number };
  approvalHashtag: string;
  brandHandle: string;
}

/**
 * Whether a comment carrying a request's code completes the grant. The order matters for what is
 * recorded: a code used once is a replay whatever else is true; then the grant must still be
 * waiting, the code fresh, and the comment written by the post's own author with the approval words.
 */
export function judgeVerifyingReply(f: VerifyingReplyFacts): 'verifies' | ReplyRefusal {
  if (f.code.usedAt !== null) return 'replayed';
  if (f.post.erased || f.post.rightsStatus !== 'granted' || f.post.rightsVerification !== 'awaiting') return 'not_awaiting';
  if (f.reply.at > f.code.expiresAt) return 'expired';
  // Hashtag media come without their author: no account can be shown to be theirs.
  if (f.post.author === null) return 'author_unknown';
  if (f.post.author.toLowerCase() !== f.reply.from.toLowerCase()) return 'other_account';
  if (!hasApprovalWords(f.reply.text, f.approvalHashtag, f.brandHandle)) return 'incomplete';
  return 'verifies';
}

/**
 * Erasure through the link always takes the post down at once. It deletes media and text at once
 * only when the author is verified through their account; otherwise after the hold, so that a
 * stranger holding a public link cannot destroy what the merchant holds with real consent.
 */
export function erasureTiming(verification: RightsVerification | null, now: number): { deleteNow: true } | { deleteNow: false; dueAt: number } {
  return verification === 'account' ? { deleteNow: true } : { deleteNow: false, dueAt: now + ERASURE_HOLD_DAYS * 86_400_000 };
}
