import type { PublicProduct } from '../../shared/api-types.ts';

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

/** Adds to a Shopify store's cart through its AJAX cart API, `/cart/add.js`. */
export async function addToShopifyCart(product: PublicProduct, quantity: number): Promise<void> {
  const id = await shopifyVariantId(product);
  const response = await fetch('/cart/add.js', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify({ items: [{ id, quantity }] }),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status} for /cart/add.js`);
}
