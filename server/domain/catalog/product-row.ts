/**
 * One feed row, whatever the format, turned into a product: field names as Google Merchant
 * Center spells them (with the aliases plain CSVs use), values read leniently the way real
 * feeds write them, and a reason naming the field when a row cannot be used.
 */
import { AVAILABILITIES } from '../../db/schema.ts';
import { hash53 } from '../../lib/hash53.ts';
import { cutText, safeText, shortenText } from '../../../shared/text.ts';
import { parsePrice } from './price.ts';

export type Availability = (typeof AVAILABILITIES)[number];

export interface ProductRow {
  sku: string;
  groupId: string | null;
  title: string;
  brand: string | null;
  gtin: string | null;
  link: string;
  imageUrl: string | null;
  priceMinor: number | null;
  salePriceMinor: number | null;
  currency: string | null;
  availability: Availability;
}

export interface RowError {
  field: string;
  message: string;
}

/** A row as read from the file: lower-cased field names, text values. */
export type RawRow = Record<string, string | undefined>;

const ALIASES: Record<string, string[]> = {
  id: ['id', 'sku', 'product_id', 'variant_sku'],
  title: ['title', 'name', 'product_name'],
  link: ['link', 'url', 'product_url'],
  image_link: ['image_link', 'image', 'image_url'],
  price: ['price'],
  sale_price: ['sale_price'],
  currency: ['currency'],
  availability: ['availability', 'stock', 'in_stock'],
  brand: ['brand', 'vendor'],
  gtin: ['gtin', 'ean', 'upc', 'barcode'],
  item_group_id: ['item_group_id', 'group_id', 'parent_id'],
};

const FIELD_BY_ALIAS = new Map(Object.entries(ALIASES).flatMap(([field, aliases]) => aliases.map((alias) => [alias, field] as const)));
/** Every item of an XML feed repeats the same dozen element names. */
const fieldNames = new Map<string, string>();

/** The Merchant Center name a header stands for (`g:image_link`, `Image Link` → `image_link`), or the header itself. */
export function fieldName(header: string): string {
  let field = fieldNames.get(header);
  if (field === undefined) {
    const name = header.trim().toLowerCase().replace(/^g:/, '').replace(/[\s-]+/g, '_');
    field = FIELD_BY_ALIAS.get(name) ?? name;
    if (fieldNames.size < 1000) fieldNames.set(header, field);
  }
  return field;
}

const AVAILABILITY_WORDS: Record<string, Availability> = {
  in_stock: 'in_stock',
  instock: 'in_stock',
  available: 'in_stock',
  available_for_order: 'in_stock',
  limited_availability: 'in_stock',
  true: 'in_stock',
  yes: 'in_stock',
  '1': 'in_stock',
  out_of_stock: 'out_of_stock',
  outofstock: 'out_of_stock',
  sold_out: 'out_of_stock',
  soldout: 'out_of_stock',
  discontinued: 'out_of_stock',
  false: 'out_of_stock',
  no: 'out_of_stock',
  '0': 'out_of_stock',
  preorder: 'preorder',
  pre_order: 'preorder',
  backorder: 'backorder',
  back_order: 'backorder',
};

/** `in stock`, `in_stock`, `InStock`, `https://schema.org/InStock`, `true`… */
export function readAvailability(text: string): Availability | null {
  const word = text
    .trim()
    .replace(/^https?:\/\/schema\.org\//i, '')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return AVAILABILITY_WORDS[word] ?? null;
}

const MAX_SKU = 100;
const MAX_TITLE = 300;

const isWebUrl = (value: string) => {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};

export function toProductRow(raw: RawRow, feedCurrency: string | null): { ok: true; row: ProductRow } | { ok: false; error: RowError } {
  // A feed's text is well-formed, not refused: one bad character must not cost a merchant the whole feed.
  const text = (field: string) => {
    const value = raw[field] === undefined ? undefined : safeText(raw[field]).trim();
    return value ? value : null;
  };
  const fail = (field: string, message: string) => ({ ok: false as const, error: { field, message: `${field}: ${message}` } });

  const sku = text('id');
  if (!sku) return fail('id', 'is missing');
  if (sku.length > MAX_SKU) return fail('id', `is longer than ${MAX_SKU} characters`);
  const title = text('title');
  if (!title) return fail('title', 'is missing');
  const link = text('link');
  if (!link) return fail('link', 'is missing');
  if (!isWebUrl(link)) return fail('link', `"${cutText(link, 80)}" is not an http(s) URL`);
  const imageUrl = text('image_link');
  if (imageUrl && !isWebUrl(imageUrl)) return fail('image_link', `"${cutText(imageUrl, 80)}" is not an http(s) URL`);

  const currencyColumn = text('currency')?.toUpperCase() ?? null;
  let currency: string | null = null;
  let priceMinor: number | null = null;
  const priceText = text('price');
  if (priceText) {
    const price = parsePrice(priceText, currencyColumn ?? feedCurrency);
    if (!price.ok) return fail('price', price.message);
    priceMinor = price.minor;
    currency = price.currency;
  }
  let salePriceMinor: number | null = null;
  const saleText = text('sale_price');
  if (saleText) {
    const sale = parsePrice(saleText, currency ?? currencyColumn ?? feedCurrency);
    if (!sale.ok) return fail('sale_price', sale.message);
    if (currency && sale.currency !== currency) return fail('sale_price', `is in ${sale.currency} but the price is in ${currency}`);
    salePriceMinor = sale.minor;
    currency = sale.currency;
  }

  let availability: Availability = 'in_stock';
  const availabilityText = text('availability');
  if (availabilityText) {
    const read = readAvailability(availabilityText);
    if (!read) return fail('availability', `"${cutText(availabilityText, 40)}" is not one of in stock, out of stock, preorder, backorder`);
    availability = read;
  }

  return {
    ok: true,
    row: {
      sku,
      groupId: text('item_group_id'),
      title: shortenText(title, MAX_TITLE),
      brand: text('brand'),
      gtin: text('gtin'),
      link,
      imageUrl,
      priceMinor,
      salePriceMinor,
      currency,
      availability,
    },
  };
}

/** The fields toProductRow reads; anything else in a feed row (descriptions, shipping) changes nothing. */
const IMPORTED_FIELDS = ['id', 'title', 'link', 'image_link', 'price', 'sale_price', 'currency', 'availability', 'brand', 'gtin', 'item_group_id'] as const;
/** Bumped when toProductRow reads a row differently, so the next import re-reads every row. */
const ROW_RULES_VERSION = 1;

/**
 * What decides whether a re-import changes a product: the row as the feed wrote it (the fields
 * that are imported) and the feed's currency. Hashing the raw row lets an unchanged row skip
 * toProductRow altogether. cyrb53: not cryptographic, it only has to notice edits.
 */
export function rowHash(raw: RawRow, feedCurrency: string | null): string {
  let text = `${ROW_RULES_VERSION}\u001f${feedCurrency ?? ''}`;
  for (const field of IMPORTED_FIELDS) text += `\u001f${raw[field]?.trim() ?? ''}`;
  return hash53(text).toString(36);
}
