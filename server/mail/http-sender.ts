/**
 * The real MailSender: one `OutgoingMail` as one request to a transactional email provider's
 * HTTP API, through the guarded fetcher. Two providers, with their documented request shapes:
 * - Resend: `POST https://api.resend.com/emails`, `Authorization: Bearer <key>`,
 *   `{ from, to, subject, text, html, reply_to? }`; a refusal is `{ statusCode, name, message }`.
 * - Postmark: `POST https://api.postmarkapp.com/email`, `X-Postmark-Server-Token: <key>`,
 *   `{ From, To, Subject, TextBody, HtmlBody, MessageStream, ReplyTo? }`; a refusal is `{ ErrorCode, Message }`.
 * Nothing here logs; an error's message names the provider, the status and the provider's own
 * code and words (with the key cut out), never the key, the subject or the body.
 */
import type { MailSender, OutgoingMail } from '../deps.ts';
import { UpstreamFailed } from '../domain/errors.ts';
import { OutboundError, type Outbound } from '../outbound/guarded-fetch.ts';

export const MAIL_PROVIDERS = ['resend', 'postmark'] as const;
export type MailProvider = (typeof MAIL_PROVIDERS)[number];

export interface MailSettings {
  provider: MailProvider;
  /** Resend's API key or Postmark's server token: a secret. */
  apiKey: string;
  /** The sender, `noreply@brand.example` or `Brand <noreply@brand.example>`, on a domain the provider verified. */
  from: string;
}

/** What the entries read; each names the variable an operator sets. */
export interface MailEnv {
  VITRINE_MAIL_PROVIDER?: string | undefined;
  VITRINE_MAIL_API_KEY?: string | undefined;
  VITRINE_MAIL_FROM?: string | undefined;
}

/**
 * The mail settings from the environment: `off` (with why, for the start-up line) when none or
 * only some are set, so a deployment without mail runs and says so. A provider Vitrine does not
 * know or a malformed sender is a start-up error: those are typos, not a choice to send nothing.
 */
export function resolveMailSettings(env: MailEnv): { settings: MailSettings } | { off: string } {
  const provider = env.VITRINE_MAIL_PROVIDER?.trim() ?? '';
  const apiKey = env.VITRINE_MAIL_API_KEY?.trim() ?? '';
  const from = env.VITRINE_MAIL_FROM?.trim() ?? '';
  if (provider && !(MAIL_PROVIDERS as readonly string[]).includes(provider)) {
    throw new Error(`VITRINE_MAIL_PROVIDER must be one of ${MAIL_PROVIDERS.join(', ')}, got "${provider}"`);
  }
  if (from && !SENDER.test(from)) throw new Error(`VITRINE_MAIL_FROM must be an address, as noreply@brand.example or "Brand <noreply@brand.example>", got "${from}"`);
  const missing = Object.entries({ VITRINE_MAIL_PROVIDER: provider, VITRINE_MAIL_API_KEY: apiKey, VITRINE_MAIL_FROM: from }).filter(([, value]) => !value).map(([name]) => name);
  if (missing.length === 3) return { off: 'no mail provider is set (VITRINE_MAIL_PROVIDER, VITRINE_MAIL_API_KEY, VITRINE_MAIL_FROM)' };
  if (missing.length > 0) return { off: `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set` };
  return { settings: { provider: provider as MailProvider, apiKey, from } };
}

/** An address, bare or after a display name in angle brackets; no line breaks (no header injection). */
const SENDER = /^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/;

const ENDPOINTS: Record<MailProvider, string> = {
  resend: 'https://api.resend.com/emails',
  postmark: 'https://api.postmarkapp.com/email',
};

/** Postmark's default transactional stream. */
const POSTMARK_STREAM = 'outbound';

function providerRequest({ provider, apiKey, from }: MailSettings, mail: OutgoingMail): Request {
  const json = { 'content-type': 'application/json', accept: 'application/json' };
  if (provider === 'resend') {
    return new Request(ENDPOINTS.resend, {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({ from, to: [mail.to], subject: mail.subject, text: mail.text, html: mail.html, ...(mail.replyTo ? { reply_to: mail.replyTo } : {}) }),
    });
  }
  return new Request(ENDPOINTS.postmark, {
    method: 'POST',
    headers: { ...json, 'x-postmark-server-token': apiKey },
    body: JSON.stringify({ From: from, To: mail.to, Subject: mail.subject, TextBody: mail.text, HtmlBody: mail.html, MessageStream: POSTMARK_STREAM, ...(mail.replyTo ? { ReplyTo: mail.replyTo } : {}) }),
  });
}

/** The provider's code and words from a refusal's JSON (Resend: name/message; Postmark: ErrorCode/Message). */
function refusalWords(body: unknown): { code: string | null; words: string | null } {
  if (typeof body !== 'object' || body === null) return { code: null, words: null };
  const b = body as Record<string, unknown>;
  const code = typeof b.name === 'string' ? b.name : typeof b.ErrorCode === 'number' ? `ErrorCode ${b.ErrorCode}` : null;
  const words = typeof b.message === 'string' ? b.message : typeof b.Message === 'string' ? b.Message : null;
  return { code, words };
}

const MAX_WORDS = 200;

/** The provider's words, without anything of ours it may echo (the key, the subject, the body), cut short. */
function scrubbed(words: string, secrets: string[]): string {
  let out = words;
  // Longest first: the text is often inside the HTML, which must go whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) if (secret.length >= 4) out = out.split(secret).join('[hidden]');
  const chars = [...out.replace(/[\r\n]+/g, ' ')];
  return chars.length > MAX_WORDS ? `${chars.slice(0, MAX_WORDS).join('')}…` : chars.join('');
}

export interface HttpSenderOptions {
  /** How long one message may take, answer included. */
  timeoutMs?: number;
}

/** Sends through `settings.provider`; resolves once it accepted the message (2xx). */
export function httpMailSender(settings: MailSettings, outbound: Outbound, { timeoutMs = 10_000 }: HttpSenderOptions = {}): MailSender {
  return {
    async send(mail) {
      let response: Response;
      try {
        // A provider's API never redirects a send: a 3xx is a refusal, not a place to resend the key.
        response = await outbound(providerRequest(settings, mail), { timeoutMs, maxBytes: 64 * 1024, redirect: 'manual' });
      } catch (error) {
        const why = error instanceof OutboundError ? error.message : 'the request failed';
        throw new UpstreamFailed('mail_unreachable', `mail: ${settings.provider} could not be reached (${scrubbed(why, [settings.apiKey])}); the message was not sent`);
      }
      const body: unknown = await response.json().catch(() => null);
      const { code, words } = refusalWords(body);
      // Postmark answers 200 with ErrorCode 0 when it accepted the message.
      const refusedIn200 = settings.provider === 'postmark' && typeof (body as { ErrorCode?: unknown } | null)?.ErrorCode === 'number' && (body as { ErrorCode: number }).ErrorCode !== 0;
      if (response.ok && !refusedIn200) return;
      const detail = [code, words && scrubbed(words, [settings.apiKey, mail.subject, mail.text, mail.html])].filter(Boolean).join(': ');
      throw new UpstreamFailed('mail_refused', `mail: ${settings.provider} refused the message (HTTP ${response.status}${detail ? `, ${detail}` : ''})`);
    },
  };
}
