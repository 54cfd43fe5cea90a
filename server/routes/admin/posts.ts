import { Hono } from 'hono';
import { inboxQuery, moderationInput } from '../../../shared/schemas/moderation.ts';
import type { AppEnv } from '../../deps.ts';
import { cursorParam } from '../../http/query.ts';
import { jsonBody, parseWith } from '../../http/validate.ts';
import { requireSession } from '../../middleware/authenticate/index.ts';
import { readOrWrite } from '../../middleware/require-role/index.ts';
import { getPostDetail, listInbox } from '../../services/admin-posts.ts';
import { moderatePosts } from '../../services/moderation.ts';
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
  .post('/moderation', async (c) => {
    const { ids, status } = await jsonBody(c, moderationInput);
    return c.json(await moderatePosts(c.var.db, requireSession(c), ids, status, c.var.clock.now()));
  });

const adminMediaUrl = (requestUrl: string) => mediaUrlBuilder(`${new URL(requestUrl).origin}/admin`);
