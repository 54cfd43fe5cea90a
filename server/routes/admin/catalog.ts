import { Hono } from 'hono';
import { applyInput, feedInput, feedPatch, productSearch } from '../../../shared/schemas/catalog.ts';
import { applyImport, discardImport, ownImport } from '../../domain/catalog/apply.ts';
import { createFeed, listFeeds, ownFeed, updateFeed } from '../../domain/catalog/feeds.ts';
import { fetchFeedRows, MAX_FEED_BYTES } from '../../domain/catalog/fetch-feed.ts';
import { importView, listImports, previewImport } from '../../domain/catalog/preview.ts';
import { feedRows } from '../../domain/catalog/read/feed-rows.ts';
import { catalogTable } from '../../domain/catalog/table.ts';
import { textChunks } from '../../domain/catalog/read/text-chunks.ts';
import type { AppEnv } from '../../http/env.ts';
import { ApiError } from '../../http/errors.ts';
import { intParam } from '../../http/query.ts';
import { jsonBody, parseWith } from '../../http/validate.ts';
import { requireSession } from '../../middleware/authenticate/index.ts';
import { readOrWrite } from '../../middleware/require-role/index.ts';

/**
 * The product catalog: feeds, and imports previewed as a diff before they are applied. An
 * upload is the raw request body, read as a stream (a 50,000-product feed is never one string).
 */
export const catalogRoutes = new Hono<AppEnv>()
  .use(readOrWrite('owner', 'merchandiser'))
  .get('/products', async (c) => {
    const limit = intParam(c.req.query('limit'), 'limit', { min: 1, max: 100, fallback: 50 });
    const offset = intParam(c.req.query('offset'), 'offset', { min: 0, max: 1_000_000, fallback: 0 });
    // The search term is cut to fit a LIKE pattern where it is used (containsPattern).
    const q = parseWith(productSearch, { q: c.req.query('q') }).q || undefined;
    return c.json(await catalogTable(c.var.db, requireSession(c).workspaceId, { q, offset, limit }));
  })
  .get('/feeds', async (c) => c.json({ feeds: await listFeeds(c.var.db, requireSession(c).workspaceId) }))
  .post('/feeds', async (c) => c.json({ feed: await createFeed(c.var.db, requireSession(c), await jsonBody(c, feedInput), c.var.clock.now()) }, 201))
  .patch('/feeds/:id', async (c) => c.json({ feed: await updateFeed(c.var.db, requireSession(c), c.req.param('id'), await jsonBody(c, feedPatch), c.var.clock.now()) }))
  .get('/feeds/:id/imports', async (c) => {
    const feed = await ownFeed(c.var.db, requireSession(c).workspaceId, c.req.param('id'));
    return c.json({ imports: await listImports(c.var.db, feed) });
  })
  .post('/feeds/:id/imports', async (c) => {
    const session = requireSession(c);
    const feed = await ownFeed(c.var.db, session.workspaceId, c.req.param('id'));
    const length = Number(c.req.header('content-length') ?? 'NaN');
    if (length > MAX_FEED_BYTES) throw new ApiError(413, 'payload_too_large', `body: larger than ${MAX_FEED_BYTES / 1024 / 1024} MB`, 'body');
    const upload = c.req.raw.body !== null && length !== 0;
    if (!upload && !feed.url) throw new ApiError(400, 'invalid_parameter', 'body: send the feed file, or give the feed a url to fetch', 'body');
    const rows = upload
      ? feedRows(feed.format, textChunks(c.req.raw.body, MAX_FEED_BYTES), { storeUrl: feed.storeUrl })
      : fetchFeedRows(c.var.outbound, { url: feed.url!, format: feed.format, storeUrl: feed.storeUrl });
    const preview = await previewImport(c.var.db, { feed, rows, trigger: upload ? 'upload' : 'url', createdBy: session.userId, now: c.var.clock.now() });
    return c.json({ import: preview }, 201);
  })
  .get('/imports/:id', async (c) => c.json({ import: await importView(c.var.db, await ownImport(c.var.db, requireSession(c).workspaceId, c.req.param('id'))) }))
  .post('/imports/:id/apply', async (c) => {
    const input = await jsonBody(c, applyInput);
    return c.json({ import: await applyImport(c.var.db, requireSession(c), c.req.param('id'), input, c.var.clock.now()) });
  })
  .post('/imports/:id/discard', async (c) => c.json({ import: await discardImport(c.var.db, requireSession(c), c.req.param('id')) }));
