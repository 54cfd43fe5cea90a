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
  const text = reply.text.toLowerCase();
  const hasHashtag = new RegExp(`(^|[^\\p{L}\\p{N}_])#${escapeRegExp(reply.approvalHashtag.toLowerCase())}(?![\\p{L}\\p{N}_])`, 'u').test(text);
  const hasHandle = new RegExp(`(^|[^\\p{L}\\p{N}_.])@${escapeRegExp(reply.brandHandle.toLowerCase())}(?![\\p{L}\\p{N}_.])`, 'u').test(text);
  return hasHashtag && hasHandle ? 'approves' : 'author_replied';
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
