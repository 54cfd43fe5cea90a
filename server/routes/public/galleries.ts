import { Hono } from 'hono';
import type { GalleryPostsResponse } from '../../../shared/api-types.ts';
import type { AppEnv } from '../../deps.ts';
import { invalidParameter, notFound } from '../../http/errors.ts';
import { cursorParam, intParam } from '../../http/query.ts';
import { findGallery } from '../../services/galleries.ts';
import { listGalleryPosts } from '../../services/public-posts.ts';
import { mediaUrlBuilder } from './media-url.ts';

const GALLERY_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const publicGalleryRoutes = new Hono<AppEnv>().get('/galleries/:id/posts', async (c) => {
  const id = c.req.param('id');
  if (!GALLERY_ID.test(id)) throw invalidParameter('id', 'must be 1-64 letters, digits, "_" or "-"');
  const limit = intParam(c.req.query('limit'), 'limit', { min: 1, max: 100, fallback: 0 });
  const gallery = await findGallery(c.var.db, id);
  if (!gallery) throw notFound(`gallery "${id}"`);
  const cursor = cursorParam(c.req.query('cursor'), gallery.sort === 'newest' ? 'key' : 'offset');

  const page = await listGalleryPosts(c.var.db, {
    gallery,
    limit: limit || gallery.pageSize,
    cursor,
    now: c.var.clock.now(),
    mediaUrl: mediaUrlBuilder(c.var.config.publicUrl ?? new URL(c.req.url).origin),
  });
  const body: GalleryPostsResponse = {
    gallery: { id: gallery.id, name: gallery.name, layout: gallery.layout },
    ...page,
  };
  // Browser-only caching: no CDN may keep a withdrawn post. Shared caching waits for
  // purge-on-withdrawal (Cache API on Workers), so withdrawal keeps winning everywhere.
  c.header('Cache-Control', 'private, max-age=15');
  return c.json(body);
});
