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
 *    `/cart/add.js` (Shopify's AJAX cart API) with the product's SKU as the variant id.
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

async function addToShopifyCart({ product, quantity }: AddToCartDetail, words: Strings, outcome: (added: boolean) => void): Promise<string> {
  // Shopify's variant ids are numbers; its cart API also accepts them as strings.
  const id = /^\d{1,15}$/.test(product.sku) ? Number(product.sku) : product.sku;
  try {
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

