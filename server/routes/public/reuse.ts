import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../http/env.ts';
import { answerWithEtag } from '../../http/etag.ts';
import { intParam } from '../../http/query.ts';
import { invalidParameter, notFound } from '../../domain/errors.ts';
import { findGallery } from '../../domain/galleries/galleries.ts';
import { adsFeedTsv } from '../../domain/reuse/ads-feed.ts';
import { EMAIL_BLOCK_LIMIT, emailBlock } from '../../domain/reuse/email-block.ts';
import { verifyReuseToken, type ReuseFeed } from '../../domain/reuse/keys.ts';
import { mediaUrlBuilder } from './media-url.ts';

const GALLERY_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Fetched by ad platforms and email service providers, not browsers. A withdrawal must leave
 * every derived feed within a second (invariant 4), so no one may keep an answer without asking
 * again; asking again is cheap, a 304 by ETag when nothing changed.
 */
const CACHE_CONTROL = 'private, no-cache';

/** The workspace behind the URL's token; any token that does not open this feed is a plain 404. */
async function workspaceOf(c: Context<AppEnv>, feed: ReuseFeed): Promise<string> {
  const workspaceId = await verifyReuseToken(c.var.db, c.var.secrets.appSecret, c.req.param('token') ?? '', feed);
  if (!workspaceId) throw notFound('feed');
  return workspaceId;
}

const mediaUrl = (c: Context<AppEnv>) => mediaUrlBuilder(c.var.config.publicUrl ?? new URL(c.req.url).origin);

/** The rights-cleared reuse feeds behind their secret URLs (domain/reuse/). */
export const publicReuseRoutes = new Hono<AppEnv>()
  .get('/reuse/:token/ads.tsv', async (c) => {
    const workspaceId = await workspaceOf(c, 'ads');
    const tsv = await adsFeedTsv(c.var.db, workspaceId, c.var.clock.now(), mediaUrl(c));
    c.header('Cache-Control', CACHE_CONTROL);
    return answerWithEtag(c, tsv, 'text/tab-separated-values; charset=UTF-8');
  })
  .get('/reuse/:token/galleries/:id/email.html', async (c) => {
    const workspaceId = await workspaceOf(c, 'email');
    const id = c.req.param('id');
    if (!GALLERY_ID.test(id)) throw invalidParameter('id', 'must be 1-64 letters, digits, "_" or "-"');
    const limit = intParam(c.req.query('limit'), 'limit', EMAIL_BLOCK_LIMIT);
    const gallery = await findGallery(c.var.db, id);
    if (!gallery || gallery.workspaceId !== workspaceId) throw notFound(`gallery "${id}"`);
    const html = await emailBlock(c.var.db, { gallery, limit, now: c.var.clock.now(), mediaUrl: mediaUrl(c) });
    c.header('Cache-Control', CACHE_CONTROL);
    return answerWithEtag(c, html, 'text/html; charset=UTF-8');
  });
