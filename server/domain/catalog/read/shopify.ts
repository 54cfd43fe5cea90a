/**
 * Shopify's storefront `products.json`: one product per element with its variants; each
 * variant becomes a product row (its SKU, or its id when the shop left SKUs empty) grouped
 * under the product. Prices are strings without a currency (the feed's currency applies);
 * `compare_at_price` above the price means the variant is on sale.
 */
import type { RawRow } from '../product-row.ts';

interface ShopifyVariant {
  id?: number | string;
  title?: string;
  sku?: string | null;
  price?: string | number | null;
  compare_at_price?: string | number | null;
  available?: boolean;
  barcode?: string | null;
  featured_image?: { src?: string } | null;
}

interface ShopifyProduct {
  id?: number | string;
  title?: string;
  handle?: string;
  vendor?: string;
  images?: { src?: string }[];
  variants?: ShopifyVariant[];
}

export function shopifyRows(value: unknown, storeUrl: string | null): RawRow[] | { error: { field: string; message: string } } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { error: { field: 'product', message: 'product: is not an object' } };
  const product = value as ShopifyProduct;
  if (!Array.isArray(product.variants) || product.variants.length === 0) return { error: { field: 'variants', message: 'variants: a product needs at least one variant' } };
  const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const base = storeUrl?.replace(/\/+$/, '') ?? '';
  return product.variants.map((variant) => {
    const price = Number(variant.price);
    const compareAt = Number(variant.compare_at_price);
    const onSale = Number.isFinite(compareAt) && compareAt > price;
    const named = variant.title && variant.title !== 'Default Title' ? `${product.title ?? ''} — ${variant.title}` : str(product.title);
    return {
      id: str(variant.sku) || str(variant.id),
      item_group_id: str(product.id),
      title: named,
      // Without the store's address a handle is no link; the row then fails on `link`, which says so.
      link: base && product.handle ? `${base}/products/${encodeURIComponent(product.handle)}${product.variants!.length > 1 ? `?variant=${str(variant.id)}` : ''}` : '',
      image_link: str(variant.featured_image?.src ?? product.images?.[0]?.src),
      price: onSale ? str(variant.compare_at_price) : str(variant.price),
      sale_price: onSale ? str(variant.price) : '',
      availability: variant.available === false ? 'out_of_stock' : 'in_stock',
      brand: str(product.vendor),
      gtin: str(variant.barcode),
    };
  });
}
