/**
 * Prices as feeds write them: `24.99 EUR` (Google's form), `EUR24.99`, `€24,99`, `1.234,56 EUR`,
 * `1,234.56 USD`, `4999 JPY`, or a bare `24.99` that takes the feed's currency. Amounts become
 * integer minor units with the currency's own number of decimals (JPY has none), as
 * the public API and the widget expect.
 */
export type PriceResult = { ok: true; minor: number; currency: string } | { ok: false; message: string };

const SYMBOLS: Record<string, string> = { '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₩': 'KRW', '₽': 'RUB', '₺': 'TRY', 'zł': 'PLN', 'kr': 'SEK', 'CHF': 'CHF' };

// Building an Intl.NumberFormat costs ~20 µs; a feed asks for the same currency 50,000 times.
const decimalsByCurrency = new Map<string, number>();

export function currencyDecimals(currency: string): number {
  let decimals = decimalsByCurrency.get(currency);
  if (decimals === undefined) {
    decimals = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    decimalsByCurrency.set(currency, decimals);
  }
  return decimals;
}

export const isCurrencyCode = (code: string) => {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  try {
    currencyDecimals(code);
    return true;
  } catch {
    return false;
  }
};

export function parsePrice(text: string, feedCurrency: string | null): PriceResult {
  let rest = text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  let currency: string | null = null;
  const code = /^([A-Za-z]{3})\s?(?=[\d.,])|(?<=[\d.,])\s?([A-Za-z]{3})$/.exec(rest);
  if (code) {
    currency = (code[1] ?? code[2])!.toUpperCase();
    rest = rest.slice(0, code.index) + rest.slice(code.index + code[0].length);
  } else {
    const symbol = Object.keys(SYMBOLS).find((s) => rest.startsWith(s) || rest.endsWith(s));
    if (symbol) {
      currency = SYMBOLS[symbol]!;
      rest = rest.startsWith(symbol) ? rest.slice(symbol.length) : rest.slice(0, -symbol.length);
    } else if (rest.startsWith('$') || rest.endsWith('$')) {
      // "$" is a dollar of some country: the feed's own currency when it is a dollar, else USD.
      currency = feedCurrency && feedCurrency.endsWith('D') ? feedCurrency : 'USD';
      rest = rest.replace(/^\$|\$$/, '');
    }
  }
  const amount = parseAmount(rest.replace(/[ ']/g, ''));
  if (amount === null) return { ok: false, message: `"${text}" is not a price` };
  currency ??= feedCurrency;
  if (!currency) return { ok: false, message: `"${text}" has no currency; write it as "24.99 EUR" or set the feed's currency` };
  if (!isCurrencyCode(currency)) return { ok: false, message: `"${currency}" is not an ISO 4217 currency code` };
  return { ok: true, minor: Math.round(amount * 10 ** currencyDecimals(currency)), currency };
}

/** A decimal number whichever of `.` and `,` separates the decimals: the last one does, when both appear. */
function parseAmount(text: string): number | null {
  if (!/^\d[\d.,]*$/.test(text) && !/^[.,]\d+$/.test(text)) return null;
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  let normal: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    normal = text.split(thousands).join('').replace(decimal, '.');
  } else if (lastComma >= 0) {
    // "24,99" is a decimal comma; "1,234" with three digits after a single comma is thousands.
    const commas = text.split(',').length - 1;
    normal = commas === 1 && text.length - lastComma - 1 !== 3 ? text.replace(',', '.') : text.split(',').join('');
  } else {
    normal = text.split('.').length > 2 ? text.split('.').join('') : text;
  }
  if ((normal.match(/\./g) ?? []).length > 1) return null;
  const value = Number(normal);
  return Number.isFinite(value) && value >= 0 ? value : null;
}
