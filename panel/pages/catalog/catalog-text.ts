/** How the catalog page puts feeds and imports into words (pure, so every page says it the same way). */
import type { CatalogFeed, CatalogFormat, CatalogImport } from '../../../shared/admin-types.ts';
import { t, tn, formatDateTime } from '../../i18n/i18n.ts';

export const FORMATS: Record<CatalogFormat, string> = {
  merchant_xml: 'Google Merchant Center XML (RSS)',
  merchant_tsv: 'Google Merchant Center TSV',
  shopify_json: 'Shopify products.json',
  csv: 'CSV',
};

/** What a file of each format must hold, as the server's reader takes it (server/domain/catalog/product-row.ts). */
export const formatColumns = (format: CatalogFormat): string => t(`catalog.columns.${format}`);

const HOURS = ['1', '6', '12', '24', '168'] as const;
export const refreshHours = (): Record<string, string> => Object.fromEntries(HOURS.map((hours) => [hours, t(`catalog.refresh.${hours}`)]));

/** The format a file's name suggests, or null when it says nothing (the chosen format stays). */
export function formatOfFile(name: string): CatalogFormat | null {
  const extension = name.toLowerCase().split('.').pop();
  if (extension === 'xml' || extension === 'rss') return 'merchant_xml';
  if (extension === 'tsv' || extension === 'txt') return 'merchant_tsv';
  if (extension === 'json') return 'shopify_json';
  if (extension === 'csv') return 'csv';
  return null;
}

export const when = (ms: number | null, none: string): string => (ms === null ? none : formatDateTime(ms));

export function refreshText(feed: CatalogFeed): string {
  if (!feed.url) return t('catalog.byUpload');
  if (!feed.refreshHours) return t('catalog.whenAsked');
  return refreshHours()[String(feed.refreshHours)] ?? t('catalog.everyHours', { hours: feed.refreshHours });
}


/** "3 added, 1 updated, 40 unchanged, 2 missing, 1 invalid row". */
export function importCounts(imp: Pick<CatalogImport, 'added' | 'updated' | 'unchanged' | 'missing' | 'invalid'>): string {
  return t('catalog.counts', { added: imp.added, updated: imp.updated, unchanged: imp.unchanged, missing: imp.missing, invalid: tn('catalog.invalidRows', imp.invalid) });
}

export const statusText = (status: CatalogImport['status']): string => t(`catalog.status.${status}`);
export const triggerText = (trigger: CatalogImport['trigger']): string => t(`catalog.trigger.${trigger}`);

/** The label of the button that applies a preview: it says when invalid rows are left out. */
export const applyLabel = (invalid: number): string => (invalid === 0 ? t('catalog.apply') : t('catalog.applySkipping', { rows: tn('catalog.invalidRows', invalid) }));
