/**
 * Reading a feed from the merchant's URL. Redirects are followed by hand so that every hop is
 * checked to be a public https host (the server must not be steered into its own network), and
 * Shopify's products.json is read page by page (250 products a page) as its storefront serves it.
 */
import type { CatalogFormat } from '../../shared/admin-types.ts';
import { isPublicHttpsUrl } from '../rules/safe-url.ts';
import { feedRows, type FeedRow } from './read/feed-rows.ts';
import { FeedSyntaxError } from './read/feed-syntax-error.ts';
import { shopifyRows } from './read/shopify.ts';
import { textChunks } from './read/text-chunks.ts';

export type Outbound = (request: Request) => Promise<Response>;

export const MAX_FEED_BYTES = 100 * 1024 * 1024;
const MAX_REDIRECTS = 3;
const SHOPIFY_PAGE = 250;
/** 100,000 products: beyond that a storefront JSON crawl is the wrong tool. */
const MAX_SHOPIFY_PAGES = 400;

export class FeedFetchError extends Error {}

async function fetchChecked(outbound: Outbound, url: string): Promise<Response> {
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (!isPublicHttpsUrl(current)) throw new FeedFetchError(`${current} is not an https address on a public host`);
    let response: Response;
    try {
      response = await outbound(new Request(current, { redirect: 'manual', headers: { accept: '*/*', 'user-agent': 'Vitrine catalog import' } }));
    } catch (error) {
      throw new FeedFetchError(`could not reach ${current}: ${(error as Error).message}`);
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      current = new URL(location, current).href;
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new FeedFetchError(`${current} answered ${response.status}`);
    }
    return response;
  }
  throw new FeedFetchError(`${url} redirects more than ${MAX_REDIRECTS} times`);
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
    const response = await fetchChecked(outbound, shopifyPageUrl(url, page));
    let body: { products?: unknown };
    try {
      body = (await response.json()) as { products?: unknown };
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
  const response = await fetchChecked(outbound, feed.url);
  yield* feedRows(feed.format, textChunks(response.body, MAX_FEED_BYTES), { storeUrl: feed.storeUrl });
}
