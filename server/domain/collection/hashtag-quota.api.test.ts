/**
 * The hashtag quota's ledger under runs side by side (collection jobs of one account, run at once
 * by the job queue's consumers): checking and counting are one statement, so two new hashtags at
 * 29 used never both pass.
 */
import { createHarness } from '#harness';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../dev/testing/harness.ts';
import { HASHTAG_LIMIT, HASHTAG_WINDOW_MS, hashtagQuota, reserveHashtagQuery } from './hashtag-quota.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ seed: false });
});

describe('reserveHashtagQuery', () => {
  it('lets one of two new hashtags asked at once at 29 used through, and a counted one always', async () => {
    const user = 'ig_quota_race';
    const now = h.clock.now();
    for (let i = 0; i < HASHTAG_LIMIT - 1; i++) expect(await reserveHashtagQuery(h.db, user, `tag${i}`, now - i * 1_000)).toBe(true);
    const answers = await Promise.all([reserveHashtagQuery(h.db, user, 'thirtieth', now), reserveHashtagQuery(h.db, user, 'thirtyfirst', now)]);
    expect(answers.filter(Boolean)).toHaveLength(1);
    expect((await hashtagQuota(h.db, user, now)).used).toBe(HASHTAG_LIMIT);
    // Querying a counted hashtag again is free and keeps its window's start.
    expect(await reserveHashtagQuery(h.db, user, 'tag3', now + 1_000)).toBe(true);
    const tag3 = (await hashtagQuota(h.db, user, now + 1_000)).hashtags.find((t) => t.hashtag === 'tag3');
    expect(tag3?.freesAt).toBe(new Date(now - 3_000 + HASHTAG_WINDOW_MS).toISOString());
    // Another account has its own 30.
    expect(await reserveHashtagQuery(h.db, 'ig_quota_other', 'thirtyfirst', now)).toBe(true);
  });

  it("frees the oldest hashtag's slot a week after its first query, and restarts that hashtag's window when asked again", async () => {
    const user = 'ig_quota_week';
    const start = h.clock.now();
    for (let i = 0; i < HASHTAG_LIMIT; i++) await reserveHashtagQuery(h.db, user, `week${i}`, start + i * 1_000);
    expect(await reserveHashtagQuery(h.db, user, 'late', start + HASHTAG_WINDOW_MS - 1)).toBe(false);
    const later = start + HASHTAG_WINDOW_MS + 1;
    expect(await reserveHashtagQuery(h.db, user, 'week0', later)).toBe(true);
    expect((await hashtagQuota(h.db, user, later)).hashtags.find((t) => t.hashtag === 'week0')?.freesAt).toBe(new Date(later + HASHTAG_WINDOW_MS).toISOString());
    expect(await reserveHashtagQuery(h.db, user, 'late', later)).toBe(false);
  });
});
