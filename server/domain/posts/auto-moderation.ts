/**
 * Auto-moderation: what the workspace's rules decide for a newly collected post, and why, in
 * words a merchandiser reads in the inbox. Pure, so every rule kind is tested exhaustively.
 * Blocking rules win over trust: a trusted author who posts a blocked word still goes to review.
 */
export interface RuleForMatching {
  id: string;
  kind: 'blocked_word' | 'blocked_hashtag' | 'blocked_author' | 'trusted_author' | 'min_resolution';
  value: string;
}

export interface CandidatePost {
  caption: string;
  authorUsername: string | null;
  /** Width in pixels of the largest original among the post's media; null when not known yet. */
  width: number | null;
}

export interface RuleDecision {
  status: 'rejected' | 'approved';
  ruleId: string;
  reason: string;
}

export function decideByRules(post: CandidatePost, rules: RuleForMatching[]): RuleDecision | null {
  const caption = post.caption.toLowerCase();
  const words = new Set(caption.split(/[^\p{L}\p{N}_]+/u).filter(Boolean));
  const hashtags = new Set([...caption.matchAll(/#([\p{L}\p{N}_]+)/gu)].map((m) => m[1]!));
  const author = post.authorUsername?.toLowerCase() ?? null;

  for (const rule of rules) {
    const reject = (reason: string): RuleDecision => ({ status: 'rejected', ruleId: rule.id, reason });
    switch (rule.kind) {
      case 'blocked_word':
        if (rule.value.includes(' ') ? caption.includes(rule.value) : words.has(rule.value)) return reject(`caption contains the blocked word "${rule.value}"`);
        break;
      case 'blocked_hashtag':
        if (hashtags.has(rule.value)) return reject(`caption uses the blocked hashtag #${rule.value}`);
        break;
      case 'blocked_author':
        if (author === rule.value) return reject(`@${rule.value} is a blocked author`);
        break;
      case 'min_resolution':
        if (post.width !== null && post.width < Number(rule.value)) return reject(`image is ${post.width} px wide, under the ${rule.value} px minimum`);
        break;
      case 'trusted_author':
        break;
    }
  }
  const trusted = rules.find((r) => r.kind === 'trusted_author' && r.value === author);
  return trusted ? { status: 'approved', ruleId: trusted.id, reason: `@${trusted.value} is a trusted author` } : null;
}
