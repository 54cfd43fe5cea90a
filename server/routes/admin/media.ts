import { Hono } from 'hono';
import type { AppEnv } from '../../http/env.ts';
import { mediaResponse } from '../../http/media-response.ts';
import { notFound } from '../../domain/errors.ts';
import { requireSession } from '../../middleware/authenticate/index.ts';
import { isMediaKey } from '../../media/store.ts';
import { isWorkspaceMediaKey } from '../../domain/posts/public-media.ts';

/**
 * Media previews for the panel: any display rendition of the workspace's own posts, public or
 * not (a merchandiser must see a pending post to approve it). Never cached by shared caches.
 */
export const adminMediaRoutes = new Hono<AppEnv>().get('/*', async (c) => {
  const key = c.req.path.replace(/^\/admin\/media\//, '');
  if (!isMediaKey(key)) throw notFound('media');
  if (!(await isWorkspaceMediaKey(c.var.db, requireSession(c).workspaceId, key))) throw notFound('media');
  return mediaResponse(c, key, { 'Cache-Control': 'private, max-age=300' });
});
