import type { PublicProduct } from '../../shared/api-types.ts';

/**
 * Decimal amounts in major units (GA4's `value` and `price`) to integer minor units, by the
 * currency's ISO 4217 exponent. Rounded to the nearest unit so 19.99 never becomes 1998.
 */
const EXPONENT: Record<string, number> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
};

export const currencyExponent = (currency: string): number => EXPONENT[currency] ?? 2;

export function toMinorUnits(amount: number, currency: string): number {
  return Math.round(amount * 10 ** currencyExponent(currency));
}

/** The price a shopper pays (the sale price when there is one), as the API gives prices. */
export function shopperPrice(p: { minor: number | null; sale: number | null; currency: string | null }): PublicProduct['price'] {
  const amount = p.sale ?? p.minor;
  return amount !== null && p.currency ? { amount, currency: p.currency } : null;
}
