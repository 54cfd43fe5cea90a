/**
 * Whether a comment reply approves a rights request. Only the post's author can give consent,
 * and only by writing both the approval hashtag and the brand's @handle: "Tagging your account
 * is not consent. A reply with a heart emoji is not consent." Anything else from the author waits
 * for a human; replies from anyone else are ignored.
 */
export type ReplyVerdict = 'approves' | 'author_replied' | 'ignored';

export interface ReplyFacts {
  text: string;
  fromUsername: string;
  /** The post's author, when Instagram told us (hashtag media come without it). */
  postAuthor: string | null;
  approvalHashtag: string;
  brandHandle: string;
}

export function judgeReply(reply: ReplyFacts): ReplyVerdict {
  const from = reply.fromUsername.toLowerCase();
  // Without a known author nobody can be shown to be them: a human compares the names.
  if (reply.postAuthor === null) return 'author_replied';
  if (from !== reply.postAuthor.toLowerCase()) return 'ignored';
  return hasApprovalWords(reply.text, reply.approvalHashtag, reply.brandHandle) ? 'approves' : 'author_replied';
}

/** Both the approval hashtag and the brand's @handle, as whole words, in any case. */
export function hasApprovalWords(text: string, approvalHashtag: string, brandHandle: string): boolean {
  const lower = text.toLowerCase();
  const hasHashtag = new RegExp(`(^|[^\\p{L}\\p{N}_])#${escapeRegExp(approvalHashtag.toLowerCase())}(?![\\p{L}\\p{N}_])`, 'u').test(lower);
  const hasHandle = new RegExp(`(^|[^\\p{L}\\p{N}_.])@${escapeRegExp(brandHandle.toLowerCase())}(?![\\p{L}\\p{N}_.])`, 'u').test(lower);
  return hasHashtag && hasHandle;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
