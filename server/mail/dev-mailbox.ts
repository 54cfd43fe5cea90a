/**
 * The demo's mailbox (`npm start` only): a demo page, not a feature. Mail is kept in memory
 * instead of sent, and shown at `/demo/mailbox`, so a newcomer can open a campaign entry's
 * confirmation link without any mail provider. Never mounted outside the demo
 * (server/entry/node.ts); the newest 50 messages are kept.
 *
 * It shows other people's secret links, so it answers only a request whose Host is loopback
 * (`localhost`, `127.0.0.1`, `[::1]`, with any port), else 404. The demo listens on loopback, but
 * that alone is not enough: a page on any site can point its own name at 127.0.0.1 (DNS
 * rebinding) and read same-origin answers from this server; its requests then carry its own
 * name as Host, which this check refuses.
 */
import type { MiddlewareHandler } from 'hono';
import type { MailSender, OutgoingMail } from '../deps.ts';
import { escapeHtml as esc } from '../lib/html.ts';
import { randomToken } from '../security/tokens.ts';

export const DEV_MAILBOX_PATH = '/demo/mailbox';
const KEEP = 50;
const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/i;

export interface DevMailbox {
  sender: MailSender;
  /** Newest first. */
  messages(): readonly (OutgoingMail & { sentAt: number })[];
  /** GET /demo/mailbox; every other request goes on. */
  page: MiddlewareHandler;
}

/** Links in a text message, made clickable; everything else stays text. */
const linked = (text: string) => esc(text).replace(/https?:\/\/[^\s<>"']+/g, (url) => `<a href="${url}">${url}</a>`);

export function devMailbox(now: () => number = Date.now): DevMailbox {
  const kept: (OutgoingMail & { sentAt: number })[] = [];
  return {
    sender: {
      async send(mail) {
        kept.unshift({ ...mail, sentAt: now() });
        kept.length = Math.min(kept.length, KEEP);
      },
    },
    messages: () => kept,
    page: async (c, next) => {
      if (c.req.path !== DEV_MAILBOX_PATH) return next();
      if (!LOOPBACK_HOST.test(c.req.header('host') ?? '')) return c.text('Not found', 404);
      const nonce = randomToken(16);
      const items = kept
        .map((m) => `<article><h2>${esc(m.subject)}</h2><p class="muted">To ${esc(m.to)} · ${new Date(m.sentAt).toISOString()}</p><pre>${linked(m.text)}</pre></article>`)
        .join('');
      c.header('Content-Security-Policy', `default-src 'none'; style-src 'nonce-${nonce}'; frame-ancestors 'none'; base-uri 'none'`);
      c.header('Referrer-Policy', 'no-referrer');
      c.header('Cache-Control', 'no-store');
      return c.html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Demo mailbox</title>
<style nonce="${nonce}">body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:0 auto;padding:1rem}pre{white-space:pre-wrap;background:#f4f4f4;padding:1rem;border-radius:.5rem}article{border-bottom:1px solid #ddd}.muted{color:#666}</style></head>
<body><h1>Demo mailbox</h1><p class="muted">The demo sends no email: what it would send is kept here, in memory, until the server stops.</p>${items || '<p>No mail yet.</p>'}</body></html>`);
    },
  };
}
