import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, MiddlewareHandler } from 'hono';
import { PANEL_SECURITY_HEADERS } from '../http/panel-headers.ts';
import { servedWithGalleries } from './demo-gallery-html.ts';

/**
 * Static files on Node: the built loader, widget chunks and panel (`dist/public`), then, when the
 * demo is on, the demo store's pages (`demo/`). The loader keeps a stable URL with a short cache so merchants pick up
 * releases; the chunks it imports are content-hashed, so they are cached for good. Panel files
 * carry the panel's security headers.
 */
/** Build outputs whose names carry a content hash (`gallery-DaZBLtnj.js`): never stale. */
const HASHED_FILE = /\/(widget|panel\/assets)\/[\w.-]+-[\w-]{8}\.(js|css)$/;

/**
 * Sets headers on the file `serve` answered with. (`serveStatic`'s `onFound` runs after the
 * response is built, so headers set there with `c.header` never reach the browser.)
 */
const withHeaders =
  (serve: MiddlewareHandler, headersFor: (c: Context) => Record<string, string>): MiddlewareHandler =>
  async (c, next) => {
    const res = await serve(c, next);
    if (res instanceof Response) for (const [name, value] of Object.entries(headersFor(c))) res.headers.set(name, value);
    return res;
  };

/** The app, asked for a gallery's server-rendered page with the request's own bindings. */
type AppFetch = (request: Request, env: unknown) => Response | Promise<Response>;

/** Demo pages with their galleries' server-rendered first pages in them (demo-gallery-html.ts). */
const withGalleries =
  (serve: MiddlewareHandler, appFetch: AppFetch): MiddlewareHandler =>
  async (c, next) => {
    const res = await serve(c, next);
    if (!(res instanceof Response)) return res;
    const served = await servedWithGalleries(res, async (path) => appFetch(new Request(new URL(path, c.req.url)), c.env));
    if (served === res) return res;
    // Hono's setter copies the file's headers onto the page: its length must not be among them.
    res.headers.delete('content-length');
    c.res = served;
    return c.res;
  };

const panelHeaders = (c: Context) => (c.req.path.startsWith('/panel/') ? PANEL_SECURITY_HEADERS : {});

/** `demo`: null without the demo, whose store has no gallery to show then; its pages ask `appFetch` for their galleries. */
export function nodeStaticFiles({ builtDir, demo: demoStore }: { builtDir: string; demo: { dir: string; appFetch: AppFetch } | null }): MiddlewareHandler[] {
  // `precompressed`: the build wrote .br and .gz copies of every text file (scripts/precompress.ts).
  const built = withHeaders(serveStatic({ root: builtDir, precompressed: true }), (c) => ({
    'Cache-Control': HASHED_FILE.test(c.req.path) ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
    ...(c.req.path.endsWith('.js') ? { 'Access-Control-Allow-Origin': '*' } : {}),
    ...panelHeaders(c),
  }));
  const noCache = () => ({ 'Cache-Control': 'no-cache' });
  // The panel routes in the browser: a refreshed /panel/galleries/… or an invitation link gets its page.
  const panelPage = withHeaders(serveStatic({ root: builtDir, precompressed: true, rewriteRequestPath: () => '/panel/index.html' }), (c) => ({ ...noCache(), ...panelHeaders(c) }));
  const panelFallback: MiddlewareHandler = (c, next) => (c.req.path.startsWith('/panel/') ? panelPage(c, next) : next());
  // A real install has no store page of its own: its address leads to the panel.
  const toPanel: MiddlewareHandler = (c, next) => (c.req.path === '/' ? Promise.resolve(c.redirect('/panel/', 302)) : next());
  if (demoStore === null) return [toPanel, built, panelFallback];
  const demo = withGalleries(withHeaders(serveStatic({ root: demoStore.dir }), noCache), demoStore.appFetch);
  // The demo store's product pages (/products/<SKU>, the links its products carry) are one page.
  const productPage = withHeaders(serveStatic({ root: demoStore.dir, rewriteRequestPath: () => '/product.html' }), noCache);
  const demoProducts: MiddlewareHandler = (c, next) => (/^\/products\/[\w.-]+$/.test(c.req.path) ? productPage(c, next) : next());
  return [built, demo, panelFallback, demoProducts];
}
