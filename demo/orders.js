// The demo store's checkout: placing an order from the cart, and the order as GA4's purchase
// object, which the confirmation page hands to Vitrine. No real orders are taken.
const ORDER_KEY = 'maison-lumen-last-order';
export const CURRENCY = 'EUR';

/** Turns the cart's lines into an order with a fresh transaction id, kept for the confirmation page. */
export function placeOrder(lines) {
  const random = crypto.getRandomValues(new Uint32Array(1))[0].toString(36).toUpperCase();
  const order = {
    id: `ML-${Date.now().toString(36).toUpperCase()}-${random}`,
    lines,
    totalCents: lines.reduce((sum, line) => sum + line.price * line.quantity, 0),
    currency: CURRENCY,
  };
  localStorage.setItem(ORDER_KEY, JSON.stringify(order));
  return order;
}

export function lastOrder() {
  try {
    return JSON.parse(localStorage.getItem(ORDER_KEY) || 'null');
  } catch {
    return null;
  }
}

/** GA4's purchase: values in major units, item_id the SKU (what products are tagged with in Vitrine). */
export function purchaseOf(order) {
  return {
    transaction_id: order.id,
    value: order.totalCents / 100,
    currency: order.currency,
    items: order.lines.map((line) => ({ item_id: line.sku, item_name: line.title, price: line.price / 100, quantity: line.quantity })),
  };
}
