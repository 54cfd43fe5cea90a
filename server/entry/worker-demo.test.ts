import { describe, expect, it } from 'vitest';
import { demoStoreAsset } from './worker-demo.ts';

/** Workers' assets as the dev Worker has them: the demo copied under /demo/, spelled without `.html`. */
function assets(files: Record<string, string>) {
  const asked: string[] = [];
  return {
    asked,
    fetch: (input: string) => {
      const path = new URL(input).pathname;
      asked.push(path);
      const body = files[path];
      return Promise.resolve(body === undefined ? new Response('not found', { status: 404 }) : new Response(body, { headers: { 'content-type': 'text/html', 'cache-control': 'public, max-age=0, must-revalidate' } }));
    },
  };
}

describe('the demo store on the Worker (npm run dev:worker)', () => {
  const files = assets({ '/demo/looks': '<vitrine-gallery gallery="demo"><!-- vitrine:ssr /v1/galleries/demo/posts.html --></vitrine-gallery>', '/demo/': 'store', '/demo/cart': 'cart', '/demo/order': 'order', '/demo/product': 'product', '/demo/store.css': 'css', '/demo/images/products/LUM-BAG-04.svg': 'svg' });
  const appAsked: string[] = [];
  const askApp = async (path: string) => {
    appAsked.push(path);
    return new Response('<ul data-vitrine-ssr></ul>', { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  };
  const at = async (path: string) => {
    const res = await demoStoreAsset(files, new URL(path, 'http://127.0.0.1:8787'), askApp);
    return res && { body: await res.text(), cacheControl: res.headers.get('cache-control') };
  };

  it('answers the store, cart, order and product pages at the addresses Node serves them, never cached', async () => {
    expect(await at('/')).toEqual({ body: 'store', cacheControl: 'no-cache' });
    expect(await at('/cart.html')).toEqual({ body: 'cart', cacheControl: 'no-cache' });
    expect(await at('/order.html')).toEqual({ body: 'order', cacheControl: 'no-cache' });
    expect(await at('/products/LUM-LAMP-01')).toEqual({ body: 'product', cacheControl: 'no-cache' });
    expect((await at('/store.css'))?.body).toBe('css');
    expect((await at('/images/products/LUM-BAG-04.svg'))?.body).toBe('svg');
  });

  it("puts a gallery's server-rendered first page where a page asks for it, as on Node", async () => {
    expect(await at('/looks.html')).toEqual({ body: '<vitrine-gallery gallery="demo"><ul data-vitrine-ssr></ul></vitrine-gallery>', cacheControl: 'no-cache' });
    expect(appAsked).toEqual(['/v1/galleries/demo/posts.html']);
  });

  it("leaves the app's own paths and files the demo lacks to the app", async () => {
    files.asked.length = 0;
    for (const path of ['/v1/galleries/demo/posts', '/admin/auth/me', '/r/tok', '/hooks/instagram', '/media/m/x.webp', '/healthz']) expect(await at(path)).toBeNull();
    expect(files.asked).toEqual([]);
    expect(await at('/nope.html')).toBeNull();
    expect(await at('/products/../../etc')).toBeNull();
  });
});
