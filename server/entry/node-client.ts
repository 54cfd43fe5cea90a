import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * Who is asking, on Node: by default the socket's peer, over plain http. Behind reverse proxies
 * the operator trusts (VITRINE_TRUST_PROXY=true for one, or N for a chain of N), what the
 * proxies wrote: X-Forwarded-Proto says whether the client came over https, X-Forwarded-For
 * where it came from. Each proxy appends the address it saw, so only the entries the trusted
 * proxies added count; whatever is left of them the client wrote itself and may be forged.
 */

/**
 * The right-most address no trusted proxy vouches for: the socket's peer is proxy 1, the last
 * `hops - 1` entries of X-Forwarded-For are the proxies behind it, the entry before them is the
 * client. A shorter list than the chain means fewer proxies wrote it; its first entry is then
 * still one a trusted proxy wrote.
 */
export function forwardedClient(peer: string, forwardedFor: string | undefined, hops: number): string {
  if (hops === 0 || !forwardedFor) return peer;
  const entries = forwardedFor.split(',').map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) return peer;
  return entries[Math.max(0, entries.length - hops)]!;
}

/** Whether the client reached the (trusted) proxy over https; the nearest proxy's word counts. */
export function forwardedHttps(forwardedProto: string | undefined, hops: number): boolean {
  if (hops === 0 || !forwardedProto) return false;
  return forwardedProto.split(',').at(-1)!.trim().toLowerCase() === 'https';
}

export const nodeClientIp =
  (hops: number) =>
  (c: Context): string =>
    forwardedClient(getConnInfo(c).remote.address || 'unknown', c.req.header('x-forwarded-for'), hops);

/**
 * The request as the app should see it: its URL says https when a trusted proxy says the client
 * used https, so session cookies are Secure and `__Host-` prefixed, HSTS is sent, and the panel's
 * same-origin check compares against the origin the browser really used.
 */
export function forwardedRequest(request: Request, hops: number): Request {
  if (!forwardedHttps(request.headers.get('x-forwarded-proto') ?? undefined, hops)) return request;
  const url = new URL(request.url);
  if (url.protocol === 'https:') return request;
  url.protocol = 'https:';
  // A default http port in the Host header means no port at all over https.
  if (url.port === '80') url.port = '';
  return new Request(url, { method: request.method, headers: request.headers, body: request.body, signal: request.signal, duplex: 'half' } as RequestInit);
}
