/**
 * Hashtag search quota (§1.2): at most 30 unique hashtags per IG user in a rolling 7-day window.
 * Re-querying a tag inside its window "will not count against your limit, and will not reset its
 * initial query 7 day timer"; once its 7 days have passed the slot frees and a new query of the
 * same tag starts a new timer.
 */
import type { Clock } from './types.ts';
import { DAY_MS } from './time.ts';

export const HASHTAG_QUOTA = { uniqueHashtags: 30, windowMs: 7 * DAY_MS } as const;

export function createHashtagQuota(clock: Clock) {
  /** ig user id → hashtag id → when that tag was first queried in its current window. */
  const ledgers = new Map<string, Map<string, number>>();

  const ledger = (igUserId: string): Map<string, number> => {
    let entries = ledgers.get(igUserId);
    if (!entries) ledgers.set(igUserId, (entries = new Map()));
    const now = clock.now();
    for (const [hashtagId, firstAt] of entries) if (now - firstAt >= HASHTAG_QUOTA.windowMs) entries.delete(hashtagId);
    return entries;
  };

  return {
    /** Records the query and answers whether it is allowed. */
    query(igUserId: string, hashtagId: string): boolean {
      const entries = ledger(igUserId);
      if (entries.has(hashtagId)) return true;
      if (entries.size >= HASHTAG_QUOTA.uniqueHashtags) return false;
      entries.set(hashtagId, clock.now());
      return true;
    },
    /** Hashtags inside the window, most recently first queried first. */
    recent(igUserId: string): string[] {
      return [...ledger(igUserId)].sort((a, b) => b[1] - a[1]).map(([hashtagId]) => hashtagId);
    },
  };
}

export type HashtagQuota = ReturnType<typeof createHashtagQuota>;
