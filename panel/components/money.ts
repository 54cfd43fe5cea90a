/** Minor units in their currency: 12900 EUR → "€129.00" (JPY has no minor units). */
export function money(minor: number, currency: string): string {
  try {
    const format = new Intl.NumberFormat('en', { style: 'currency', currency });
    return format.format(minor / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
  } catch {
    return `${(minor / 100).toLocaleString('en')} ${currency}`;
  }
}
