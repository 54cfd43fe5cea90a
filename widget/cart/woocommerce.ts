import type { PublicProduct } from '../../shared/api-types.ts';

/**
 * WordPress announces its REST root in every page's head (`<link rel="https://api.w.org/">`),
 * which is not `/wp-json/` when the store lives in a folder or uses plain permalinks.
 */
function restRoot(): string {
  const announced = document.querySelector<HTMLLinkElement>('link[rel="https://api.w.org/"]')?.href;
  return announced ? (announced.endsWith('/') ? announced : `${announced}/`) : new URL('/wp-json/', location.href).href;
}

async function storeApi(path: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(`${restRoot()}wc/store/v1/${path}`, { credentials: 'same-origin', ...init, headers: { Accept: 'application/json', ...init.headers } });
  if (!response.ok) throw new Error(`HTTP ${response.status} for wc/store/v1/${path.split('?')[0]}`);
  return response;
}

/**
 * The Store API adds by product id. Tagged products are named by SKU, so the SKU is looked up
 * among products, then among variations (which the products list leaves out unless asked). A
 * feed that names products by their WooCommerce id (as Google feed plugins often do) gives a
 * number that no SKU matches: that number is the id.
 */
async function productId(sku: string): Promise<{ id: number; nonce: string | null }> {
  let nonce: string | null = null;
  for (const type of ['', '&type=variation']) {
    const response = await storeApi(`products?sku=${encodeURIComponent(sku)}${type}`);
    nonce = response.headers.get('Nonce') ?? nonce;
    const [found] = (await response.json()) as { id: number }[];
    if (found) return { id: found.id, nonce };
  }
  if (/^\d{1,15}$/.test(sku)) return { id: Number(sku), nonce };
  throw new Error(`no product or variation has the SKU ${sku}`);
}

/**
 * Adds to a WooCommerce store's cart through the Store API (WooCommerce 8+, no plugin), in the
 * shopper's own cart session. Its writes need the `Nonce` header any Store API answer carries.
 */
export async function addToWooCommerceCart(product: PublicProduct, quantity: number): Promise<void> {
  const { id, nonce } = await productId(product.sku);
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (nonce) headers.Nonce = nonce;
  await storeApi('cart/add-item', { method: 'POST', headers, body: JSON.stringify({ id, quantity }) });
  // Themes refresh their mini-cart on this jQuery event (WooCommerce's own add-to-cart buttons fire it).
  (window as { jQuery?: (target: Document) => { trigger: (name: string) => void } }).jQuery?.(document).trigger('wc_fragment_refresh');
}
