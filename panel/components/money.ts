import { intlLocale } from '../i18n/i18n.ts';

/** Minor units in their currency, in the panel's locale: 12900 EUR → "€129.00" (en), "129,00 €" (fr); JPY has no minor units. */
export function money(minor: number, currency: string): string {
  try {
    const format = new Intl.NumberFormat(intlLocale(), { style: 'currency', currency });
    return format.format(minor / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
  } catch {
    return `${(minor / 100).toLocaleString(intlLocale())} ${currency}`;
  }
}
