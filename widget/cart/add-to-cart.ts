import type { PublicProduct } from '../../shared/api-types.ts';
import { fill, type Strings } from '../i18n/strings.ts';
import { safeLink } from '../lightbox/product-card.ts';
import { addToShopifyCart } from './shopify.ts';
import { addToWooCommerceCart } from './woocommerce.ts';

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

type StoreCart = (product: PublicProduct, quantity: number) => Promise<void>;

/** The store carts the `cart` attribute can name (a Map: an attribute like `toString` names none). */
const CARTS = new Map<string, StoreCart>([
  ['shopify', addToShopifyCart],
  ['woocommerce', addToWooCommerceCart],
]);

/**
 * Adds a product to the store's cart, in this order:
 * 1. The `vitrine:add-to-cart` event (cancelable, bubbling, composed) goes to the page, and to
 *    listeners registered with `vitrine('on', 'add-to-cart', fn)`. A listener that calls
 *    `preventDefault()` adds the product itself (its own cart), then `detail.confirm()`.
 * 2. Otherwise the `cart` adapter the merchant opted into runs: `shopify` posts to the store's
 *    `/cart/add.js` (Shopify's AJAX cart API) with the product's variant id (shopify.ts);
 *    `woocommerce` posts to the Store API's `cart/add-item` with its product id (woocommerce.ts).
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
  const cart = adapter ? CARTS.get(adapter) : undefined;
  if (cart) return addToStoreCart(cart, adapter!, detail, words, outcome);
  const link = safeLink(detail.product.link);
  outcome(false);
  if (link) location.assign(link);
  return null;
}

async function addToStoreCart(cart: StoreCart, name: string, { product, quantity }: AddToCartDetail, words: Strings, outcome: (added: boolean) => void): Promise<string> {
  try {
    await cart(product, quantity);
    outcome(true);
    return fill(words.added, { title: product.title });
  } catch (error) {
    console.error(`[vitrine] the ${name} cart refused the product`, error);
    return fill(words.notAdded, { title: product.title });
  }
}
