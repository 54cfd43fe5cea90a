/**
 * The demo store on Workers (`npm run dev:worker`, which copies demo/ into the assets under
 * /demo/ and sets VITRINE_DEMO): the same pages at the same addresses as on Node
 * (node-static.ts), so the store's links (/cart.html, /products/<SKU>, /store.css) work as they are.
 * A deployed Worker has neither the variable nor the files. Its pages carry their galleries'
 * server-rendered first pages, asked of the app (demo-gallery-html.ts), as on Node.
 */
import { servedWithGalleries, type AskApp } from './demo-gallery-html.ts';

interface Assets {
  readonly fetch: (input: string) => Promise<unknown>;
}

/** Paths the app answers: never looked up among the demo's files. */
const APP_PATHS = /^\/(v1|admin|r|hooks|media|healthz)(\/|$)/;

/** The demo asset a path names, as Workers' assets spell it (`/demo/cart`, not `cart.html`: its default html handling redirects that). */
function demoPath(pathname: string): string | null {
  if (pathname === '/' || pathname === '/index.html') return '/demo/';
  // The demo store's product pages (/products/<SKU>, the links its products carry) are one page.
  if (/^\/products\/[\w.-]+$/.test(pathname)) return '/demo/product';
  if (APP_PATHS.test(pathname)) return null;
  return `/demo${pathname.replace(/\.html$/, '')}`;
}

/** The demo store's file for `url`, or null when the demo has none (the app answers then). */
export async function demoStoreAsset(assets: Assets, url: URL, ask: AskApp): Promise<Response | null> {
  const path = demoPath(url.pathname);
  if (path === null) return null;
  const found = (await assets.fetch(new URL(path, url).href)) as Response;
  if (found.status !== 200) {
    await found.body?.cancel();
    return null;
  }
  // A copy: the assets' headers cannot be changed. The demo changes as it is edited: never kept (as on Node).
  const answer = await servedWithGalleries(new Response(found.body, found), ask);
  answer.headers.set('Cache-Control', 'no-cache');
  return answer;
}
