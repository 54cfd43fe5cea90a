import { Hono } from 'hono';
import { galleryInput, galleryOrderInput, galleryPatch } from '../../../shared/schemas/galleries.ts';
import type { AppEnv } from '../../http/env.ts';
import { publicOrigin } from '../../http/public-origin.ts';
import { jsonBody } from '../../http/validate.ts';
import { requireSession } from '../../middleware/authenticate/index.ts';
import { readOrWrite } from '../../middleware/require-role/index.ts';
import { cursorParam, intParam } from '../../http/query.ts';
import { createGallery, deleteGallery, listGalleries, ownGallery, setGalleryOrder, updateGallery } from '../../domain/galleries/galleries.ts';
import { listGalleryPosts } from '../../domain/posts/public-posts.ts';
import { mediaUrlBuilder } from '../public/media-url.ts';

export const galleryRoutes = new Hono<AppEnv>()
  .use(readOrWrite('owner', 'merchandiser'))
  .get('/', async (c) => c.json({ galleries: await listGalleries(c.var.db, requireSession(c).workspaceId, publicOrigin(c)) }))
  .post('/', async (c) => c.json(await createGallery(c.var.db, requireSession(c), await jsonBody(c, galleryInput), c.var.clock.now(), publicOrigin(c)), 201))
  .patch('/:id', async (c) => c.json(await updateGallery(c.var.db, requireSession(c), c.req.param('id'), await jsonBody(c, galleryPatch), c.var.clock.now(), publicOrigin(c))))
  .delete('/:id', async (c) => {
    await deleteGallery(c.var.db, requireSession(c), c.req.param('id'), c.var.clock.now());
    return c.body(null, 204);
  })
  /** What the gallery shows right now, in its order: the manual-order editor starts from this. */
  .get('/:id/posts', async (c) => {
    const gallery = await ownGallery(c.var.db, requireSession(c).workspaceId, c.req.param('id'));
    const limit = intParam(c.req.query('limit'), 'limit', { min: 1, max: 100, fallback: 100 });
    const cursor = cursorParam(c.req.query('cursor'), gallery.sort === 'newest' ? 'key' : 'offset');
    const page = await listGalleryPosts(c.var.db, { gallery, limit, cursor, now: c.var.clock.now(), mediaUrl: mediaUrlBuilder(`${new URL(c.req.url).origin}/admin`) });
    return c.json(page);
  })
  .put('/:id/order', async (c) => {
    const { postIds } = await jsonBody(c, galleryOrderInput);
    return c.json(await setGalleryOrder(c.var.db, requireSession(c), c.req.param('id'), postIds, c.var.clock.now(), publicOrigin(c)));
  });
