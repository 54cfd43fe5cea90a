import { and, asc, eq, sql } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { cutText } from '../../shared/text.ts';
import { mediaVariants, postMedia } from '../db/schema.ts';
import type { AppEnv } from '../http/env.ts';
import { notFound } from '../domain/errors.ts';
import { declineConsent, erasePost, grantConsent, loadRequest, withdrawConsent, type RequestContext } from '../domain/rights/consent.ts';
import { formToken, verifyRightsToken } from '../domain/rights/links.ts';
import { renderNotFoundPage, renderRightsPage, type RightsPageView } from '../domain/rights/page.ts';
import { PAGE_TEXT, pickLanguage, type PageLanguage } from '../domain/rights/page-text.ts';
import { sha256Hex } from '../security/hash.ts';
import { randomToken } from '../security/tokens.ts';
import { formBody } from '../http/form.ts';

/**
 * The author's page at the signed link: read the terms, agree or decline, later withdraw or ask
 * for erasure, all with plain HTML forms. Outside the admin API (no session, no CSRF token): the
 * signed link is the credential, and each form carries a one-time token over the request's state.
 */
export const rightsPageRoutes = new Hono<AppEnv>()
  .get('/:token', async (c) => page(c, { error: null, notice: null, handle: '' }))
  .post('/:token', async (c) => {
    const form = await formBody(c);
    const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
    const ctx = await resolve(c);
    const lang = pickLanguage(field('lang'), c.req.header('accept-language'), ctx?.request.language ?? 'en');
    if (!ctx) return notFoundPage(c, lang);
    const t = PAGE_TEXT[lang];
    const expected = await formToken(c.var.secrets.appSecret, ctx.request.id, stateOf(ctx));
    // A form sent twice (back button, replay) no longer matches the request's state.
    if (field('form') !== expected) return page(c, { error: null, notice: t.replayed, handle: '' }, 409);

    const now = c.var.clock.now();
    const evidence = {
      ipHash: await sha256Hex(`${c.var.secrets.appSecret}:ip:${c.var.clientIp(c)}`),
      userAgent: cutText(c.req.header('user-agent') ?? '', 300),
    };
    const state = viewState(ctx, now);
    switch (field('action')) {
      case 'grant': {
        if (state !== 'ask' && state !== 'declined') return page(c, { error: null, notice: t.replayed, handle: '' }, 409);
        const handle = field('handle').trim().replace(/^@/, '');
        if (!handle) return page(c, { error: t.handleMissing, notice: null, handle }, 400);
        if (field('agree') !== 'yes') return page(c, { error: t.mustAgree, notice: null, handle }, 400);
        if (ctx.post.authorUsername && ctx.post.authorUsername.toLowerCase() !== handle.toLowerCase()) return page(c, { error: t.wrongHandle, notice: null, handle }, 403);
        await grantConsent(c.var.db, ctx, { channel: 'rights_page', evidence: { ...evidence, confirmedHandle: handle }, author: handle }, now);
        break;
      }
      case 'decline':
        if (state !== 'ask') return page(c, { error: null, notice: t.replayed, handle: '' }, 409);
        await declineConsent(c.var.db, ctx, { channel: 'rights_page', evidence }, now);
        break;
      case 'withdraw':
        if (state !== 'granted') return page(c, { error: null, notice: t.replayed, handle: '' }, 409);
        await withdrawConsent(c.var.db, ctx, { channel: 'rights_page', evidence }, now);
        break;
      case 'erase':
        if (state !== 'granted' && state !== 'withdrawn') return page(c, { error: null, notice: t.replayed, handle: '' }, 409);
        await erasePost(c.var.db, c.var.media, ctx, { evidence }, now);
        break;
      default:
        return page(c, { error: null, notice: t.replayed, handle: '' }, 400);
    }
    // Post/redirect/get: a reload shows the new state instead of sending the form again.
    return c.redirect(`${new URL(c.req.url).pathname}?lang=${lang}`, 303);
  })
  /** The post's picture for the page, whatever its publicness (the author must see what is asked). */
  .get('/:token/image', async (c) => {
    const ctx = await resolve(c);
    if (!ctx || ctx.post.erasedAt !== null) throw notFound('image');
    const [variant] = await c.var.db
      .select({ key: mediaVariants.storageKey })
      .from(mediaVariants)
      .innerJoin(postMedia, eq(postMedia.id, mediaVariants.mediaId))
      .where(and(eq(postMedia.postId, ctx.post.id), eq(mediaVariants.role, 'display')))
      // The rendition nearest a phone's width.
      .orderBy(asc(postMedia.position), sql`abs(${mediaVariants.width} - 640)`)
      .limit(1);
    const object = variant ? await c.var.media.get(variant.key) : null;
    if (!object) throw notFound('image');
    return c.body(object.body, 200, { 'Content-Type': object.contentType, 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' });
  });

async function resolve(c: Context<AppEnv>): Promise<RequestContext | null> {
  const requestId = await verifyRightsToken(c.var.secrets.appSecret, c.req.param('token') ?? '');
  return requestId ? loadRequest(c.var.db, requestId) : null;
}

/** What the page's forms are signed over: any answer changes it, so a form works once. */
const stateOf = (ctx: RequestContext) => `${ctx.request.status}:${ctx.request.updatedAt}`;

function viewState(ctx: RequestContext, now: number): RightsPageView['state'] {
  if (ctx.post.erasedAt !== null) return 'erased';
  switch (ctx.request.status) {
    case 'granted':
      return 'granted';
    case 'withdrawn':
      return 'withdrawn';
    default:
      if (ctx.request.linkExpiresAt <= now) return 'link_expired';
      return ctx.request.status === 'declined' ? 'declined' : 'ask';
  }
}

/** Strict headers: the link is a credential, so no referrer; no framing; only this page's style. */
function secure(c: Context, nonce: string) {
  c.header('Content-Security-Policy', `default-src 'none'; img-src 'self'; style-src 'nonce-${nonce}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`);
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Frame-Options', 'DENY');
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Cache-Control', 'no-store');
}

function notFoundPage(c: Context<AppEnv>, lang: PageLanguage) {
  const nonce = randomToken(16);
  secure(c, nonce);
  return c.html(renderNotFoundPage(lang, nonce), 404);
}

async function page(c: Context<AppEnv>, message: { error: string | null; notice: string | null; handle: string }, status: 200 | 400 | 403 | 409 = 200) {
  const ctx = await resolve(c);
  const lang = pickLanguage(c.req.query('lang'), c.req.header('accept-language'), ctx?.request.language ?? 'en');
  if (!ctx) return notFoundPage(c, lang);
  const now = c.var.clock.now();
  const path = new URL(c.req.url).pathname.replace(/\/$/, '');
  const nonce = randomToken(16);
  secure(c, nonce);
  const view: RightsPageView = {
    lang,
    action: path,
    imageUrl: ctx.post.erasedAt === null ? `${path}/image` : null,
    brand: { name: ctx.workspace.name, handle: ctx.workspace.instagramHandle },
    post: { caption: ctx.post.caption, author: ctx.post.authorUsername, permalink: ctx.post.permalink },
    terms: { version: ctx.terms.version, hash: ctx.terms.contentHash, title: ctx.terms.title, body: ctx.terms.body, scope: ctx.terms.scope, durationDays: ctx.terms.durationDays },
    state: viewState(ctx, now),
    since: ctx.request.status === 'granted' || ctx.request.status === 'withdrawn' ? new Date(ctx.request.updatedAt).toISOString() : null,
    formToken: await formToken(c.var.secrets.appSecret, ctx.request.id, stateOf(ctx)),
    ...message,
  };
  return c.html(renderRightsPage(view, nonce), status);
}
