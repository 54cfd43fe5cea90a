// The cart page: what the store's cart (localStorage, see store.js) holds.
import { formatPrice, readCart, writeCart } from '/store.js';

function show() {
  const items = readCart();
  document.querySelector('[data-empty]').hidden = items.length > 0;
  document.querySelector('[data-cart]').hidden = items.length === 0;
  document.querySelector('[data-clear]').hidden = items.length === 0;
  const lines = document.querySelector('[data-lines]');
  lines.replaceChildren(
    ...items.map((item) => {
      const row = document.createElement('tr');
      row.dataset.sku = item.sku;
      for (const text of [item.title, String(item.quantity), formatPrice(item.price * item.quantity)]) {
        const cell = document.createElement('td');
        cell.textContent = text;
        row.append(cell);
      }
      return row;
    }),
  );
  document.querySelector('[data-total]').textContent = formatPrice(items.reduce((sum, item) => sum + item.price * item.quantity, 0));
}

document.querySelector('[data-clear]').addEventListener('click', () => {
  writeCart([]);
  show();
});
show();
