import { describe, expect, it } from 'vitest';
import { posts } from '../../db/schema.ts';
import { isPublicPost, type PublicnessFacts } from './publicness.ts';

const NOW = 1_000_000;

describe('isPublicPost', () => {
  // Every combination of the facts: each status of the schema, the grant's end before, at and
  // after now (or none), deletion at source and erasure each set or not.
  const combinations: PublicnessFacts[] = [];
  for (const moderationStatus of posts.moderationStatus.enumValues)
    for (const rightsStatus of posts.rightsStatus.enumValues)
      for (const rightsExpiresAt of [null, NOW - 1, NOW, NOW + 1])
        for (const sourceDeletedAt of [null, NOW - 1])
          for (const erasedAt of [null, NOW - 1]) combinations.push({ moderationStatus, rightsStatus, rightsExpiresAt, sourceDeletedAt, erasedAt });

  it('makes public exactly the approved posts with a grant that has not ended, neither deleted nor erased', () => {
    const open = combinations.filter((facts) => isPublicPost(facts, NOW));
    expect(open).toEqual([
      { moderationStatus: 'approved', rightsStatus: 'granted', rightsExpiresAt: null, sourceDeletedAt: null, erasedAt: null },
      { moderationStatus: 'approved', rightsStatus: 'granted', rightsExpiresAt: NOW + 1, sourceDeletedAt: null, erasedAt: null },
    ]);
    expect(combinations.length).toBe(posts.moderationStatus.enumValues.length * posts.rightsStatus.enumValues.length * 16);
  });

  it('ends a grant at its expiry instant', () => {
    const live = { moderationStatus: 'approved', rightsStatus: 'granted', sourceDeletedAt: null, erasedAt: null } as const;
    expect(isPublicPost({ ...live, rightsExpiresAt: NOW }, NOW - 1)).toBe(true);
    expect(isPublicPost({ ...live, rightsExpiresAt: NOW }, NOW)).toBe(false);
  });
});
