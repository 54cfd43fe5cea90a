/**
 * Webhook deliveries as Meta makes them (§1.10): a JSON body
 * `{"object":"instagram","entry":[{"id","time","changes":[{"field","value"}]}]}` (the docs list
 * notifications inside an array; each POST carries one such object), signed with the app secret
 * over the raw body in `X-Hub-Signature-256: sha256=<hex>` (and the legacy SHA-1 `X-Hub-Signature`).
 * Meta retries and may deliver the same notification again for up to 36 hours, so duplicates
 * are the same bytes with the same signatures.
 */
import type { FakeComment, FakeWebhookOptions } from './types.ts';

const encoder = new TextEncoder();

async function hmacHex(hash: 'SHA-256' | 'SHA-1', secret: string, body: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(body));
  return Array.from(new Uint8Array(mac), (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface WebhookChange {
  field: 'mentions' | 'comments';
  value: Record<string, unknown>;
}

export function notificationBody(igUserId: string, timeMs: number, change: WebhookChange): string {
  return JSON.stringify({ entry: [{ id: igUserId, time: Math.floor(timeMs / 1000), changes: [change] }], object: 'instagram' });
}

/** A caption mention carries only `media_id`; a comment mention adds `comment_id`. */
export function mentionChange(mediaId: string, commentId?: string): WebhookChange {
  return { field: 'mentions', value: commentId ? { comment_id: commentId, media_id: mediaId } : { media_id: mediaId } };
}

/** The `comments` field: who wrote what on which media; `parent_id` on replies. */
export function commentChange(comment: FakeComment, mediaProductType: 'FEED' | 'REELS'): WebhookChange {
  return {
    field: 'comments',
    value: {
      from: { id: comment.userId, username: comment.username },
      media: { id: comment.mediaId, media_product_type: mediaProductType },
      id: comment.id,
      ...(comment.parentId ? { parent_id: comment.parentId } : {}),
      text: comment.text,
    },
  };
}

export async function deliverNotification(
  deliver: (request: Request) => Promise<Response>,
  callbackUrl: string,
  body: string,
  appSecret: string,
  options: FakeWebhookOptions = {},
): Promise<Response[]> {
  const secret = options.forgeSignature ? `forged-${appSecret}` : appSecret;
  const headers = {
    'Content-Type': 'application/json',
    'User-Agent': 'facebookexternalua',
    'X-Hub-Signature': `sha1=${await hmacHex('SHA-1', secret, body)}`,
    'X-Hub-Signature-256': `sha256=${await hmacHex('SHA-256', secret, body)}`,
  };
  const responses: Response[] = [];
  // One after the other, as retries are: a receiver's deduplication must hold across deliveries.
  for (let i = 0; i <= (options.duplicates ?? 0); i++) responses.push(await deliver(new Request(callbackUrl, { method: 'POST', headers, body })));
  return responses;
}

/** The subscription handshake: Meta GETs the callback and expects `hub.challenge` echoed back. */
export async function verifySubscription(
  deliver: (request: Request) => Promise<Response>,
  callbackUrl: string,
  verifyToken: string,
  challenge: string,
): Promise<Response> {
  const url = new URL(callbackUrl);
  url.searchParams.set('hub.mode', 'subscribe');
  url.searchParams.set('hub.challenge', challenge);
  url.searchParams.set('hub.verify_token', verifyToken);
  return deliver(new Request(url, { method: 'GET', headers: { 'User-Agent': 'facebookplatform/1.0 (+http://developers.facebook.com)' } }));
}
