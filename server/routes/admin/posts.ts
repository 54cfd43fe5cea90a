import { Hono } from 'hono';
import { inboxQuery, moderationInput } from '../../../shared/schemas/moderation.ts';
import type { AppEnv } from '../../http/env.ts';
import { cursorParam, intParam } from '../../http/query.ts';
import { addTag, moveTag, removeTag, suggestProducts } from '../../domain/posts/tags.ts';
import { tagInput, tagMove } from '../../../shared/schemas/products.ts';
import { jsonBody, parseWith } from '../../http/validate.ts';
import { requireSession } from '../../middleware/authenticate/index.ts';
import { readOrWrite } from '../../middleware/require-role/index.ts';
import { getPostDetail, listInbox } from '../../domain/posts/admin-posts.ts';
import { moderatePosts } from '../../domain/posts/moderation.ts';
import { retryFailedMedia } from '../../domain/collection/rehost.ts';
import { mediaUrlBuilder } from '../public/media-url.ts';

/** The inbox. Posts' media are served by the public media route only once a post is public, so
 * the panel previews them through the admin media route (see media.ts in this folder). */
export const postRoutes = new Hono<AppEnv>()
  .use(readOrWrite('owner', 'merchandiser'))
  .get('/', async (c) => {
    const query = parseWith(inboxQuery, c.req.query());
    const cursor = cursorParam(query.cursor, 'key');
    const page = await listInbox(c.var.db, requireSession(c).workspaceId, query, cursor, c.var.clock.now(), adminMediaUrl(c.req.url));
    return c.json(page);
  })
  .get('/:id', async (c) => c.json(await getPostDetail(c.var.db, requireSession(c).workspaceId, c.req.param('id'), c.var.clock.now(), adminMediaUrl(c.req.url))))
  /** Products this post probably shows, from its caption: tagging usually takes one click. */
  .get('/:id/product-suggestions', async (c) => {
    const limit = intParam(c.req.query('limit'), 'limit', { min: 1, max: 50, fallback: 8 });
    return c.json({ products: await suggestProducts(c.var.db, requireSession(c).workspaceId, c.req.param('id'), limit) });
  })
  /** Downloads a post's failed media again (the panel's "Retry"). */
  .post('/:id/media/retry', async (c) => c.json(await retryFailedMedia(c.var.db, requireSession(c).workspaceId, c.req.param('id'), c.var.clock.now())))
  .post('/:id/products', async (c) => c.json(await addTag(c.var.db, requireSession(c), c.req.param('id'), await jsonBody(c, tagInput), c.var.clock.now()), 201))
  .patch('/:id/products/:tagId', async (c) => c.json(await moveTag(c.var.db, requireSession(c), c.req.param('id'), c.req.param('tagId'), await jsonBody(c, tagMove), c.var.clock.now())))
  .delete('/:id/products/:tagId', async (c) => {
    await removeTag(c.var.db, requireSession(c), c.req.param('id'), c.req.param('tagId'), c.var.clock.now());
    return c.body(null, 204);
  })
  .post('/moderation', async (c) => {
    const { ids, status } = await jsonBody(c, moderationInput);
    return c.json(await moderatePosts(c.var.db, requireSession(c), ids, status, c.var.clock.now()));
  });

const adminMediaUrl = (requestUrl: string) => mediaUrlBuilder(`${new URL(requestUrl).origin}/admin`);
