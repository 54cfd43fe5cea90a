/**
 * Reading a feed from the merchant's URL through the guarded fetcher (every redirect hop
 * checked, a deadline and a size cap while the body streams), and Shopify's products.json page
 * by page (250 products a page) as its storefront serves it.
 */
import type { CatalogFormat } from '../../../shared/admin-types.ts';
import type { Outbound } from '../../outbound/guarded-fetch.ts';
import { feedRows, type FeedRow } from './read/feed-rows.ts';
import { FeedSyntaxError } from './read/feed-syntax-error.ts';
import { shopifyRows } from './read/shopify.ts';
import { textChunks } from './read/text-chunks.ts';

export const MAX_FEED_BYTES = 100 * 1024 * 1024;
/** A 100 MB feed over a slow link still arrives; a server that drips forever does not hold the task. */
const FEED_TIMEOUT_MS = 5 * 60_000;
const SHOPIFY_PAGE = 250;
/** 100,000 products: beyond that a storefront JSON crawl is the wrong tool. */
const MAX_SHOPIFY_PAGES = 400;

export class FeedFetchError extends Error {}

async function fetchFeed(outbound: Outbound, url: string): Promise<Response> {
  const response = await outbound(new Request(url, { headers: { accept: '*/*', 'user-agent': 'Vitrine catalog import' } }), { maxBytes: MAX_FEED_BYTES, timeoutMs: FEED_TIMEOUT_MS });
  if (!response.ok) {
    await response.body?.cancel();
    throw new FeedFetchError(`${url} answered ${response.status}`);
  }
  return response;
}

/** The products.json address for a store or products.json URL, at a page. */
function shopifyPageUrl(url: string, page: number): string {
  const u = new URL(url);
  if (!u.pathname.endsWith('/products.json')) u.pathname = `${u.pathname.replace(/\/+$/, '')}/products.json`;
  u.searchParams.set('limit', String(SHOPIFY_PAGE));
  u.searchParams.set('page', String(page));
  return u.href;
}

async function* shopifyPages(outbound: Outbound, url: string, storeUrl: string | null): AsyncGenerator<FeedRow> {
  let number = 0;
  for (let page = 1; page <= MAX_SHOPIFY_PAGES; page++) {
    const response = await fetchFeed(outbound, shopifyPageUrl(url, page));
    // Read first, so a refused or cut-off answer is reported as such, not as bad JSON.
    const text = await response.text();
    let body: { products?: unknown };
    try {
      body = JSON.parse(text) as { products?: unknown };
    } catch {
      throw new FeedSyntaxError(`page ${page} is not JSON`);
    }
    if (!Array.isArray(body?.products)) throw new FeedSyntaxError(`page ${page} has no "products" array`);
    // Rows are numbered by product across pages: there is no file to give lines of.
    for (const product of body.products) {
      number++;
      const rows = shopifyRows(product, storeUrl);
      if ('error' in rows) yield { line: number, error: rows.error };
      else for (const fields of rows) yield { line: number, fields };
    }
    if (body.products.length < SHOPIFY_PAGE) return;
  }
}

export async function* fetchFeedRows(outbound: Outbound, feed: { url: string; format: CatalogFormat; storeUrl: string | null }): AsyncGenerator<FeedRow> {
  if (feed.format === 'shopify_json') {
    yield* shopifyPages(outbound, feed.url, feed.storeUrl ?? new URL(feed.url).origin);
    return;
  }
  const response = await fetchFeed(outbound, feed.url);
  yield* feedRows(feed.format, textChunks(response.body, MAX_FEED_BYTES), { storeUrl: feed.storeUrl });
}
