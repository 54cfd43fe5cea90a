import { describe, expect, it } from 'vitest';
import { posts } from '../../db/schema.ts';
import { isPublicPost, type PublicnessFacts } from './publicness.ts';

const NOW = 1_000_000;

describe('isPublicPost', () => {
  // Every combination of the facts: each status and verification state of the schema (or none),
  // the grant's end before, at and after now (or none), deletion at source, erasure and a pending
  // erasure each set or not.
  const combinations: PublicnessFacts[] = [];
  for (const moderationStatus of posts.moderationStatus.enumValues)
    for (const rightsStatus of posts.rightsStatus.enumValues)
      for (const rightsExpiresAt of [null, NOW - 1, NOW, NOW + 1])
        for (const rightsVerification of [null, ...posts.rightsVerification.enumValues])
          for (const sourceDeletedAt of [null, NOW - 1])
            for (const erasedAt of [null, NOW - 1])
              for (const erasureDueAt of [null, NOW + 1])
                combinations.push({ moderationStatus, rightsStatus, rightsExpiresAt, rightsVerification, sourceDeletedAt, erasedAt, erasureDueAt });

  it('makes public exactly the approved posts with a verified grant that has not ended, neither deleted nor erased nor waiting for erasure', () => {
    const open = combinations.filter((facts) => isPublicPost(facts, NOW));
    const live = { moderationStatus: 'approved', rightsStatus: 'granted', sourceDeletedAt: null, erasedAt: null, erasureDueAt: null } as const;
    expect(open).toEqual([
      { ...live, rightsExpiresAt: null, rightsVerification: 'account' },
      { ...live, rightsExpiresAt: null, rightsVerification: 'page' },
      { ...live, rightsExpiresAt: null, rightsVerification: 'email' },
      { ...live, rightsExpiresAt: NOW + 1, rightsVerification: 'account' },
      { ...live, rightsExpiresAt: NOW + 1, rightsVerification: 'page' },
      { ...live, rightsExpiresAt: NOW + 1, rightsVerification: 'email' },
    ]);
    expect(combinations.length).toBe(
      posts.moderationStatus.enumValues.length * posts.rightsStatus.enumValues.length * 4 * (posts.rightsVerification.enumValues.length + 1) * 8,
    );
  });

  it('ends a grant at its expiry instant', () => {
    const live = { moderationStatus: 'approved', rightsStatus: 'granted', rightsVerification: 'account', sourceDeletedAt: null, erasedAt: null, erasureDueAt: null } as const;
    expect(isPublicPost({ ...live, rightsExpiresAt: NOW }, NOW - 1)).toBe(true);
    expect(isPublicPost({ ...live, rightsExpiresAt: NOW }, NOW)).toBe(false);
  });
});
