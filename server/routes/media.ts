import { Hono } from 'hono';
import type { AppEnv } from '../http/env.ts';
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
  const object = await c.var.media.get(key);
  if (!object) throw notFound('media');
  return c.body(object.body, 200, {
    'Content-Type': object.contentType,
    'Content-Length': String(object.size),
    // Private: only the shopper's own browser may keep a copy, and only briefly (see galleries.ts).
    'Cache-Control': 'private, max-age=60',
    'X-Content-Type-Options': 'nosniff',
    'Access-Control-Allow-Origin': '*',
  });
});
