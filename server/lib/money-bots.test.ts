import { describe, expect, it } from 'vitest';
import { isBotUserAgent } from './bots.ts';
import { toMinorUnits } from './money.ts';

describe('toMinorUnits', () => {
  it('rounds decimal major units to the currency exponent', () => {
    expect(toMinorUnits(19.99, 'EUR')).toBe(1999);
    expect(toMinorUnits(0.1 + 0.2, 'USD')).toBe(30);
    expect(toMinorUnits(1500, 'JPY')).toBe(1500);
    expect(toMinorUnits(1.234, 'KWD')).toBe(1234);
  });
});

describe('isBotUserAgent', () => {
  it('drops crawlers, previews, tools and empty agents', () => {
    for (const ua of ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'facebookexternalhit/1.1', 'curl/8.5.0', 'python-requests/2.31', '', undefined]) {
      expect(isBotUserAgent(ua)).toBe(true);
    }
  });
  it('keeps real browsers', () => {
    for (const ua of [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
    ]) {
      expect(isBotUserAgent(ua)).toBe(false);
    }
  });
});
