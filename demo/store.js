// The demo merchant's own script, as a store's theme would have it: its catalogue, its cart
// (kept in localStorage) and how it wires Vitrine's "Add to cart" into that cart. Plain JS.

export const PRODUCTS = [
  { sku: 'LUM-LAMP-01', title: 'Arc Table Lamp', price: 12900, color: '#e0a458', text: 'A brass arc and a linen shade: warm light for reading corners.' },
  { sku: 'LUM-VASE-02', title: 'Ripple Stoneware Vase', price: 4900, color: '#7a9e9f', text: 'Thrown by hand, glazed in sea green, made for dried flowers.' },
  { sku: 'LUM-MUG-03', title: 'Morning Mug, Sand', price: 1800, color: '#d9c5b2', text: 'A heavy stoneware mug that keeps coffee warm for slow mornings.' },
  { sku: 'LUM-BAG-04', title: 'Market Tote, Olive', price: 5900, color: '#6b7f3a', text: 'Waxed cotton, leather handles, room for a week of vegetables.' },
  { sku: 'LUM-CUSH-05', title: 'Linen Cushion, Terracotta', price: 3900, color: '#c8553d', text: 'Washed linen in a warm terracotta, with a feather insert.' },
  { sku: 'LUM-CNDL-06', title: 'Fig Leaf Candle', price: 2600, color: '#f2e8cf', text: 'Soy wax scented with fig leaves; burns for about 50 hours.' },
];

const CART_KEY = 'maison-lumen-cart';
const money = new Intl.NumberFormat('en-IE', { style: 'currency', currency: 'EUR' });

export const formatPrice = (cents) => money.format(cents / 100);
export const findProduct = (sku) => PRODUCTS.find((product) => product.sku === sku);

/** The cart: `[{ sku, title, price, quantity }]`. */
export function readCart() {
  try {
    const items = JSON.parse(localStorage.getItem(CART_KEY) || '[]');
    return Array.isArray(items) ? items : [];
  } catch {
    return [];
  }
}

export function writeCart(items) {
  localStorage.setItem(CART_KEY, JSON.stringify(items));
  showCartCount();
}

export function addToCart({ sku, title, price }) {
  const items = readCart();
  const line = items.find((item) => item.sku === sku);
  if (line) line.quantity += 1;
  else items.push({ sku, title, price, quantity: 1 });
  writeCart(items);
  say(`${title} was added to your cart.`);
}

function showCartCount() {
  const count = readCart().reduce((sum, item) => sum + item.quantity, 0);
  for (const element of document.querySelectorAll('[data-cart-count]')) element.textContent = String(count);
}

/** A polite announcement at the bottom of the screen. */
function say(message) {
  const toast = document.querySelector('[data-toast]');
  if (!toast) return;
  toast.textContent = message;
  toast.hidden = false;
  clearTimeout(say.timer);
  say.timer = setTimeout(() => (toast.hidden = true), 4000);
}

showCartCount();

// The store's consent banner, as an EU store needs one: until the shopper answers, Vitrine
// stores nothing and counts only anonymous totals; the answer is passed on with
// vitrine('consent', …) on every page (the store keeps it, as a consent platform would).
const CONSENT_KEY = 'maison-lumen-consent';

function tellVitrine(choice) {
  if (window.vitrine) window.vitrine('consent', { analytics: choice === 'granted' });
}

function consentBanner() {
  const banner = document.querySelector('[data-consent-banner]');
  const saved = localStorage.getItem(CONSENT_KEY);
  if (saved === 'granted' || saved === 'denied') {
    banner?.remove();
    return tellVitrine(saved);
  }
  // The banner is in each page's HTML, at the top and in the flow (it covers nothing the shopper
  // may want to click): added here, after the first paint, it would push the page down.
  banner?.addEventListener('click', (event) => {
    const choice = event.target.closest('[data-consent]')?.dataset.consent;
    if (!choice) return;
    localStorage.setItem(CONSENT_KEY, choice);
    tellVitrine(choice);
    banner.remove();
    say(choice === 'granted' ? 'Thanks: analytics are on.' : 'Understood: nothing about your visit is stored.');
  });
}

consentBanner();

// Vitrine: "Add to cart" in the gallery puts the product in this store's cart. preventDefault()
// tells the widget the store handles it (otherwise it would open the product page), and
// detail.confirm() shows the shopper, in the lightbox, that the cart has it.
if (window.vitrine) {
  window.vitrine('on', 'add-to-cart', (detail, event) => {
    event.preventDefault();
    const known = findProduct(detail.product.sku);
    addToCart({
      sku: detail.product.sku,
      title: detail.product.title,
      price: detail.product.price ? detail.product.price.amount : known ? known.price : 0,
    });
    detail.confirm();
  });
}
