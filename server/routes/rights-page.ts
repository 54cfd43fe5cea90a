import { Hono, type Context } from 'hono';
import { cutText } from '../../shared/text.ts';
import type { AppEnv } from '../http/env.ts';
import { notFound } from '../domain/errors.ts';
import { declineConsent, loadRequest, withdrawConsent, type RequestContext } from '../domain/rights/consent.ts';
import { requestErasure } from '../domain/rights/erasure.ts';
import { formToken, verifyRightsToken } from '../domain/rights/links.ts';
import { grantOnPage } from '../domain/rights/page-grant.ts';
import { rightsPageImageKey } from '../domain/rights/page-image.ts';
import { renderNotFoundPage, renderRightsPage, type RightsPageView } from '../domain/rights/page.ts';
import { PAGE_TEXT, pickLanguage, type PageLanguage } from '../domain/rights/page-text.ts';
import { isAuthorAction, mayAnswer, rightsPageState } from '../domain/rights/state.ts';
import { verifyingReply } from '../domain/rights/verification-rule.ts';
import { sha256Hex } from '../security/hash.ts';
import { randomToken } from '../security/tokens.ts';
import { formBody } from '../http/form.ts';
import { mediaResponse } from '../http/media-response.ts';
import { strictPageHeaders } from '../http/page-headers.ts';

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
    const action = field('action');
    if (!isAuthorAction(action)) return page(c, { error: null, notice: t.replayed, handle: '' }, 400);
    if (!mayAnswer(pageState(ctx, now), action)) return page(c, { error: null, notice: t.replayed, handle: '' }, 409);
    switch (action) {
      case 'grant': {
        const handle = field('handle').trim().replace(/^@/, '');
        if (!handle) return page(c, { error: t.handleMissing, notice: null, handle }, 400);
        if (field('agree') !== 'yes') return page(c, { error: t.mustAgree, notice: null, handle }, 400);
        if (ctx.post.authorUsername && ctx.post.authorUsername.toLowerCase() !== handle.toLowerCase()) return page(c, { error: t.wrongHandle, notice: null, handle }, 403);
        await grantOnPage(c.var.db, ctx, { ...evidence, confirmedHandle: handle }, handle, now);
        break;
      }
      case 'decline':
        await declineConsent(c.var.db, ctx, { channel: 'rights_page', evidence }, now);
        break;
      case 'withdraw':
        await withdrawConsent(c.var.db, ctx, { channel: 'rights_page', evidence }, now);
        break;
      case 'erase':
        await requestErasure(c.var.db, c.var.media, ctx, evidence, now);
        break;
    }
    // Post/redirect/get: a reload shows the new state instead of sending the form again.
    return c.redirect(`${new URL(c.req.url).pathname}?lang=${lang}`, 303);
  })
  /** The post's picture for the page, whatever its publicness (the author must see what is asked). */
  .get('/:token/image', async (c) => {
    const ctx = await resolve(c);
    if (!ctx || ctx.post.erasedAt !== null) throw notFound('image');
    return mediaResponse(c, await rightsPageImageKey(c.var.db, ctx.post.id), { 'Cache-Control': 'private, no-store' }, 'image');
  });

async function resolve(c: Context<AppEnv>): Promise<RequestContext | null> {
  const requestId = await verifyRightsToken(c.var.secrets.appSecret, c.req.param('token') ?? '');
  return requestId ? loadRequest(c.var.db, requestId) : null;
}

/** What the page's forms are signed over: any answer changes it, so a form works once. */
const stateOf = (ctx: RequestContext) => `${ctx.request.status}:${ctx.request.updatedAt}`;

const pageState = (ctx: RequestContext, now: number) =>
  rightsPageState(
    { erasedAt: ctx.post.erasedAt, erasureDueAt: ctx.post.erasureDueAt, status: ctx.request.status, rightsVerification: ctx.post.rightsVerification, linkExpiresAt: ctx.request.linkExpiresAt },
    now,
  );

function notFoundPage(c: Context<AppEnv>, lang: PageLanguage) {
  const nonce = randomToken(16);
  strictPageHeaders(c, nonce);
  return c.html(renderNotFoundPage(lang, nonce), 404);
}

async function page(c: Context<AppEnv>, message: { error: string | null; notice: string | null; handle: string }, status: 200 | 400 | 403 | 409 = 200) {
  const ctx = await resolve(c);
  const lang = pickLanguage(c.req.query('lang'), c.req.header('accept-language'), ctx?.request.language ?? 'en');
  if (!ctx) return notFoundPage(c, lang);
  const now = c.var.clock.now();
  const path = new URL(c.req.url).pathname.replace(/\/$/, '');
  const nonce = randomToken(16);
  strictPageHeaders(c, nonce);
  const view: RightsPageView = {
    lang,
    action: path,
    imageUrl: ctx.post.erasedAt === null ? `${path}/image` : null,
    brand: { name: ctx.workspace.name, handle: ctx.workspace.instagramHandle },
    post: { caption: ctx.post.caption, author: ctx.post.authorUsername, permalink: ctx.post.permalink },
    terms: { version: ctx.terms.version, hash: ctx.terms.contentHash, title: ctx.terms.title, body: ctx.terms.body, scope: ctx.terms.scope, durationDays: ctx.terms.durationDays },
    state: pageState(ctx, now),
    since: ctx.request.status === 'granted' || ctx.request.status === 'withdrawn' ? new Date(ctx.request.updatedAt).toISOString() : null,
    // What to reply from the author's account while the grant waits for it; when a held erasure happens.
    verify:
      ctx.post.rightsVerification === 'awaiting' && ctx.request.verifyCode && ctx.request.verifyCodeExpiresAt && ctx.workspace.approvalHashtag && ctx.workspace.instagramHandle
        ? { reply: verifyingReply(ctx.workspace.approvalHashtag, ctx.workspace.instagramHandle, ctx.request.verifyCode), until: new Date(ctx.request.verifyCodeExpiresAt).toISOString() }
        : null,
    erasureDueAt: ctx.post.erasureDueAt === null ? null : new Date(ctx.post.erasureDueAt).toISOString(),
    formToken: await formToken(c.var.secrets.appSecret, ctx.request.id, stateOf(ctx)),
    ...message,
  };
  return c.html(renderRightsPage(view, nonce), status);
}
