import { describe, expect, it } from 'vitest';
import { judgeReply } from './reply.ts';

const base = { fromUsername: 'clara.home', postAuthor: 'clara.home', approvalHashtag: 'YesLumen', brandHandle: 'maisonlumen' };

describe('judgeReply', () => {
  it('approves the author writing both the hashtag and the @handle', () => {
    expect(judgeReply({ ...base, text: 'Of course! #yeslumen @MaisonLumen' })).toBe('approves');
    expect(judgeReply({ ...base, fromUsername: 'Clara.Home', text: '@maisonlumen #YesLumen ❤️' })).toBe('approves');
  });

  it.each([
    ['the hashtag without the @handle', '#YesLumen'],
    ['the @handle without the hashtag', 'sure @maisonlumen'],
    ['a longer hashtag', '#YesLumenForever @maisonlumen'],
    ['a longer handle', '#YesLumen @maisonlumen.fake'],
    ['a heart', '❤️'],
  ])('waits for a human on %s', (_case, text) => {
    expect(judgeReply({ ...base, text })).toBe('author_replied');
  });

  it('ignores anyone but the author, even with both markers', () => {
    expect(judgeReply({ ...base, fromUsername: 'someone.else', text: '#YesLumen @maisonlumen' })).toBe('ignored');
  });

  it('never approves when the author is unknown (hashtag media)', () => {
    expect(judgeReply({ ...base, postAuthor: null, text: '#YesLumen @maisonlumen' })).toBe('author_replied');
  });
});
