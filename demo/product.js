// A product page: /products/<SKU> (the link the demo products carry), or /product.html?sku=<SKU>
// where no server route maps the path.
import { addToCart, findProduct, formatPrice } from '/store.js';

const sku = decodeURIComponent(/^\/products\/([\w.-]+)$/.exec(location.pathname)?.[1] ?? new URLSearchParams(location.search).get('sku') ?? '');
const product = findProduct(sku);

if (!product) {
  document.querySelector('[data-not-found]').hidden = false;
  document.title = 'Not found — Maison Lumen';
} else {
  const page = document.querySelector('[data-product]');
  document.title = `${product.title} — Maison Lumen`;
  page.querySelector('[data-field="title"]').textContent = product.title;
  page.querySelector('[data-field="price"]').textContent = formatPrice(product.price);
  page.querySelector('[data-field="text"]').textContent = product.text;
  page.querySelector('.product-photo').dataset.color = product.sku;
  page.querySelector('[data-add]').addEventListener('click', () => addToCart(product));
  page.hidden = false;

  // Vitrine: only the posts that show this product.
  const gallery = document.createElement('vitrine-gallery');
  gallery.setAttribute('gallery', 'demo');
  gallery.setAttribute('product', product.sku);
  gallery.setAttribute('layout', 'carousel');
  const section = document.querySelector('[data-ugc]');
  section.append(gallery);
  section.hidden = false;
}
