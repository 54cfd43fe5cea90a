import { describe, expect, it } from 'vitest';
import { CONSENT_USES, consentCovers } from './scope.ts';

/** Every subset of the five scopes: 32 scopes an author may have agreed to. */
const everyScope = () => Array.from({ length: 2 ** CONSENT_USES.length }, (_, mask) => CONSENT_USES.filter((_, i) => mask & (1 << i)));

describe('consentCovers', () => {
  it('knows the five uses terms can list', () => {
    expect([...CONSENT_USES]).toEqual(['website', 'social', 'ads', 'print', 'email']);
  });

  it('covers a use exactly when the scope names it, for every scope and every use', () => {
    let covered = 0;
    for (const scope of everyScope())
      for (const use of CONSENT_USES) {
        const expected = scope.includes(use);
        expect(consentCovers(scope, use), `${JSON.stringify(scope)} covers ${use}`).toBe(expected);
        if (expected) covered++;
      }
    expect(covered).toBe(5 * 16); // each use is in half of the 32 subsets
  });

  it('covers nothing without a scope on record', () => {
    for (const use of CONSENT_USES) {
      expect(consentCovers(null, use)).toBe(false);
      expect(consentCovers(undefined, use)).toBe(false);
      expect(consentCovers([], use)).toBe(false);
    }
  });

  it('reads no more into a scope than it says: no wildcard, no case folding, no neighbouring use', () => {
    expect(consentCovers(['*'], 'ads')).toBe(false);
    expect(consentCovers(['all'], 'email')).toBe(false);
    expect(consentCovers(['ADS'], 'ads')).toBe(false);
    expect(consentCovers(['ads '], 'ads')).toBe(false);
    expect(consentCovers(['social'], 'ads')).toBe(false); // a social post is not an ad
    expect(consentCovers(['website'], 'email')).toBe(false); // a website is not an inbox
    expect(consentCovers([1, null, { ads: true }], 'ads')).toBe(false);
  });
});
