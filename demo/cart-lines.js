// The rows of a cart or an order: product, quantity and line price, as text.
import { formatPrice } from '/store.js';

export function showLines(body, lines) {
  body.replaceChildren(
    ...lines.map((line) => {
      const row = document.createElement('tr');
      row.dataset.sku = line.sku;
      for (const text of [line.title, String(line.quantity), formatPrice(line.price * line.quantity)]) {
        const cell = document.createElement('td');
        cell.textContent = text;
        row.append(cell);
      }
      return row;
    }),
  );
}
