/** How the catalog page puts feeds and imports into words (pure, so every page says it the same way). */
import type { CatalogFeed, CatalogFormat, CatalogImport } from '../../../shared/admin-types.ts';

export const FORMATS: Record<CatalogFormat, string> = {
  merchant_xml: 'Google Merchant Center XML (RSS)',
  merchant_tsv: 'Google Merchant Center TSV',
  shopify_json: 'Shopify products.json',
  csv: 'CSV',
};

/** What a file of each format must hold, as the server's reader takes it (server/domain/catalog/product-row.ts). */
export const FORMAT_COLUMNS: Record<CatalogFormat, string> = {
  merchant_xml: 'An RSS feed whose items have g:id, g:title and g:link; optionally g:price (e.g. 12.90 EUR), g:sale_price, g:availability, g:image_link and g:item_group_id.',
  merchant_tsv: 'A header row with id, title and link; optionally price (e.g. 12.90 EUR), sale_price, availability, image_link, brand, gtin and item_group_id.',
  shopify_json: 'The store’s /products.json as Shopify serves it: each variant’s SKU is the product’s; the store address makes the links.',
  csv: 'A header row with sku (or id), name (or title) and url (or link); optionally price, currency, sale_price, in_stock (yes/no) or availability, image, vendor and item_group_id.',
};

export const REFRESH_HOURS: Record<string, string> = { '1': 'Every hour', '6': 'Every 6 hours', '12': 'Every 12 hours', '24': 'Every day', '168': 'Every week' };

/** The format a file's name suggests, or null when it says nothing (the chosen format stays). */
export function formatOfFile(name: string): CatalogFormat | null {
  const extension = name.toLowerCase().split('.').pop();
  if (extension === 'xml' || extension === 'rss') return 'merchant_xml';
  if (extension === 'tsv' || extension === 'txt') return 'merchant_tsv';
  if (extension === 'json') return 'shopify_json';
  if (extension === 'csv') return 'csv';
  return null;
}

export const when = (ms: number | null, none: string): string => (ms === null ? none : new Date(ms).toLocaleString());

export function refreshText(feed: CatalogFeed): string {
  if (!feed.url) return 'By upload';
  if (!feed.refreshHours) return 'Only when asked';
  return REFRESH_HOURS[String(feed.refreshHours)] ?? `Every ${feed.refreshHours} hours`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "3 added, 1 updated, 40 unchanged, 2 missing, 1 invalid row". */
export function importCounts(imp: Pick<CatalogImport, 'added' | 'updated' | 'unchanged' | 'missing' | 'invalid'>): string {
  return `${imp.added} added, ${imp.updated} updated, ${imp.unchanged} unchanged, ${imp.missing} missing, ${plural(imp.invalid, 'invalid row', 'invalid rows')}`;
}

export const STATUS_TEXT: Record<CatalogImport['status'], string> = { previewed: 'Waiting to be applied', applied: 'Applied', discarded: 'Discarded' };
export const TRIGGER_TEXT: Record<CatalogImport['trigger'], string> = { upload: 'Uploaded file', url: 'Fetched now', schedule: 'Scheduled refresh' };

/** The label of the button that applies a preview: it says when invalid rows are left out. */
export const applyLabel = (invalid: number): string => (invalid === 0 ? 'Apply' : `Apply skipping ${plural(invalid, 'invalid row', 'invalid rows')}`);
