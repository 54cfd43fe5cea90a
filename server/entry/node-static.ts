import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';

/**
 * Static files on Node: the built loader, widget chunks and panel (`dist/public`), then the demo
 * store's pages (`demo/`). The loader keeps a stable URL with a short cache so merchants pick up
 * releases; the chunks it imports are content-hashed, so they are cached for good.
 */
/** Build outputs whose names carry a content hash (`gallery-DaZBLtnj.js`): never stale. */
const HASHED_FILE = /\/(widget|panel\/assets)\/[\w.-]+-[\w-]{8}\.(js|css)$/;

export function nodeStaticFiles({ builtDir, demoDir }: { builtDir: string; demoDir: string }): MiddlewareHandler[] {
  const built = serveStatic({
    root: builtDir,
    onFound: (path, c) => {
      c.header('Cache-Control', HASHED_FILE.test(path) ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
      if (path.endsWith('.js')) c.header('Access-Control-Allow-Origin', '*');
    },
  });
  const demo = serveStatic({ root: demoDir, onFound: (_path, c) => c.header('Cache-Control', 'no-cache') });
  // The panel routes in the browser: a refreshed /panel/galleries/… or an invitation link gets its page.
  const panelPage = serveStatic({ root: builtDir, rewriteRequestPath: () => '/panel/index.html', onFound: (_path, c) => c.header('Cache-Control', 'no-cache') });
  const panelFallback: MiddlewareHandler = (c, next) => (c.req.path.startsWith('/panel/') ? panelPage(c, next) : next());
  // The demo store's product pages (/products/<SKU>, the links its products carry) are one page.
  const productPage = serveStatic({ root: demoDir, rewriteRequestPath: () => '/product.html', onFound: (_path, c) => c.header('Cache-Control', 'no-cache') });
  const demoProducts: MiddlewareHandler = (c, next) => (/^\/products\/[\w.-]+$/.test(c.req.path) ? productPage(c, next) : next());
  return [built, demo, panelFallback, demoProducts];
}
