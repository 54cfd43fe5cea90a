import { html, nothing, type TemplateResult } from 'lit';
import type { PublicProduct } from '../../shared/api-types.ts';
import { fill, type Strings } from '../i18n/strings.ts';
import type { MirrorExtras } from '../tracking/types.ts';

/**
 * A link the widget may put in an `href` or `src`: https, or a path on the store's own site.
 * The API already drops anything else; checking again keeps a `javascript:` URL out for good.
 */
export function safeLink(url: string | null): string | null {
  return url && /^(https:\/\/|\/(?!\/))/.test(url) ? url : null;
}

/**
 * The price in the page's language (its `lang`, else the browser's), with the currency's own
 * number of decimals (`amount` is in minor units: 12900 EUR cents are 129.00, 500 JPY are 500).
 * Null without a price or for a currency code the browser does not know.
 */
export function formatPrice(price: PublicProduct['price'], locale: string | undefined = document.documentElement.lang || undefined): string | null {
  if (!price) return null;
  for (const candidate of [locale, undefined]) {
    try {
      const format = new Intl.NumberFormat(candidate, { style: 'currency', currency: price.currency });
      return format.format(price.amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
    } catch {
      // An invalid `lang` on the page: try the browser's locale; an unknown currency: no price.
    }
  }
  return null;
}

/** A price in major units (GA4's): 12900 EUR cents are 129, 500 JPY are 500. */
export function majorUnits(price: NonNullable<PublicProduct['price']>): number {
  try {
    return price.amount / 10 ** (new Intl.NumberFormat('en', { style: 'currency', currency: price.currency }).resolvedOptions().maximumFractionDigits ?? 2);
  } catch {
    return price.amount / 100;
  }
}

/** The product as GA4 names it, for the optional dataLayer mirror: by SKU, in major units. */
export function productMirror(product: PublicProduct): MirrorExtras {
  const price = product.price ? majorUnits(product.price) : undefined;
  return {
    items: [{ item_id: product.sku, item_name: product.title, ...(price !== undefined ? { price } : {}), quantity: 1 }],
    ...(product.price ? { currency: product.price.currency, value: price } : {}),
  };
}

/** The accessible name of a product's hotspot: "Arc Table Lamp, €129.00". */
export function productLabel(product: PublicProduct): string {
  const price = formatPrice(product.price);
  return price ? `${product.title}, ${price}` : product.title;
}

/** A product image the shop no longer serves leaves no broken-image icon: the card goes on without it. */
const hideImage = (event: Event) => ((event.target as HTMLImageElement).hidden = true);

/**
 * A product's card: image, title, price, availability, a "Shop" link to its page and an
 * "Add to cart" button. Titles are text, never HTML.
 */
export function productCard(product: PublicProduct, words: Strings, onAdd: (product: PublicProduct) => void, onShop: (product: PublicProduct) => void): TemplateResult {
  const image = safeLink(product.imageUrl);
  const price = formatPrice(product.price);
  const link = safeLink(product.link);
  return html`<div class="product" part="product">
    ${image
      ? html`<img class="product-image" part="product-image" src=${image} alt="" width="64" height="64" loading="lazy" decoding="async" @error=${hideImage} />`
      : nothing}
    <div class="product-text">
      <p class="product-title" part="product-title">${product.title}</p>
      ${price ? html`<p class="product-price" part="product-price">${price}</p>` : nothing}
      <p class="product-availability" part="product-availability" data-availability=${product.availability}>
        ${words[product.availability] ?? ''}
      </p>
      <div class="product-actions">
        ${link
          ? html`<a class="shop" part="shop" href=${link} aria-label=${fill(words.shopProduct, { title: product.title })} @click=${() => onShop(product)}>${words.shop}</a>`
          : nothing}
        <button
          class="add-to-cart"
          part="add-to-cart"
          type="button"
          aria-label=${fill(words.addProduct, { title: product.title })}
          ?disabled=${product.availability === 'out_of_stock'}
          @click=${() => onAdd(product)}
        >
          ${words.addToCart}
        </button>
      </div>
    </div>
  </div>`;
}
