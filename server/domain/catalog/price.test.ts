import { describe, expect, it } from 'vitest';
import { parsePrice } from './price.ts';

describe('parsePrice', () => {
  it.each([
    ['24.99 EUR', null, 2499, 'EUR'],
    ['EUR24.99', null, 2499, 'EUR'],
    ['eur 24.99', null, 2499, 'EUR'],
    ['24,99 EUR', null, 2499, 'EUR'],
    ['1.234,56 EUR', null, 123456, 'EUR'],
    ['1,234.56 USD', null, 123456, 'USD'],
    ['1 234,50 €', null, 123450, 'EUR'],
    ["1'234.50 CHF", null, 123450, 'CHF'],
    ['€24,99', null, 2499, 'EUR'],
    ['£5', null, 500, 'GBP'],
    ['$19.90', null, 1990, 'USD'],
    ['$19.90', 'CAD', 1990, 'CAD'],
    ['4999 JPY', null, 4999, 'JPY'],
    ['1,234 USD', null, 123400, 'USD'],
    ['29.99', 'EUR', 2999, 'EUR'],
    ['0', 'EUR', 0, 'EUR'],
    ['\u00a024.99\u00a0EUR ', null, 2499, 'EUR'],
  ])('reads %s', (text, feed, minor, currency) => {
    expect(parsePrice(text, feed)).toEqual({ ok: true, minor, currency });
  });

  it('says why a price cannot be read', () => {
    expect(parsePrice('24.99', null)).toEqual({ ok: false, message: '"24.99" has no currency; write it as "24.99 EUR" or set the feed\'s currency' });
    expect(parsePrice('free', 'EUR')).toMatchObject({ ok: false, message: '"free" is not a price' });
    expect(parsePrice('-5 EUR', null)).toMatchObject({ ok: false });
    expect(parsePrice('1.2.3,4,5 EUR', null)).toMatchObject({ ok: false });
    expect(parsePrice('24.99 E1R', null)).toMatchObject({ ok: false });
  });
});
