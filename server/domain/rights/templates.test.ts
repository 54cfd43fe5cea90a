import { describe, expect, it } from 'vitest';
import { REQUEST_LANGUAGES, requestMessage } from './templates.ts';

const words = { author: 'clara.home', brandName: 'Maison Lumen', brandHandle: 'maisonlumen', hashtag: 'YesLumen', link: 'https://v.example/r/req_1.abc' };

describe('requestMessage', () => {
  it.each(REQUEST_LANGUAGES)('in %s, every variant says who asks, how to agree and where the terms are', (language) => {
    const messages = new Set(Array.from({ length: 60 }, (_, i) => requestMessage(language, `post_${i}`, words)));
    expect(messages.size).toBe(3);
    for (const message of messages) {
      expect(message).toContain('Maison Lumen');
      expect(message).toContain('#YesLumen @maisonlumen');
      expect(message).toContain(words.link);
      expect(message).toContain('@clara.home');
      // Instagram comments are limited to 2,200 characters.
      expect(message.length).toBeLessThan(2200);
    }
  });

  it('addresses nobody by name when the author is unknown', () => {
    expect(requestMessage('en', 'post_1', { ...words, author: null })).not.toContain('@clara');
  });
});
