import { describe, expect, it } from 'vitest';
import { decideByRules, type RuleForMatching } from './auto-moderation.ts';

const rules: RuleForMatching[] = [
  { id: 'r1', kind: 'blocked_word', value: 'spam' },
  { id: 'r2', kind: 'blocked_word', value: 'free money' },
  { id: 'r3', kind: 'blocked_hashtag', value: 'ad' },
  { id: 'r4', kind: 'blocked_author', value: 'bot.account' },
  { id: 'r5', kind: 'min_resolution', value: '640' },
  { id: 'r6', kind: 'trusted_author', value: 'clara.home' },
];
const post = (caption: string, authorUsername: string | null = 'someone', width: number | null = 1080) => ({ caption, authorUsername, width });

describe('decideByRules', () => {
  it('leaves ordinary posts to a human', () => {
    expect(decideByRules(post('Lovely lamp #interiors'), rules)).toBeNull();
    expect(decideByRules(post('Not spammy at all, #adventure time'), rules)).toBeNull();
  });

  it.each([
    [post('This is SPAM, buy now'), 'r1', 'caption contains the blocked word "spam"'],
    [post('Get FREE MONEY today'), 'r2', 'caption contains the blocked word "free money"'],
    [post('Sponsored #AD'), 'r3', 'caption uses the blocked hashtag #ad'],
    [post('hello', 'Bot.Account'), 'r4', '@bot.account is a blocked author'],
    [post('small', 'someone', 320), 'r5', 'image is 320 px wide, under the 640 px minimum'],
  ])('rejects %j by rule %s', (candidate, ruleId, reason) => {
    expect(decideByRules(candidate, rules)).toEqual({ status: 'rejected', ruleId, reason });
  });

  it('approves trusted authors, unless a blocking rule matches', () => {
    expect(decideByRules(post('New lamp', 'Clara.Home'), rules)).toEqual({ status: 'approved', ruleId: 'r6', reason: '@clara.home is a trusted author' });
    expect(decideByRules(post('spam lamp', 'clara.home'), rules)?.status).toBe('rejected');
  });

  it('does not judge resolution before it is known', () => {
    expect(decideByRules(post('fine', 'someone', null), rules)).toBeNull();
  });
});

describe('decideByRules, every rule kind alone and against trust', () => {
  // A Record over the kinds: a new kind does not compile until it has its row here.
  const cases: Record<RuleForMatching['kind'], { value: string; matches: ReturnType<typeof post>; misses: ReturnType<typeof post> }> = {
    blocked_word: { value: 'spam', matches: post('so Spam.'), misses: post('spammy #nospam') },
    blocked_hashtag: { value: 'ad', matches: post('new #Ad here'), misses: post('an ad, #adventure') },
    blocked_author: { value: 'bot.account', matches: post('hi', 'BOT.account'), misses: post('hi', 'bot.account2') },
    min_resolution: { value: '640', matches: post('hi', 'someone', 639), misses: post('hi', 'someone', 640) },
    trusted_author: { value: 'clara.home', matches: post('hi', 'clara.home'), misses: post('hi', null) },
  };

  for (const [kind, { value, matches, misses }] of Object.entries(cases) as [RuleForMatching['kind'], (typeof cases)[RuleForMatching['kind']]][]) {
    it(`${kind}: decides on a match and leaves the rest to a human`, () => {
      const rule = { id: 'r', kind, value };
      expect(decideByRules(matches, [rule])?.status).toBe(kind === 'trusted_author' ? 'approved' : 'rejected');
      expect(decideByRules(misses, [rule])).toBeNull();
      expect(decideByRules(matches, [])).toBeNull();
    });
    if (kind === 'trusted_author') continue;
    it(`${kind}: a match wins over a trusted author, whichever rule comes first`, () => {
      const trusted = { ...matches, authorUsername: kind === 'blocked_author' ? matches.authorUsername : 'clara.home' };
      const trust = { id: 'trust', kind: 'trusted_author', value: trusted.authorUsername!.toLowerCase() } as const;
      const block = { id: 'block', kind, value };
      expect(decideByRules(trusted, [trust, block])).toMatchObject({ status: 'rejected', ruleId: 'block' });
      expect(decideByRules(trusted, [block, trust])).toMatchObject({ status: 'rejected', ruleId: 'block' });
    });
  }
});
