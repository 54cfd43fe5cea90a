import { describe, expect, it } from 'vitest';
import { posts, rightsRequests } from '../../db/schema.ts';
import { AUTHOR_ACTIONS, isAuthorAction, mayAnswer, rightsPageState, type RightsPageState } from './state.ts';

const NOW = 1_000_000;

describe('rightsPageState', () => {
  // Every status the schema allows, erased or not, link live or expired: the whole table.
  const expected: Record<(typeof rightsRequests.status.enumValues)[number], { live: RightsPageState; expired: RightsPageState }> = {
    draft: { live: 'ask', expired: 'link_expired' },
    sent: { live: 'ask', expired: 'link_expired' },
    author_replied: { live: 'ask', expired: 'link_expired' },
    granted: { live: 'granted', expired: 'granted' },
    declined: { live: 'declined', expired: 'link_expired' },
    withdrawn: { live: 'withdrawn', expired: 'withdrawn' },
    expired: { live: 'ask', expired: 'link_expired' },
  };

  it('covers every request status of the schema', () => {
    expect(Object.keys(expected).sort()).toEqual([...rightsRequests.status.enumValues].sort());
  });

  const verifications = [null, ...posts.rightsVerification.enumValues];
  for (const status of rightsRequests.status.enumValues) {
    it(`reads a ${status} request`, () => {
      for (const rightsVerification of verifications) {
        // A grant typed on the page waits for the author's account; nothing else reads the verification.
        const waits = (state: RightsPageState) => (state === 'granted' && rightsVerification === 'awaiting' ? 'verify' : state);
        const facts = { erasedAt: null, erasureDueAt: null, status, rightsVerification };
        expect(rightsPageState({ ...facts, linkExpiresAt: NOW + 1 }, NOW)).toBe(waits(expected[status].live));
        // The link stops working at its expiry instant, not a millisecond later.
        expect(rightsPageState({ ...facts, linkExpiresAt: NOW }, NOW)).toBe(waits(expected[status].expired));
        for (const linkExpiresAt of [NOW, NOW + 1]) {
          expect(rightsPageState({ ...facts, erasureDueAt: NOW + 1, linkExpiresAt }, NOW)).toBe('erasure_pending');
          expect(rightsPageState({ ...facts, erasedAt: NOW - 1, linkExpiresAt }, NOW)).toBe('erased');
          expect(rightsPageState({ ...facts, erasedAt: NOW - 1, erasureDueAt: NOW + 1, linkExpiresAt }, NOW)).toBe('erased');
        }
      }
    });
  }
});

describe('mayAnswer', () => {
  const allowed: Record<RightsPageState, string[]> = {
    ask: ['grant', 'decline'],
    declined: ['grant'],
    granted: ['withdraw', 'erase'],
    verify: ['withdraw', 'erase'],
    withdrawn: ['erase'],
    erased: [],
    erasure_pending: [],
    link_expired: [],
  };

  for (const [state, actions] of Object.entries(allowed) as [RightsPageState, string[]][]) {
    it(`lets the author ${actions.join(' or ') || 'do nothing'} from ${state}`, () => {
      expect(AUTHOR_ACTIONS.filter((action) => mayAnswer(state, action))).toEqual(actions);
    });
  }

  it('knows the four answers and nothing else', () => {
    expect(AUTHOR_ACTIONS).toEqual(['grant', 'decline', 'withdraw', 'erase']);
    expect(['grant', 'decline', 'withdraw', 'erase'].every(isAuthorAction)).toBe(true);
    expect(['', 'approve', 'toString', '__proto__'].some(isAuthorAction)).toBe(false);
  });
});
