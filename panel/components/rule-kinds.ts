import type { ModerationRule } from '../../shared/admin-types.ts';

/** What each kind of auto-moderation rule is called and does (the rules page and the inbox say it the same way). */
export const RULE_KINDS: Record<ModerationRule['kind'], { label: string; hint: string }> = {
  blocked_word: { label: 'Blocked word', hint: 'Posts whose caption contains it are rejected' },
  blocked_hashtag: { label: 'Blocked hashtag', hint: 'Posts with this #hashtag are rejected' },
  blocked_author: { label: 'Blocked author', hint: 'Posts by this @username are rejected' },
  trusted_author: { label: 'Trusted author', hint: 'Posts by this @username are approved' },
  min_resolution: { label: 'Minimum resolution', hint: 'Smaller images (shortest side, in pixels) are rejected' },
};
