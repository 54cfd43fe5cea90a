import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { drawOrder, drawWinners, eligibleEntries, newSeed, seedHash, type DrawEntry } from './draw-rule.ts';

const DAY = 86_400_000;
const START = 1_000 * DAY;
const settings = { startsAt: START, endsAt: START + 10 * DAY, entriesPerAuthor: 1 };
const AT = START + 11 * DAY;

function entry(id: string, over: Partial<DrawEntry> = {}): DrawEntry {
  return {
    id,
    publishedAt: START + DAY,
    authorIgId: null,
    authorUsername: `author_${id}`,
    moderationStatus: 'approved',
    rightsStatus: 'granted',
    rightsExpiresAt: null,
    rightsVerification: 'account',
    sourceDeletedAt: null,
    erasedAt: null,
    erasureDueAt: null,
    ...over,
  };
}

const SEED = 'a'.repeat(64);

describe('eligibility', () => {
  it('refuses every entry that is not public at the draw, outside the dates or without an author', () => {
    const entries = [
      entry('p_ok'),
      entry('p_pending', { moderationStatus: 'pending' }),
      entry('p_rejected', { moderationStatus: 'rejected' }),
      entry('p_norights', { rightsStatus: 'none', rightsVerification: null }),
      entry('p_withdrawn', { rightsStatus: 'withdrawn' }),
      entry('p_expired_before_draw', { rightsExpiresAt: AT }),
      entry('p_awaiting', { rightsVerification: 'awaiting' }),
      entry('p_deleted', { sourceDeletedAt: START }),
      entry('p_erased', { erasedAt: START }),
      entry('p_erasure_due', { erasureDueAt: AT + DAY }),
      entry('p_early', { publishedAt: START - 1 }),
      entry('p_late', { publishedAt: settings.endsAt + 1 }),
      entry('p_first_ms', { publishedAt: START }),
      entry('p_last_ms', { publishedAt: settings.endsAt }),
      entry('p_anonymous', { authorUsername: null }),
    ];
    const { eligible, refused } = eligibleEntries(entries, settings, AT);
    expect(eligible).toEqual(['p_first_ms', 'p_last_ms', 'p_ok']);
    expect(Object.fromEntries(refused.map((r) => [r.id, r.reason]))).toEqual({
      p_pending: 'not_public',
      p_rejected: 'not_public',
      p_norights: 'not_public',
      p_withdrawn: 'not_public',
      p_expired_before_draw: 'not_public',
      p_awaiting: 'not_public',
      p_deleted: 'not_public',
      p_erased: 'not_public',
      p_erasure_due: 'not_public',
      p_early: 'outside_dates',
      p_late: 'outside_dates',
      p_anonymous: 'no_author',
    });
    // Consent still running one millisecond past the draw counts.
    expect(eligibleEntries([entry('p_x', { rightsExpiresAt: AT + 1 })], settings, AT).eligible).toEqual(['p_x']);
  });

  it('keeps one entry per author, their earliest, matching the account id or the handle in any case', () => {
    const entries = [
      entry('p_b2', { authorUsername: 'Bea', publishedAt: START + 3 * DAY }),
      entry('p_b1', { authorUsername: 'bea', publishedAt: START + 2 * DAY }),
      entry('p_b3', { authorUsername: 'BEA', publishedAt: START + 2 * DAY }),
      entry('p_c1', { authorIgId: '17', authorUsername: 'cy', publishedAt: START + 5 * DAY }),
      entry('p_c2', { authorIgId: '17', authorUsername: 'cy_renamed', publishedAt: START + 4 * DAY }),
      entry('p_d', { authorUsername: 'dee' }),
    ];
    const one = eligibleEntries(entries, settings, AT);
    // Bea's two earliest share a time: the lower id is the earlier.
    expect(one.eligible).toEqual(['p_b1', 'p_c2', 'p_d']);
    expect(one.refused).toEqual([
      { id: 'p_b2', reason: 'over_author_limit' },
      { id: 'p_b3', reason: 'over_author_limit' },
      { id: 'p_c1', reason: 'over_author_limit' },
    ]);
    // Rules that allow two entries each.
    expect(eligibleEntries(entries, { ...settings, entriesPerAuthor: 2 }, AT).eligible).toEqual(['p_b1', 'p_b3', 'p_c1', 'p_c2', 'p_d']);
  });

  it('lists the same eligible entries whatever order they come in', () => {
    const entries = ['p_3', 'p_1', 'p_2', 'p_10'].map((id) => entry(id));
    expect(eligibleEntries(entries, settings, AT).eligible).toEqual(['p_1', 'p_10', 'p_2', 'p_3']);
    expect(eligibleEntries([...entries].reverse(), settings, AT).eligible).toEqual(['p_1', 'p_10', 'p_2', 'p_3']);
  });
});

describe('the draw', () => {
  const ids = Array.from({ length: 40 }, (_, i) => `post_${String(i).padStart(2, '0')}`);

  it('is the documented algorithm: lowest HMAC-SHA256(seed, id) first, recomputed here with node:crypto', async () => {
    const expected = ids
      .map((id) => ({ id, ticket: createHmac('sha256', SEED).update(id).digest('hex') }))
      .sort((a, b) => (a.ticket < b.ticket ? -1 : 1))
      .map((t) => t.id);
    expect((await drawOrder(SEED, ids)).map((t) => t.id)).toEqual(expected);
    expect(await drawWinners(SEED, ids, 3)).toEqual(expected.slice(0, 3));
    expect(await seedHash(SEED)).toBe(createHash('sha256').update(SEED).digest('hex'));
  });

  it('is reproducible from the seed, whatever the order of the list, and changes with the seed', async () => {
    const winners = await drawWinners(SEED, ids, 5);
    expect(await drawWinners(SEED, [...ids].reverse(), 5)).toEqual(winners);
    expect(await drawWinners(SEED, ids, 5)).toEqual(winners);
    expect(await drawWinners('b'.repeat(64), ids, 5)).not.toEqual(winners);
    expect(new Set(winners).size).toBe(5);
  });

  it('never picks more winners than eligible entries, nor one twice', async () => {
    expect(await drawWinners(SEED, ['p_1', 'p_1', 'p_2'], 5)).toHaveLength(2);
    expect(await drawWinners(SEED, [], 3)).toEqual([]);
  });

  it('makes 32-byte random seeds in hex', () => {
    const a = newSeed();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(newSeed()).not.toBe(a);
  });
});
