import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { CAMPAIGN_ID } from '../../shared/schemas/campaigns.ts';
import { cutText } from '../../shared/text.ts';
import { addressBucket, hitRateLimit } from '../domain/accounts/rate-limits.ts';
import { renderCampaignNotFound, renderCampaignPage, renderEntryPage, type CampaignPageView } from '../domain/campaigns/page.ts';
import { CAMPAIGN_TEXT, pickCampaignLanguage, type CampaignLanguage } from '../domain/campaigns/page-text.ts';
import { publicCampaign } from '../domain/campaigns/public-campaign.ts';
import { confirmationMail } from '../domain/campaigns/submission-mail.ts';
import { entryCampaignName, entryState, eraseSubmission, withdrawSubmission } from '../domain/campaigns/submission-manage.ts';
import { confirmSubmission, discardSubmission, MAX_SUBMISSION_BYTES, parseEmail, parseHandle, submissionByToken, submitEntry, type Submission } from '../domain/campaigns/submissions.ts';
import { DomainError } from '../domain/errors.ts';
import type { AppEnv } from '../http/env.ts';
import { ApiError, fromDomainError } from '../http/errors.ts';
import { formBody, type FormFields } from '../http/form.ts';
import { InFlight } from '../http/in-flight.ts';
import { strictPageHeaders } from '../http/page-headers.ts';
import { publicOrigin } from '../http/public-origin.ts';
import { sha256Hex } from '../security/hash.ts';
import { randomToken } from '../security/tokens.ts';

/**
 * Uploads this process (or isolate) reads at once: each holds up to twice its body for a moment
 * (the bytes and the parsed form), so two 25 MiB bodies stay within a Worker's 128 MB. More are
 * told to come back (503, Retry-After) before their body is read.
 */
const SUBMISSION_UPLOADS = new InFlight(2);
/** Entries from one address: a family on one connection fits; a flood of uploads stops. */
const SUBMISSIONS_PER_ADDRESS = { limit: 10, windowMs: 60 * 60_000 };
/** Confirmation mails to one address (by its keyed hash) a day: the form cannot be used to flood someone's inbox. */
const MAILS_PER_RECIPIENT = { limit: 3, windowMs: 24 * 60 * 60_000 };

/**
 * A campaign's public page and its entrants' links (domain/campaigns/page.ts), outside the admin
 * API: no session, no CSRF token, no JavaScript. The entry form needs nothing but the campaign
 * to be open; the two emailed links are the entrant's credential (random, kept hashed).
 * Refusals are the page again, with the message naming the field, in the visitor's language.
 */
export const campaignPageRoutes = new Hono<AppEnv>()
  .get('/:id', async (c) => {
    const lang = pickCampaignLanguage(c.req.query('lang'), c.req.header('accept-language'));
    return campaignPage(c, lang, { notice: c.req.query('sent') === '1' ? CAMPAIGN_TEXT[lang].sent : null, error: null, values: { handle: '', email: '' } });
  })
  .post('/:id', async (c) => {
    const id = c.req.param('id');
    let lang = pickCampaignLanguage(undefined, c.req.header('accept-language'));
    if (!CAMPAIGN_ID.test(id)) return notFoundPage(c, lang);
    const now = c.var.clock.now();
    let open = await publicCampaign(c.var.db, id, lang, Boolean(c.var.mail), now).catch(() => null);
    if (!open) return notFoundPage(c, lang);
    let values = { handle: '', email: '' };
    let submission: Submission | null = null;
    let release: (() => void) | null = null;
    try {
      // A closed campaign reads nothing: no upload is taken only to be refused.
      if (open.state !== 'open') throw new ApiError(open.state === 'no_mail' ? 503 : 403, 'campaign_closed', closedMessage(lang, open.state, open.campaign.startsAt), 'campaign');
      // The form is the page's own: another site's page posting it (with a visitor's browser,
      // to send mail or files in their name) is refused before anything is read or counted.
      // The browser's `Sec-Fetch-Site` decides when sent: the page's `no-referrer` policy makes
      // its own form send `Origin: null`. Older browsers send only `Origin`, which must match.
      const site = c.req.header('sec-fetch-site');
      const origin = c.req.header('origin');
      if (site ? site === 'cross-site' : origin !== undefined && origin !== publicOrigin(c)) throw new ApiError(403, 'cross_site', CAMPAIGN_TEXT[lang].crossSite, 'form');
      const limit = await hitRateLimit(c.var.db, `submit:${addressBucket(c.var.clientIp(c))}`, SUBMISSIONS_PER_ADDRESS, now);
      if (!limit.allowed) {
        c.header('Retry-After', String(limit.retryAfterSeconds));
        throw new ApiError(429, 'rate_limited', CAMPAIGN_TEXT[lang].limited, 'form');
      }
      if (!(c.req.header('content-type') ?? '').startsWith('multipart/form-data')) throw new ApiError(415, 'unsupported_media_type', 'body: send the page’s form (multipart/form-data)', 'body');
      release = SUBMISSION_UPLOADS.tryAcquire();
      if (!release) {
        c.header('Retry-After', '10');
        throw new ApiError(503, 'busy', CAMPAIGN_TEXT[lang].busy, 'form');
      }
      let form: FormFields | null = await formBody(c, { all: true, maxBytes: MAX_SUBMISSION_BYTES });
      const text = (name: string) => lastText(form ?? {}, name);
      lang = pickCampaignLanguage(text('lang'), c.req.header('accept-language'));
      values = { handle: cutText(text('handle'), 40), email: cutText(text('email'), 254) };
      // What the entrant accepted is what the form showed: the rules and terms in the form's
      // language, named by the form's hidden ids. Anything newer (or another language's) was not
      // read, so the page is shown again to be read and accepted again.
      open = await publicCampaign(c.var.db, id, lang, Boolean(c.var.mail), now).catch(() => null);
      if (!open) return notFoundPage(c, lang);
      if (open.state !== 'open') throw new ApiError(open.state === 'no_mail' ? 503 : 403, 'campaign_closed', closedMessage(lang, open.state, open.campaign.startsAt), 'campaign');
      if (text('rules_id') !== open.rules?.id || text('terms_id') !== open.terms?.id) throw new ApiError(409, 'rules_changed', CAMPAIGN_TEXT[lang].rulesChanged, 'accept');
      const files = (name: string) => ([] as unknown[]).concat(form?.[name] ?? []).filter((f): f is File => f instanceof File && f.size > 0);
      // The fields in the form's order: handle, email, the box, then the files.
      parseHandle(text('handle'));
      parseEmail(text('email'));
      if (text('accept') !== 'yes') throw new ApiError(400, 'invalid_parameter', 'accept: tick the box to accept the rules and the usage terms', 'accept');
      const video = files('video');
      if (video.length > 1) throw new ApiError(400, 'invalid_parameter', 'video: one video at most', 'video');
      const input = {
        handle: text('handle'),
        email: text('email'),
        language: lang,
        // The files as they are: storeFiles copies them one at a time.
        photos: files('photos'),
        video: video[0] ?? null,
        ipHash: await sha256Hex(`${c.var.secrets.appSecret}:ip:${c.var.clientIp(c)}`),
        userAgent: cutText(c.req.header('user-agent') ?? '', 300),
      };
      // From here the files are held by `input` alone, which lets each go once it is stored.
      form = null;
      const entry = await submitEntry({ db: c.var.db, media: c.var.media, variants: c.var.variants, appSecret: c.var.secrets.appSecret }, open, input, now);
      // Counted where a mail would go out, so a form refused for its files counts nothing.
      const perRecipient = await hitRateLimit(c.var.db, `submit-mail:${entry.submission.emailHash}`, MAILS_PER_RECIPIENT, now);
      if (!perRecipient.allowed) {
        await discardSubmission({ db: c.var.db, media: c.var.media }, entry.submission);
        c.header('Retry-After', String(perRecipient.retryAfterSeconds));
        throw new ApiError(429, 'rate_limited', CAMPAIGN_TEXT[lang].tooManyMails, 'email');
      }
      submission = entry.submission;
      const base = `${publicOrigin(c)}/c/${encodeURIComponent(id)}`;
      await c.var.mail!.send(
        confirmationMail({ to: entry.submission.email!, lang, handle: entry.submission.handle, campaignName: open.campaign.name, brand: open.brand, confirmUrl: `${base}/confirm/${entry.confirmToken}`, manageUrl: `${base}/entry/${entry.manageToken}` }),
      );
    } catch (thrown) {
      // An entry whose email could not be sent could never be confirmed: it is not kept.
      if (submission) {
        await discardSubmission({ db: c.var.db, media: c.var.media }, submission);
        return campaignPage(c, lang, { notice: null, error: { field: 'email', message: CAMPAIGN_TEXT[lang].mailFailed }, values }, 502);
      }
      const error = thrown instanceof DomainError ? fromDomainError(thrown) : thrown;
      if (!(error instanceof ApiError) || error.status >= 500 && error.status !== 503) throw thrown;
      return campaignPage(c, lang, { notice: null, error: { field: error.field ?? 'body', message: error.message }, values }, error.status);
    } finally {
      release?.();
    }
    // Post/redirect/get: a reload does not send the files again.
    return c.redirect(`/c/${encodeURIComponent(id)}?lang=${lang}&sent=1`, 303);
  })
  .get('/:id/:link{confirm|entry}/:token', async (c) => entryPage(c, pickCampaignLanguage(c.req.query('lang'), c.req.header('accept-language')), null))
  .post('/:id/:link{confirm|entry}/:token', async (c) => {
    const form = await formBody(c).catch(() => ({}) as FormFields);
    const lang = pickCampaignLanguage(lastText(form, 'lang'), c.req.header('accept-language'));
    const found = await resolve(c);
    if (!found) return entryPage(c, lang, null);
    const now = c.var.clock.now();
    const evidence = { ipHash: await sha256Hex(`${c.var.secrets.appSecret}:ip:${c.var.clientIp(c)}`), userAgent: cutText(c.req.header('user-agent') ?? '', 300) };
    const deps = { db: c.var.db, media: c.var.media };
    const action = lastText(form, 'action');
    if (action === 'confirm') {
      if (found.confirmedAt === null && now >= found.confirmBy) return entryPage(c, lang, null, 410);
      const done = await confirmSubmission(c.var.db, found, evidence, now).catch((error: unknown) => {
        if (error instanceof DomainError && error.code === 'link_expired') return null;
        throw error;
      });
      if (!done) return entryPage(c, lang, null, 410);
      // Confirmed by another request meanwhile (a double click): said so, not an error.
      if (done.already) return entryPage(c, lang, CAMPAIGN_TEXT[lang].alreadyConfirmed);
    } else if (c.req.param('link') === 'confirm') return entryPage(c, lang, CAMPAIGN_TEXT[lang].useManageLink, 400);
    else if (action === 'withdraw') await withdrawSubmission(deps, found, evidence, now);
    else if (action === 'erase') await eraseSubmission(deps, found, evidence, now);
    else return entryPage(c, lang, CAMPAIGN_TEXT[lang].replayed, 400);
    return c.redirect(`${new URL(c.req.url).pathname}?lang=${lang}`, 303);
  });

function lastText(form: FormFields, name: string): string {
  const value = ([] as unknown[]).concat(form[name] ?? []).filter((v): v is string => typeof v === 'string').at(-1);
  return value ?? '';
}

function closedMessage(lang: CampaignLanguage, state: Exclude<Awaited<ReturnType<typeof publicCampaign>>['state'], 'open'>, startsAt: number): string {
  const t = CAMPAIGN_TEXT[lang].closed;
  return state === 'not_started' ? t.not_started(new Date(startsAt).toISOString().slice(0, 10)) : t[state]();
}

function notFoundPage(c: Context<AppEnv>, lang: CampaignLanguage) {
  const nonce = randomToken(16);
  strictPageHeaders(c, nonce);
  return c.html(renderCampaignNotFound(lang, nonce, new URL(c.req.url).pathname), 404);
}

async function campaignPage(c: Context<AppEnv>, lang: CampaignLanguage, message: Pick<CampaignPageView, 'notice' | 'error' | 'values'>, status: ContentfulStatusCode = 200) {
  const id = c.req.param('id') ?? '';
  if (!CAMPAIGN_ID.test(id)) return notFoundPage(c, lang);
  const now = c.var.clock.now();
  const open = await publicCampaign(c.var.db, id, lang, Boolean(c.var.mail), now).catch(() => null);
  if (!open) return notFoundPage(c, lang);
  const nonce = randomToken(16);
  strictPageHeaders(c, nonce);
  return c.html(renderCampaignPage({ lang, path: `/c/${id}`, open, now, ...message }, nonce), status as 200);
}

/** The submission a link stands for, when the link is one this deployment made for this campaign. */
async function resolve(c: Context<AppEnv>): Promise<Submission | null> {
  const id = c.req.param('id') ?? '';
  const link = c.req.param('link') === 'confirm' ? 'confirm' : 'manage';
  if (!CAMPAIGN_ID.test(id)) return null;
  const found = await submissionByToken(c.var.db, link, c.req.param('token') ?? '');
  return found && found.campaignId === id ? found : null;
}

async function entryPage(c: Context<AppEnv>, lang: CampaignLanguage, notice: string | null, status: ContentfulStatusCode = 200) {
  const id = c.req.param('id') ?? '';
  const found = await resolve(c);
  const nonce = randomToken(16);
  strictPageHeaders(c, nonce);
  const path = new URL(c.req.url).pathname;
  const now = c.var.clock.now();
  // Unknown, or unconfirmed past its 48 hours: the same answer, so a link says nothing of others.
  // The page rests on the submission alone: whatever the campaign's status now, its entrant can
  // still withdraw or erase.
  const expired = !found || (found.confirmedAt === null && now >= found.confirmBy);
  const state = expired ? 'expired' : await entryState(c.var.db, found);
  const campaignName = expired ? '' : await entryCampaignName(c.var.db, found);
  return c.html(
    renderEntryPage({ lang, path, campaignPath: `/c/${id}`, campaignName, link: c.req.param('link') === 'confirm' ? 'confirm' : 'manage', state, confirmedAt: found?.confirmedAt ?? null, notice }, nonce),
    (state === 'expired' ? (status === 200 ? 404 : status) : status) as 200,
  );
}
