import type { MiddlewareHandler } from 'hono';

/** What every answer to a public read carries (GET and HEAD). */
export const PUBLIC_READ_HEADERS = { 'Access-Control-Allow-Origin': '*' } as const;

/**
 * CORS for the public read API: any page may read it (it carries no cookies and no secrets), with
 * GET only, and a preflight answered for a day. The headers are Hono's `cors({ origin: '*',
 * allowMethods: ['GET'], maxAge: 86400 })`'s, byte for byte (index.test.ts compares them), set
 * differently: before the route runs, as headers its answer is made with. Hono's sets them on a
 * response made in advance, which every answer must then be copied over (a whole undici
 * Response built around the body): a third of a cached gallery answer's cost on Node.
 */
export const publicCors = (): MiddlewareHandler =>
  async function publicCors(c, next) {
    if (c.req.method === 'OPTIONS') {
      const headers = new Headers({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Max-Age': '86400', 'Access-Control-Allow-Methods': 'GET' });
      const requested = c.req.header('access-control-request-headers');
      if (requested) {
        headers.set('Access-Control-Allow-Headers', requested.split(',').map((h) => h.trim()).join(','));
        headers.append('Vary', 'Access-Control-Request-Headers');
      }
      return new Response(null, { headers, status: 204, statusText: 'No Content' });
    }
    for (const [name, value] of Object.entries(PUBLIC_READ_HEADERS)) c.header(name, value);
    await next();
    // A read answered with a Response of its own (not through c.body or c.json) left the header
    // set above behind: it gets it here, as with Hono's cors. (Event ingest, a POST, removes it
    // on purpose and names the page instead.)
    if ((c.req.method === 'GET' || c.req.method === 'HEAD') && !c.res.headers.has('Access-Control-Allow-Origin')) c.header('Access-Control-Allow-Origin', PUBLIC_READ_HEADERS['Access-Control-Allow-Origin']);
  };
