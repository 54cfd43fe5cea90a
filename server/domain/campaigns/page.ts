/**
 * A campaign's public page (`/c/<id>`) and the entrant's two link pages, as HTML: readable on a
 * phone, usable without JavaScript (plain forms, a multipart upload), in English or French with a
 * visible switch. Every piece of text from elsewhere (names, rules, terms, handles) is escaped.
 * The same look as the rights page; the route sets the strict headers (routes/campaign-page.ts).
 */
import { escapeHtml as esc } from '../../lib/html.ts';
import { CAMPAIGN_LANGUAGES, CAMPAIGN_LOCALES, CAMPAIGN_TEXT, type CampaignLanguage } from './page-text.ts';
import { emailEraseAt, type PublicCampaign } from './public-campaign.ts';
import type { EntryState } from './submission-manage.ts';

const STYLE = `body{margin:0;font:16px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1d1d1f;background:#f6f5f2}
main{max-width:38rem;margin:0 auto;padding:1.25rem}h1{font-size:1.5rem;line-height:1.25}h2{font-size:1.05rem;margin:1.5rem 0 .25rem}
.text{background:#fff;border:1px solid #ddd;border-radius:.5rem;padding:1rem;white-space:pre-wrap;overflow-wrap:anywhere}
.muted{color:#666;font-size:.9rem}.error{background:#fde8e8;border:1px solid #e0a3a3;padding:.75rem;border-radius:.5rem}.notice{background:#eef6ee;border:1px solid #9cc79c;padding:.75rem;border-radius:.5rem}
label{display:block;margin:.75rem 0}input[type=text],input[type=email],input[type=file]{font:inherit;padding:.6rem;width:100%;box-sizing:border-box;border:1px solid #999;border-radius:.4rem;background:#fff}
code{overflow-wrap:anywhere;font-size:.85rem}nav{text-align:right;font-size:.9rem}nav a{margin-left:.5rem}
.row{display:flex;gap:.75rem;flex-wrap:wrap;margin-top:1rem}button{font:inherit;padding:.7rem 1.2rem;border-radius:.5rem;border:1px solid #1d1d1f;background:#1d1d1f;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#1d1d1f}button:focus-visible,input:focus-visible,a:focus-visible{outline:3px solid #2a6df4;outline-offset:2px}form{margin:0}`;

const day = (lang: CampaignLanguage, ms: number) => new Date(ms).toLocaleDateString(CAMPAIGN_LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const moment = (lang: CampaignLanguage, ms: number) => new Date(ms).toLocaleString(CAMPAIGN_LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });

function shell(lang: CampaignLanguage, title: string, nonce: string, path: string, body: string): string {
  const switcher = CAMPAIGN_LANGUAGES.map((l) => (l === lang ? `<strong lang="${l}">${l.toUpperCase()}</strong>` : `<a href="${esc(path)}?lang=${l}" lang="${l}" hreflang="${l}">${l.toUpperCase()}</a>`)).join(' ');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${esc(title)}</title><style nonce="${nonce}">${STYLE}</style></head>
<body><main><nav aria-label="Language">${switcher}</nav>
${body}
</main></body></html>`;
}

export interface CampaignPageView {
  lang: CampaignLanguage;
  /** The page's path: where its form posts and its language links point. */
  path: string;
  open: PublicCampaign;
  now: number;
  notice: string | null;
  error: { field: string; message: string } | null;
  values: { handle: string; email: string };
}

export function renderCampaignPage(view: CampaignPageView, nonce: string): string {
  const t = CAMPAIGN_TEXT[view.lang];
  const { campaign, rules, terms, draw, state, brand } = view.open;
  const lang = view.lang;
  const prizes = campaign.prizes.length ? `<h2>${esc(t.prizes)}</h2><ul>${campaign.prizes.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>` : '';
  const rulesBlock = rules ? `<h2>${esc(t.rules)}: ${esc(rules.title)}</h2><div class="text" lang="${esc(rules.language)}">${esc(rules.body)}</div><p class="muted">${esc(t.version(rules.version, rules.contentHash))}</p>` : '';
  const termsBlock = terms
    ? `<h2>${esc(t.terms)}: ${esc(terms.title)}</h2><div class="text" lang="${esc(terms.language)}">${esc(terms.body)}</div><p class="muted">${esc(t.version(terms.version, terms.contentHash))}</p>
<h2>${esc(t.scope)}</h2><ul>${terms.scope.map((s) => `<li>${esc(t.scopes[s] ?? s)}</li>`).join('')}</ul><p>${esc(t.duration(terms.durationDays))}</p>`
    : '';
  const drawAt = draw.at ? Date.parse(draw.at) : null;
  const drawBlock =
    draw.state === 'unscheduled'
      ? `<p>${esc(t.drawUnscheduled)}</p>`
      : draw.state === 'scheduled'
        ? `<p>${esc(t.drawScheduled(moment(lang, drawAt!)))}</p><p>${esc(t.seedHash)}: <code data-seed-hash>${esc(draw.seedHash ?? '')}</code></p>`
        : `<p>${esc(t.drawDone(moment(lang, Date.parse(draw.drawnAt!))))}</p><p>${esc(t.seedHash)}: <code data-seed-hash>${esc(draw.seedHash ?? '')}</code><br>${esc(t.seed)}: <code data-seed>${esc(draw.seed ?? '')}</code></p>
<h2>${esc(t.winners)}</h2>${draw.winners.length ? `<ol data-winners>${draw.winners.map((w) => `<li><code>${esc(w)}</code></li>`).join('')}</ol>` : `<p>${esc(t.noWinners)}</p>`}`;
  const check = draw.state === 'unscheduled' ? '' : `<p class="muted">${esc(t.drawCheck)} <code>/v1/campaigns/${esc(campaign.id)}/draw</code>.</p>`;
  const err = view.error;
  const form =
    state === 'open'
      ? `<h2 id="enter">${esc(t.enter)}</h2>
<form method="post" action="${esc(view.path)}" enctype="multipart/form-data"><input type="hidden" name="lang" value="${lang}">
<input type="hidden" name="rules_id" value="${esc(rules?.id ?? '')}"><input type="hidden" name="terms_id" value="${esc(terms?.id ?? '')}">
<label>${esc(t.photos)}<input type="file" name="photos" accept="image/jpeg,image/png,image/webp" multiple></label>
<label>${esc(t.video)}<input type="file" name="video" accept="video/mp4"></label>
<label>${esc(t.handle)}<input type="text" name="handle" value="${esc(view.values.handle)}" autocomplete="username" autocapitalize="none" spellcheck="false" maxlength="31" required></label>
<p class="muted">${esc(t.handleNote)}</p>
<label>${esc(t.email)}<input type="email" name="email" value="${esc(view.values.email)}" autocomplete="email" maxlength="254" required></label>
<label><input type="checkbox" name="accept" value="yes" required> ${esc(t.accept)}</label>
<p class="muted">${esc(t.retention(day(lang, emailEraseAt(campaign))))}</p>
<div class="row"><button>${esc(t.submit)}</button></div></form>`
      : `<p class="notice" data-closed="${state}">${esc(state === 'not_started' ? t.closed.not_started(day(lang, campaign.startsAt)) : t.closed[state]())}</p>`;
  return shell(
    lang,
    campaign.name,
    nonce,
    view.path,
    `<h1>${esc(campaign.name)}</h1><p class="muted">${esc(brand)} · #${esc(campaign.hashtag)}</p>
${err ? `<p class="error" role="alert" data-field="${esc(err.field)}">${esc(t.fieldError)}: ${esc(err.message)}</p>` : ''}${view.notice ? `<p class="notice" role="status">${esc(view.notice)}</p>` : ''}
<p><strong>${esc(t.dates(day(lang, campaign.startsAt), day(lang, campaign.endsAt)))}</strong></p>
${campaign.description ? `<div class="text">${esc(campaign.description)}</div>` : ''}
${prizes}${rulesBlock}${termsBlock}
<h2>${esc(t.draw)}</h2>${drawBlock}${check}
${form}`,
  );
}

export interface EntryPageView {
  lang: CampaignLanguage;
  path: string;
  campaignPath: string;
  campaignName: string;
  link: 'confirm' | 'manage';
  state: EntryState | 'expired';
  confirmedAt: number | null;
  notice: string | null;
}

/** The confirm link's page (a button: a mail scanner opening the link confirms nothing) and the withdraw-or-erase link's page. */
export function renderEntryPage(view: EntryPageView, nonce: string): string {
  const t = CAMPAIGN_TEXT[view.lang];
  const button = (action: string, label: string, secondary = false) =>
    `<form method="post" action="${esc(view.path)}"><input type="hidden" name="lang" value="${view.lang}"><input type="hidden" name="action" value="${action}"><button${secondary ? ' class="secondary"' : ''}>${esc(label)}</button></form>`;
  const manage = `<p>${esc(t.withdrawIntro)}</p>${button('withdraw', t.withdraw)}<p class="muted">${esc(t.eraseIntro)}</p>${button('erase', t.erase, true)}`;
  const sections: Record<EntryPageView['state'], string> = {
    expired: `<p class="error">${esc(t.linkExpired)}</p>`,
    unconfirmed: view.link === 'confirm' ? `<p>${esc(t.confirmIntro)}</p>${button('confirm', t.confirmButton)}` : `<p class="notice">${esc(t.unconfirmed)}</p>${button('erase', t.erase, true)}`,
    entered: `<p class="notice" data-state="entered">${esc(t.entered(view.confirmedAt ? day(view.lang, view.confirmedAt) : ''))}</p>${manage}`,
    withdrawn: `<p class="notice" data-state="withdrawn">${esc(t.withdrawn)}</p><p class="muted">${esc(t.eraseIntro)}</p>${button('erase', t.erase, true)}`,
    erased: `<p class="notice" data-state="erased">${esc(t.erased)}</p>`,
  };
  // The confirm link, once used, says only that: withdrawing and erasing are the entry link's
  // (the confirm link is the one a mail scanner or a forwarded mail is likeliest to expose).
  if (view.link === 'confirm' && view.state !== 'unconfirmed' && view.state !== 'expired') {
    sections[view.state] = `<p class="notice" data-state="${view.state}">${esc(view.state === 'entered' ? t.entered(view.confirmedAt ? day(view.lang, view.confirmedAt) : '') : t.alreadyConfirmed)}</p>`;
  }
  const title = view.link === 'confirm' && view.state === 'unconfirmed' ? t.confirmTitle(view.campaignName) : t.manageTitle(view.campaignName);
  return shell(
    view.lang,
    title,
    nonce,
    view.path,
    `<h1>${esc(title)}</h1>${view.notice ? `<p class="notice" role="status">${esc(view.notice)}</p>` : ''}
${sections[view.state]}
<p><a href="${esc(view.campaignPath)}?lang=${view.lang}">${esc(t.back)}</a></p>`,
  );
}

export function renderCampaignNotFound(lang: CampaignLanguage, nonce: string, path: string): string {
  return shell(lang, 'Vitrine', nonce, path, `<p class="error">${esc(CAMPAIGN_TEXT[lang].notFound)}</p>`);
}
