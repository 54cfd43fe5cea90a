import { Hono } from 'hono';
import type { AppEnv } from '../http/env.ts';
import { mediaResponse } from '../http/media-response.ts';
import { notFound } from '../domain/errors.ts';
import { isMediaKey } from '../media/store.ts';
import { isPublicMediaKey } from '../domain/posts/public-media.ts';

/**
 * Serves re-hosted media. Each request re-checks publicness, so withdrawn or unapproved posts'
 * files stop being served at once; the short private max-age bounds how long a shopper's own
 * browser may still show one it already had.
 */
export const mediaRoutes = new Hono<AppEnv>().get('/media/*', async (c) => {
  const key = c.req.path.slice('/media/'.length);
  if (!isMediaKey(key)) throw notFound('media');
  if (!(await isPublicMediaKey(c.var.db, key, c.var.clock.now()))) throw notFound('media');
  // Private: only the shopper's own browser may keep a copy, and only briefly (see galleries.ts).
  return mediaResponse(c, key, { 'Cache-Control': 'private, max-age=60', 'Access-Control-Allow-Origin': '*' });
});
