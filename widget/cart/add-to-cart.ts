import type { PublicProduct } from '../../shared/api-types.ts';
import { fill, type Strings } from '../i18n/strings.ts';
import { safeLink } from '../lightbox/product-card.ts';

/** The event the gallery dispatches when a shopper asks to add a product to the cart. */
export const ADD_TO_CART_EVENT = 'vitrine:add-to-cart';

export interface AddToCartDetail {
  product: PublicProduct;
  /** The post the product was found on. */
  postId: string;
  galleryId: string;
  quantity: number;
  /**
   * For a page that handled the event: shows the shopper a confirmation in the lightbox (which
   * covers the page, so the store's own notice would not be seen), by default
   * "<title> was added to your cart.". Call it once the store's cart has the product.
   */
  confirm: (message?: string) => void;
}

/**
 * Adds a product to the store's cart, in this order:
 * 1. The `vitrine:add-to-cart` event (cancelable, bubbling, composed) goes to the page, and to
 *    listeners registered with `vitrine('on', 'add-to-cart', fn)`. A listener that calls
 *    `preventDefault()` adds the product itself (its own cart), then `detail.confirm()`.
 * 2. Otherwise the `cart` adapter the merchant opted into runs: `shopify` posts to the store's
 *    `/cart/add.js` (Shopify's AJAX cart API) with the product's variant id (shopifyVariantId).
 * 3. Otherwise the shopper goes to the product page, where the store's own button is.
 *
 * Answers a sentence for the shopper when there is one to say (the adapter's outcome). Tells
 * `outcome` whether a cart took the product (the page's, or the adapter's) or the shopper was
 * sent to the product page, before leaving the page.
 */
export async function addToCart(
  target: HTMLElement,
  detail: AddToCartDetail,
  adapter: string | null,
  words: Strings,
  outcome: (added: boolean) => void = () => {},
): Promise<string | null> {
  const event = new CustomEvent<AddToCartDetail>(ADD_TO_CART_EVENT, { detail, bubbles: true, composed: true, cancelable: true });
  if (!target.dispatchEvent(event)) {
    outcome(true);
    return null;
  }
  if (adapter === 'shopify') return addToShopifyCart(detail, words, outcome);
  const link = safeLink(detail.product.link);
  outcome(false);
  if (link) location.assign(link);
  return null;
}

/**
 * Shopify's cart takes a variant id. A catalog imported from the store's `products.json` keeps
 * each variant's SKU (its id only when the SKU was empty), so a SKU that is not a number is
 * looked up among the variants of the product's own page, `/products/<handle>.js` (Shopify's
 * storefront API, same origin as the page).
 */
async function shopifyVariantId(product: PublicProduct): Promise<number> {
  if (/^\d{1,15}$/.test(product.sku)) return Number(product.sku);
  const handle = /\/products\/([^/?#]+)/.exec(new URL(product.link ?? '', location.href).pathname)?.[1];
  if (!handle) throw new Error(`${product.sku} has no product page to find its variant on`);
  const response = await fetch(`/products/${handle}.js`, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) throw new Error(`HTTP ${response.status} for /products/${handle}.js`);
  const { variants = [] } = (await response.json()) as { variants?: { id: number; sku: string | null }[] };
  const variant = variants.find((v) => v.sku === product.sku);
  if (!variant) throw new Error(`no variant of /products/${handle} has the SKU ${product.sku}`);
  return variant.id;
}

async function addToShopifyCart({ product, quantity }: AddToCartDetail, words: Strings, outcome: (added: boolean) => void): Promise<string> {
  try {
    const id = await shopifyVariantId(product);
    const response = await fetch('/cart/add.js', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ items: [{ id, quantity }] }),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    outcome(true);
    return fill(words.added, { title: product.title });
  } catch (error) {
    console.error('[vitrine] the Shopify cart refused the product', error);
    return fill(words.notAdded, { title: product.title });
  }
}

