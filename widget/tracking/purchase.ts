import type { TransactionInput } from '../../shared/schemas/events.ts';

// A chunk of its own, which the loader imports on the order page (vite.config.ts): small, so
// not shared/text.ts, but a cut that backs off one unit rather than end
// on the first half of a surrogate pair (the server would refuse the batch for it).
const cut = (value: string, max: number) => value.slice(0, /[\ud800-\udbff]/.test(value.charAt(max - 1)) ? max - 1 : max);
const text = (value: unknown, max: number) => cut(String(value ?? '').trim(), max);
/** A price or total in major units, as a number; undefined when it is not one within bounds. */
const amount = (value: unknown) => {
  const number = Number(value);
  return number >= 0 && number <= 1e9 ? number : undefined;
};

/**
 * The contract's `transaction` from what a page passes to `vitrine('track', 'purchase', …)`.
 * Pages pass GA4's purchase object, which often carries more (tax, shipping, coupon, item
 * brands) and numbers as strings: only the contract's fields are kept (an undefined one is left
 * out of the JSON), numbers are read, and strings are cut to their limits, because the server
 * refuses a whole batch for one bad field. Throws when the order itself can't be told.
 */
export function purchaseTransaction(input: unknown): TransactionInput {
  const given = (input ?? {}) as Record<string, unknown>;
  const items = (Array.isArray(given.items) ? (given.items as (Record<string, unknown> | null)[]).slice(0, 100) : []).map((item) => {
    const quantity = Number(item?.quantity);
    return {
      item_id: text(item?.item_id, 100),
      item_name: item?.item_name == null ? undefined : cut(String(item.item_name), 200),
      price: amount(item?.price),
      quantity: Number.isInteger(quantity) && quantity > 0 && quantity <= 1e4 ? quantity : undefined,
    };
  });
  const transaction = {
    transaction_id: text(given.transaction_id, 100),
    value: amount(given.value),
    currency: text(given.currency, 9).toUpperCase(),
    items: items.filter((item) => item.item_id),
  };
  if (!transaction.transaction_id || transaction.value === undefined || !/^[A-Z]{3}$/.test(transaction.currency)) {
    throw new TypeError('vitrine("track", "purchase") needs transaction_id, value and currency');
  }
  return transaction as TransactionInput;
}
