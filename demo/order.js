// The order confirmation page: shows the order just placed and reports the purchase to Vitrine.
// Reloading the page reports it again with the same transaction_id, which Vitrine counts once.
import { lastOrder, purchaseOf } from '/orders.js';
import { formatPrice } from '/store.js';
import { showLines } from '/cart-lines.js';

const order = lastOrder();
document.querySelector('[data-none]').hidden = order !== null;
document.querySelector('[data-order]').hidden = order === null;
if (order) {
  document.querySelector('[data-order-id]').textContent = order.id;
  showLines(document.querySelector('[data-lines]'), order.lines);
  document.querySelector('[data-total]').textContent = formatPrice(order.totalCents);
  window.vitrine('track', 'purchase', purchaseOf(order));
}
