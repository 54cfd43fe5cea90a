/** The confirmation email of a submission, in the entrant's language, as text and the same in HTML (escaped). */
import type { OutgoingMail } from '../../deps.ts';
import { escapeHtml as esc } from '../../lib/html.ts';
import { CAMPAIGN_TEXT, type CampaignLanguage } from './page-text.ts';

export function confirmationMail(mail: { to: string; lang: CampaignLanguage; handle: string; campaignName: string; brand: string; confirmUrl: string; manageUrl: string }): OutgoingMail {
  // A campaign's name is one line of text in a subject: its line breaks and tabs become a space.
  const input = { ...mail, campaignName: mail.campaignName.replace(/[\r\n\t]+/g, ' ') };
  const t = CAMPAIGN_TEXT[input.lang].mail;
  const text = [t.hello(input.handle), '', t.body(input.campaignName, input.brand), input.confirmUrl, '', t.manage, input.manageUrl, '', t.ignore, ''].join('\n');
  const html = `<!doctype html><html lang="${input.lang}"><head><meta charset="utf-8"><title>${esc(t.subject(input.campaignName))}</title></head><body>
<p>${esc(t.hello(input.handle))}</p>
<p>${esc(t.body(input.campaignName, input.brand))}</p>
<p><a href="${esc(input.confirmUrl)}" data-link="confirm">${esc(t.confirm)}</a></p>
<p>${esc(t.manage)}<br><a href="${esc(input.manageUrl)}" data-link="manage">${esc(input.manageUrl)}</a></p>
<p>${esc(t.ignore)}</p>
</body></html>`;
  return { to: input.to, subject: t.subject(input.campaignName), text, html, kind: 'submission_confirm' };
}
