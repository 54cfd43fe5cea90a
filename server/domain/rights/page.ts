/**
 * The rights page as HTML: readable on a phone, usable without JavaScript (plain forms), in the
 * author's language. Every piece of text from elsewhere (captions, names, terms) is escaped.
 */
import { escapeHtml as esc } from '../../lib/html.ts';
import { PAGE_LOCALES, PAGE_TEXT, type PageLanguage } from './page-text.ts';
import type { RightsPageState } from './state.ts';

export interface RightsPageView {
  lang: PageLanguage;
  /** Where the page's forms post and its image loads from (the signed link). */
  action: string;
  imageUrl: string | null;
  brand: { name: string; handle: string | null };
  post: { caption: string; author: string | null; permalink: string | null };
  terms: { version: number; hash: string; title: string; body: string; scope: string[]; durationDays: number | null };
  state: RightsPageState;
  /** When the current state began (grant or withdrawal), ISO. */
  since: string | null;
  /** The exact reply the author sends from their account, and until when (ISO). */
  verify: { reply: string; until: string } | null;
  /** When a held erasure deletes the media and text (ISO). */
  erasureDueAt: string | null;
  formToken: string;
  error: string | null;
  notice: string | null;
  handle: string;
}

const STYLE = `body{margin:0;font:16px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1d1d1f;background:#f6f5f2}
main{max-width:38rem;margin:0 auto;padding:1.25rem}h1{font-size:1.5rem;line-height:1.25}h2{font-size:1.05rem;margin:1.5rem 0 .25rem}
img{width:100%;height:auto;border-radius:.5rem;background:#e5e2dc}.terms{background:#fff;border:1px solid #ddd;border-radius:.5rem;padding:1rem;white-space:pre-wrap}
.muted{color:#666;font-size:.9rem}.error{background:#fde8e8;border:1px solid #e0a3a3;padding:.75rem;border-radius:.5rem}.notice{background:#eef6ee;border:1px solid #9cc79c;padding:.75rem;border-radius:.5rem}
label{display:block;margin:.75rem 0}input[type=text]{font:inherit;padding:.6rem;width:100%;box-sizing:border-box;border:1px solid #999;border-radius:.4rem}
.row{display:flex;gap:.75rem;flex-wrap:wrap;margin-top:1rem}button{font:inherit;padding:.7rem 1.2rem;border-radius:.5rem;border:1px solid #1d1d1f;background:#1d1d1f;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#1d1d1f}button:focus-visible,input:focus-visible{outline:3px solid #2a6df4;outline-offset:2px}form{margin:0}`;

export function renderRightsPage(view: RightsPageView, nonce: string): string {
  const t = PAGE_TEXT[view.lang];
  const hidden = `<input type="hidden" name="form" value="${esc(view.formToken)}"><input type="hidden" name="lang" value="${view.lang}">`;
  const button = (action: string, label: string, secondary = false) =>
    `<form method="post" action="${esc(view.action)}">${hidden}<input type="hidden" name="action" value="${action}"><button${secondary ? ' class="secondary"' : ''}>${esc(label)}</button></form>`;
  const askForm = `<form method="post" action="${esc(view.action)}">${hidden}<input type="hidden" name="action" value="grant">
<label>${esc(t.handle)}<input type="text" name="handle" value="${esc(view.handle)}" autocomplete="username" autocapitalize="none" spellcheck="false" required></label>
<label><input type="checkbox" name="agree" value="yes" required> ${esc(t.agree)}</label>
<div class="row"><button>${esc(t.grant)}</button></div></form><div class="row">${button('decline', t.decline, true)}</div>`;
  const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString(PAGE_LOCALES[view.lang], { day: 'numeric', month: 'long', year: 'numeric' }) : '');
  const date = day(view.since);
  const afterGrant = `<p>${esc(t.withdrawIntro)}</p>${button('withdraw', t.withdraw)}<p class="muted">${esc(t.eraseIntro)}</p>${button('erase', t.erase, true)}`;
  const verify = view.verify
    ? `<h2>${esc(t.verifyTitle)}</h2><p>${esc(t.verifyIntro(view.post.author))}</p><p class="terms"><strong>${esc(view.verify.reply)}</strong></p><p class="muted">${esc(t.verifyWhere(view.brand.handle ?? '', day(view.verify.until)))}</p>`
    : '';
  const sections: Record<RightsPageState, string> = {
    ask: askForm,
    declined: `<p class="notice">${esc(t.declined)}</p>${askForm}`,
    link_expired: `<p class="error">${esc(t.linkExpired)}</p>`,
    granted: `<p class="notice">${esc(t.granted)} ${esc(t.grantedAt(date))}</p>${afterGrant}`,
    verify: `<p class="notice">${esc(t.grantedAt(date))} ${esc(t.verifyPending)}</p>${verify}${afterGrant}`,
    erasure_pending: `<p class="notice">${esc(t.erasurePending(day(view.erasureDueAt)))}</p>`,
    withdrawn: `<p class="notice">${esc(t.withdrawn(date))}</p><p class="muted">${esc(t.eraseIntro)}</p>${button('erase', t.erase, true)}`,
    erased: `<p class="notice">${esc(t.erased)}</p>`,
  };
  const scopes = view.terms.scope.map((s) => `<li>${esc(t.scopes[s] ?? s)}</li>`).join('');
  return `<!doctype html><html lang="${view.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${esc(t.title(view.brand.name))}</title><style nonce="${nonce}">${STYLE}</style></head>
<body><main>
<h1>${esc(t.title(view.brand.name))}</h1>
${view.error ? `<p class="error" role="alert">${esc(view.error)}</p>` : ''}${view.notice ? `<p class="notice" role="status">${esc(view.notice)}</p>` : ''}
${view.imageUrl ? `<img src="${esc(view.imageUrl)}" alt="${esc(view.post.author ? `@${view.post.author}` : '')}">` : ''}
${view.post.caption ? `<p class="muted">${esc(view.post.author ? `@${view.post.author}: ` : '')}${esc(view.post.caption)}</p>` : ''}
<p>${esc(t.intro(view.brand.name, view.imageUrl !== null))}</p>
<h2>${esc(t.who)}</h2><p>${esc(t.controller(view.brand.name, view.brand.handle))}</p>
<h2>${esc(t.terms)}: ${esc(view.terms.title)}</h2><div class="terms">${esc(view.terms.body)}</div>
<p class="muted">${esc(t.version(view.terms.version, view.terms.hash.slice(0, 12)))}</p>
<h2>${esc(t.scope)}</h2><ul>${scopes}</ul><p>${esc(t.duration(view.terms.durationDays))}</p>
${sections[view.state]}
</main></body></html>`;
}

export function renderNotFoundPage(lang: PageLanguage, nonce: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Vitrine</title><style nonce="${nonce}">${STYLE}</style></head><body><main><p class="error">${esc(PAGE_TEXT[lang].notFound)}</p></main></body></html>`;
}
