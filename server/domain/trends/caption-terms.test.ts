import { describe, expect, it } from 'vitest';
import { captionTerms } from './caption-terms.ts';
import { countTerms, risingTerms } from './rising.ts';

describe('captionTerms', () => {
  it('takes each hashtag and word once, folded to lower case, leaving mentions, links and common words out', () => {
    expect(captionTerms('#Linen #LINEN morning with @maison.lumen https://shop.example/linen linen Morning')).toEqual({ hashtags: ['linen'], words: ['morning', 'linen'] });
  });

  it('reads every script, and folds composed and decomposed accents to one tag', () => {
    expect(captionTerms('#Été #e\u0301te\u0301 plage ensoleillée 🌊🌊 #夏 #2026').hashtags).toEqual(['été', '夏']);
    expect(captionTerms("aujourd'hui l’atelier").words).toEqual(["aujourd'hui", "l'atelier"]);
  });

  it('keeps no term of a flood: 3,000 emoji and a 500-letter tag give nothing', () => {
    expect(captionTerms(`${'🌊'.repeat(3000)} #${'a'.repeat(500)} ${'b'.repeat(500)}`)).toEqual({ hashtags: [], words: [] });
  });
});

describe('risingTerms', () => {
  it('ranks by posts gained, then growth, then name; drops terms that do not rise or are too rare', () => {
    const now = countTerms([['a', 'b', 'c'], ['a', 'b'], ['a', 'd'], ['e', 'b']]);
    const before = countTerms([['b'], ['b'], ['b'], ['c']]);
    // a 3 vs 0 (+3), b 3 vs 3 (flat), c 1 (too rare), d 1, e 1.
    expect(risingTerms(now, before, { limit: 10, minCount: 2 })).toEqual([{ term: 'a', count: 3, previous: 0, growth: 4 }]);
    const tie = risingTerms(countTerms([['y', 'x'], ['y', 'x']]), new Map(), { limit: 1, minCount: 2 });
    expect(tie).toEqual([{ term: 'x', count: 2, previous: 0, growth: 3 }]);
  });
});
