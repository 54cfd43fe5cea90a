import type { Context } from 'hono';

/**
 * The strict headers of the server-rendered pages people open from a link (the rights page, a
 * campaign's page and its entrants' links): no script at all, only the page's own nonce'd style,
 * forms posting to this origin only, no framing, no referrer (the link can be a credential).
 */
export function strictPageHeaders(c: Context, nonce: string): void {
  c.header('Content-Security-Policy', `default-src 'none'; img-src 'self'; style-src 'nonce-${nonce}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`);
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Frame-Options', 'DENY');
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Cache-Control', 'no-store');
}
