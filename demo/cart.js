// The cart page: what the store's cart (localStorage, see store.js) holds, and the checkout.
import { showLines } from '/cart-lines.js';
import { placeOrder } from '/orders.js';
import { formatPrice, readCart, writeCart } from '/store.js';

function show() {
  const items = readCart();
  document.querySelector('[data-empty]').hidden = items.length > 0;
  document.querySelector('[data-cart]').hidden = items.length === 0;
  for (const button of document.querySelectorAll('[data-clear], [data-place-order]')) button.hidden = items.length === 0;
  showLines(document.querySelector('[data-lines]'), items);
  document.querySelector('[data-total]').textContent = formatPrice(items.reduce((sum, item) => sum + item.price * item.quantity, 0));
}

document.querySelector('[data-clear]').addEventListener('click', () => {
  writeCart([]);
  show();
});
// The demo's checkout is one step: the order is placed and the confirmation page shows it.
document.querySelector('[data-place-order]').addEventListener('click', () => {
  placeOrder(readCart());
  writeCart([]);
  location.assign('/order.html');
});
show();
