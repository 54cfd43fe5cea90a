import type { MiddlewareHandler } from 'hono';

/** One year, the least HSTS preload lists accept; subdomains are the merchant's to decide. */
export const HSTS_VALUE = 'max-age=31536000';

/**
 * Whether an answer to this request URL goes over https, and so carries HSTS. A request's URL is
 * normalized (its scheme lower-case): no need to parse it on every answer.
 */
export const servedOverHttps = (url: string) => url.startsWith('https:');

/**
 * Strict-Transport-Security on every answer given over https (directly, or through a proxy the
 * Node server trusts: node-client.ts makes the request's URL https then), so a browser that
 * reached the panel once never sends its session cookie over plain http again. Over plain http
 * browsers ignore the header, and a local demo must stay reachable, so it is not sent there.
 */
export const hsts = (): MiddlewareHandler =>
  async function hsts(c, next) {
    const https = servedOverHttps(c.req.url);
    // Set before the route runs, as a header its answer is made with (c.body, c.json, errors):
    // set on a finished answer, it would copy the whole answer (on Node, an undici Response
    // built around the body), which a cached gallery answer would pay on every request.
    if (https) c.header('Strict-Transport-Security', HSTS_VALUE);
    await next();
    // A Response a route made by hand did not take it: it gets it here.
    if (https && !c.res.headers.has('Strict-Transport-Security')) c.header('Strict-Transport-Security', HSTS_VALUE);
  };
