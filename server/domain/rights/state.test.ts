import { describe, expect, it } from 'vitest';
import { rightsRequests } from '../../db/schema.ts';
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

  for (const status of rightsRequests.status.enumValues) {
    it(`reads a ${status} request`, () => {
      expect(rightsPageState({ erasedAt: null, status, linkExpiresAt: NOW + 1 }, NOW)).toBe(expected[status].live);
      // The link stops working at its expiry instant, not a millisecond later.
      expect(rightsPageState({ erasedAt: null, status, linkExpiresAt: NOW }, NOW)).toBe(expected[status].expired);
      expect(rightsPageState({ erasedAt: NOW - 1, status, linkExpiresAt: NOW + 1 }, NOW)).toBe('erased');
      expect(rightsPageState({ erasedAt: NOW - 1, status, linkExpiresAt: NOW }, NOW)).toBe('erased');
    });
  }
});

describe('mayAnswer', () => {
  const allowed: Record<RightsPageState, string[]> = {
    ask: ['grant', 'decline'],
    declined: ['grant'],
    granted: ['withdraw', 'erase'],
    withdrawn: ['erase'],
    erased: [],
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
