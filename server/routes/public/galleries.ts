import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { GalleryPostsResponse } from '../../../shared/api-types.ts';
import type { AppEnv } from '../../http/env.ts';
import { answerWithEtag } from '../../http/etag.ts';
import { invalidParameter, notFound } from '../../domain/errors.ts';
import { cursorParam, intParam } from '../../http/query.ts';
import { galleryFreshness } from '../../domain/galleries/content-version.ts';
import { findGallery } from '../../domain/galleries/galleries.ts';
import { listGalleryPosts } from '../../domain/posts/public-posts.ts';
import { galleryHtml } from './gallery-html.ts';
import { mediaUrlBuilder } from './media-url.ts';

const GALLERY_ID = /^[A-Za-z0-9_-]{1,64}$/;
const PRODUCT = /^[A-Za-z0-9._:/-]{1,100}$/;

/**
 * One page of a gallery, as both routes serve it. With `?product=`, only posts showing that
 * product; when fewer than the gallery's minimum match (on a first page), its fallback gallery —
 * or, without one, the gallery unfiltered — so a product page is never left empty.
 */
async function galleryPage(c: Context<AppEnv>): Promise<GalleryPostsResponse> {
  const id = c.req.param('id') ?? '';
  if (!GALLERY_ID.test(id)) throw invalidParameter('id', 'must be 1-64 letters, digits, "_" or "-"');
  const limit = intParam(c.req.query('limit'), 'limit', { min: 1, max: 100, fallback: 0 });
  const product = c.req.query('product') || undefined;
  if (product !== undefined && !PRODUCT.test(product)) throw invalidParameter('product', 'must be a SKU or product group id (letters, digits, . _ - : /)');
  const inStock = c.req.query('inStock');
  if (inStock !== undefined && inStock !== 'true' && inStock !== 'false') throw invalidParameter('inStock', 'must be true or false');
  // The answer cache has read it already (c.var.gallery); read here only when it has not.
  const found = c.var.gallery ?? (await galleryFreshness(c.var.db, id));
  if (!found) throw notFound(`gallery "${id}"`);
  const { gallery } = found;
  const cursor = cursorParam(c.req.query('cursor'), gallery.sort === 'newest' ? 'key' : 'offset');

  const list = (target: typeof gallery, withProduct: boolean) =>
    listGalleryPosts(c.var.db, {
      gallery: target,
      limit: limit || target.pageSize,
      cursor: target === gallery ? cursor : null,
      now: c.var.clock.now(),
      mediaUrl: mediaUrlBuilder(c.var.config.publicUrl ?? new URL(c.req.url).origin),
      product: withProduct && product ? { query: product, inStockOnly: inStock === 'true' } : undefined,
    });
  let page = await list(gallery, true);
  let shown = gallery;
  let fallback = false;
  if (product && !cursor && page.posts.length < gallery.minPosts) {
    const other = gallery.fallbackGalleryId ? await findGallery(c.var.db, gallery.fallbackGalleryId) : null;
    shown = other && other.workspaceId === gallery.workspaceId ? other : gallery;
    page = await list(shown, false);
    fallback = true;
  }
  // Browser-only caching, no stale-while-revalidate: no CDN may keep a withdrawn post. Shared
  // caching waits for purge-on-withdrawal (Cache API on Workers), so withdrawal keeps winning everywhere.
  c.header('Cache-Control', 'private, max-age=15');
  return {
    gallery: { id: shown.id, name: shown.name, layout: shown.layout },
    ...page,
    ...(product ? { product: { query: product, fallback } } : {}),
    tracking: { workspaceId: gallery.workspaceId, holdoutShare: found.holdoutShare, consentDefault: found.consentDefault },
  };
}

/** The page as JSON, and as plain HTML for the store's own page (crawlers and no-JS visitors see it). */
export const GALLERY_ANSWER_PATHS = ['/galleries/:id/posts', '/galleries/:id/posts.html'] as const;
const [json, html] = GALLERY_ANSWER_PATHS;

/** `cache` is the app's answer cache (middleware/answer-cache/), mounted on these two routes only. */
export const publicGalleryRoutes = (cache: MiddlewareHandler<AppEnv>) =>
  new Hono<AppEnv>()
    .get(json, cache, async (c) => answerWithEtag(c, JSON.stringify(await galleryPage(c)), 'application/json'))
    .get(html, cache, async (c) => answerWithEtag(c, galleryHtml(await galleryPage(c)), 'text/html; charset=UTF-8'));
