/**
 * The short signed link an author receives: `/r/<request id>.<mac>`. The MAC (HMAC-SHA256 under
 * a key derived for this purpose, cut to 128 bits) makes ids unguessable and links unforgeable;
 * expiry is kept on the request, so a link can stop accepting consent but never stop withdrawal.
 */
import { hmacSha256Hex, timingSafeEqual } from '../../security/tokens.ts';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

async function mac(appSecret: string, requestId: string): Promise<string> {
  const hex = await hmacSha256Hex(appSecret, `rights-link:${requestId}`);
  return btoa(String.fromCharCode(...hex.slice(0, 32).match(/../g)!.map((h) => parseInt(h, 16)))).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export async function rightsToken(appSecret: string, requestId: string): Promise<string> {
  return `${requestId}.${await mac(appSecret, requestId)}`;
}

/** The request id a token stands for, or null when it was not made by this deployment. */
export async function verifyRightsToken(appSecret: string, token: string): Promise<string | null> {
  const dot = token.lastIndexOf('.');
  const id = token.slice(0, dot);
  if (dot < 1 || !ID.test(id)) return null;
  return timingSafeEqual(token.slice(dot + 1), await mac(appSecret, id)) ? id : null;
}

/**
 * What a rights-page form carries so that it can be sent once: a MAC over the request and its
 * state when the page was shown. Once the state moves on (granted, withdrawn), a replayed form
 * no longer matches and is refused.
 */
export async function formToken(appSecret: string, requestId: string, state: string): Promise<string> {
  return (await hmacSha256Hex(appSecret, `rights-form:${requestId}:${state}`)).slice(0, 32);
}
