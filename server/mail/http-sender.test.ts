import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OutgoingMail } from '../deps.ts';
import { UpstreamFailed } from '../domain/errors.ts';
import { guardedFetch, type Transport } from '../outbound/guarded-fetch.ts';
import { httpMailSender, resolveMailSettings, type MailSettings } from './http-sender.ts';

const KEY = 're_live_5ecret_key_value';
const mail: OutgoingMail = { to: 'clara@example.com', subject: 'You won the lamp', text: 'Congratulations, Clara: the private body', html: '<p>Congratulations, Clara: the private body</p>', kind: 'campaign_winner' };

/** The real guarded fetcher over a transport that answers from `answer` and keeps what it was sent. */
function provider(answer: (request: Request) => Response | Promise<Response>) {
  const sent: { url: string; method: string; headers: Record<string, string>; body: unknown }[] = [];
  const transport: Transport = async (request) => {
    sent.push({ url: request.url, method: request.method, headers: Object.fromEntries(request.headers), body: JSON.parse(await request.text()) });
    return answer(request);
  };
  return { sent, outbound: guardedFetch({ transport }) };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const resend: MailSettings = { provider: 'resend', apiKey: KEY, from: 'Maison Lumen <hello@lumen.example>' };
const postmark: MailSettings = { provider: 'postmark', apiKey: KEY, from: 'hello@lumen.example' };

async function rejection(promise: Promise<unknown>): Promise<UpstreamFailed> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(UpstreamFailed);
  const failed = error as UpstreamFailed;
  // Whatever the provider echoed, the error never carries the key or the message.
  for (const secret of [KEY, mail.subject, mail.text, mail.html, 'private body']) expect(failed.message).not.toContain(secret);
  return failed;
}

let logged: ReturnType<typeof vi.spyOn>[];
beforeEach(() => {
  logged = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => vi.spyOn(console, level).mockImplementation(() => undefined));
});
afterEach(() => {
  // The sender itself writes nothing to the logs, key or body or anything else.
  for (const spy of logged) expect(spy).not.toHaveBeenCalled();
  vi.restoreAllMocks();
});

describe('Resend', () => {
  it("sends Resend's documented request and settles once it is accepted", async () => {
    const { sent, outbound } = provider(() => json(200, { id: '49a3999c-0ce1-4ea6-ab68-afcd6dc2e794' }));
    await httpMailSender(resend, outbound).send(mail);
    expect(sent).toEqual([
      {
        url: 'https://api.resend.com/emails',
        method: 'POST',
        headers: expect.objectContaining({ authorization: `Bearer ${KEY}`, 'content-type': 'application/json' }),
        body: { from: resend.from, to: ['clara@example.com'], subject: mail.subject, text: mail.text, html: mail.html },
      },
    ]);
  });

  it('rejects a refusal with the status and the provider code, the key and an echoed body cut out', async () => {
    const { outbound } = provider(() => json(422, { statusCode: 422, name: 'validation_error', message: `Invalid html "${mail.html}" for key ${KEY}` }));
    const error = await rejection(httpMailSender(resend, outbound).send(mail));
    expect(error.code).toBe('mail_refused');
    expect(error.message).toMatch(/^mail: resend refused the message \(HTTP 422, validation_error: Invalid html "\[hidden\]" for key \[hidden\]\)$/);
  });

  it('rejects a server error without a JSON body', async () => {
    const { outbound } = provider(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    expect((await rejection(httpMailSender(resend, outbound).send(mail))).message).toBe('mail: resend refused the message (HTTP 502)');
  });

  it('never follows a redirect with the key: a 3xx is a refusal', async () => {
    const { sent, outbound } = provider(() => new Response(null, { status: 307, headers: { location: 'https://elsewhere.example/emails' } }));
    expect((await rejection(httpMailSender(resend, outbound).send(mail))).message).toMatch(/HTTP 307/);
    expect(sent.map((s) => s.url)).toEqual(['https://api.resend.com/emails']);
  });
});

describe('Postmark', () => {
  it("sends Postmark's documented request on the transactional stream", async () => {
    const { sent, outbound } = provider(() => json(200, { To: mail.to, SubmittedAt: '2026-12-06T10:00:00Z', MessageID: 'b7bc2f4a-e38e-4336-af7d-e6c392c2f817', ErrorCode: 0, Message: 'OK' }));
    await httpMailSender(postmark, outbound).send(mail);
    expect(sent).toEqual([
      {
        url: 'https://api.postmarkapp.com/email',
        method: 'POST',
        headers: expect.objectContaining({ 'x-postmark-server-token': KEY, 'content-type': 'application/json', accept: 'application/json' }),
        body: { From: 'hello@lumen.example', To: 'clara@example.com', Subject: mail.subject, TextBody: mail.text, HtmlBody: mail.html, MessageStream: 'outbound' },
      },
    ]);
    expect(sent[0]!.headers.authorization).toBeUndefined();
  });

  it('sends a reply-to address when the message has one, in each provider\'s field', async () => {
    const withReply = { ...mail, replyTo: 'merch@lumen.example' };
    const p = provider(() => json(200, { To: mail.to, ErrorCode: 0, Message: 'OK' }));
    await httpMailSender(postmark, p.outbound).send(withReply);
    expect(p.sent[0]!.body).toMatchObject({ ReplyTo: 'merch@lumen.example' });
    const r = provider(() => json(200, { id: 'e1' }));
    await httpMailSender(resend, r.outbound).send(withReply);
    expect(r.sent[0]!.body).toMatchObject({ reply_to: 'merch@lumen.example' });
  });

  it('rejects a 422 with its ErrorCode, and an accepted-looking answer that carries one', async () => {
    const refused = provider(() => json(422, { ErrorCode: 406, Message: "You tried to send to recipient(s) that have been marked as inactive." }));
    expect((await rejection(httpMailSender(postmark, refused.outbound).send(mail))).message).toBe('mail: postmark refused the message (HTTP 422, ErrorCode 406: You tried to send to recipient(s) that have been marked as inactive.)');
    const odd = provider(() => json(200, { ErrorCode: 300, Message: 'Invalid email request' }));
    expect((await rejection(httpMailSender(postmark, odd.outbound).send(mail))).message).toMatch(/HTTP 200, ErrorCode 300/);
  });

  it('rejects a wrong token (401) as a refusal', async () => {
    const { outbound } = provider(() => json(401, { ErrorCode: 10, Message: 'Request does not contain a valid Server token.' }));
    expect((await rejection(httpMailSender(postmark, outbound).send(mail))).code).toBe('mail_refused');
  });
});

describe('an unreachable provider', () => {
  it('rejects once the deadline passes', async () => {
    const { outbound } = provider(() => new Promise<Response>(() => undefined));
    const error = await rejection(httpMailSender(resend, outbound, { timeoutMs: 30 }).send(mail));
    expect(error.code).toBe('mail_unreachable');
    expect(error.message).toMatch(/^mail: resend could not be reached \(https:\/\/api\.resend\.com\/emails: no complete answer within 0\.03 s\); the message was not sent$/);
  });

  it('rejects when the connection fails', async () => {
    const { outbound } = provider(() => Promise.reject(new Error('getaddrinfo ENOTFOUND api.postmarkapp.com')));
    expect((await rejection(httpMailSender(postmark, outbound).send(mail))).message).toMatch(/postmark could not be reached .*ENOTFOUND/);
  });
});

describe('resolveMailSettings', () => {
  const full = { VITRINE_MAIL_PROVIDER: 'postmark', VITRINE_MAIL_API_KEY: KEY, VITRINE_MAIL_FROM: 'Maison Lumen <hello@lumen.example>' };

  it('is off, saying so, when nothing is set', () => {
    expect(resolveMailSettings({})).toEqual({ off: 'no mail provider is set (VITRINE_MAIL_PROVIDER, VITRINE_MAIL_API_KEY, VITRINE_MAIL_FROM)' });
    expect(resolveMailSettings({ VITRINE_MAIL_PROVIDER: ' ', VITRINE_MAIL_API_KEY: '', VITRINE_MAIL_FROM: undefined })).toHaveProperty('off');
  });

  it('is off, naming what is missing, when half set: never a default key or sender', () => {
    expect(resolveMailSettings({ ...full, VITRINE_MAIL_API_KEY: '' })).toEqual({ off: 'VITRINE_MAIL_API_KEY is not set' });
    expect(resolveMailSettings({ VITRINE_MAIL_PROVIDER: 'resend' })).toEqual({ off: 'VITRINE_MAIL_API_KEY and VITRINE_MAIL_FROM are not set' });
    expect(resolveMailSettings({ VITRINE_MAIL_API_KEY: KEY, VITRINE_MAIL_FROM: 'a@b.example' })).toEqual({ off: 'VITRINE_MAIL_PROVIDER is not set' });
  });

  it('takes all three, trimmed', () => {
    expect(resolveMailSettings({ ...full, VITRINE_MAIL_PROVIDER: ' resend ' })).toEqual({ settings: { provider: 'resend', apiKey: KEY, from: full.VITRINE_MAIL_FROM } });
    expect(resolveMailSettings({ ...full, VITRINE_MAIL_FROM: 'hello@lumen.example' })).toMatchObject({ settings: { provider: 'postmark', from: 'hello@lumen.example' } });
  });

  it('refuses to start on a provider it does not know or a sender that is no address, without echoing the key', () => {
    expect(() => resolveMailSettings({ ...full, VITRINE_MAIL_PROVIDER: 'sendgird' })).toThrow('VITRINE_MAIL_PROVIDER must be one of resend, postmark, got "sendgird"');
    expect(() => resolveMailSettings({ VITRINE_MAIL_PROVIDER: 'Resend' })).toThrow(/VITRINE_MAIL_PROVIDER/);
    for (const from of ['lumen.example', 'Lumen <hello>', 'a@b.example\r\nBcc: x@y.example', 'Lumen hello@lumen.example']) {
      expect(() => resolveMailSettings({ ...full, VITRINE_MAIL_FROM: from }), from).toThrow(/^VITRINE_MAIL_FROM must be an address/);
    }
    try {
      resolveMailSettings({ ...full, VITRINE_MAIL_PROVIDER: 'x' });
    } catch (error) {
      expect((error as Error).message).not.toContain(KEY);
    }
  });
});
