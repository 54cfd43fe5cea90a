import { Hono } from 'hono';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PANEL_SECURITY_HEADERS } from '../http/panel-headers.ts';
import { nodeStaticFiles } from './node-static.ts';

function staticApp({ demo: withDemo = true } = {}) {
  const built = mkdtempSync(join(tmpdir(), 'vitrine-static-'));
  const demo = mkdtempSync(join(tmpdir(), 'vitrine-demo-'));
  mkdirSync(join(built, 'panel', 'assets'), { recursive: true });
  writeFileSync(join(built, 'panel', 'index.html'), '<!doctype html><title>panel</title>');
  writeFileSync(join(built, 'panel', 'assets', 'index-AbCd1234.js'), 'export {}');
  writeFileSync(join(built, 'embed.js'), '(function(){})()');
  // What scripts/precompress.ts writes beside it at build time.
  writeFileSync(join(built, 'embed.js.br'), 'brotli bytes');
  writeFileSync(join(built, 'embed.js.gz'), 'gzip bytes');
  writeFileSync(join(demo, 'index.html'), '<!doctype html><title>store</title>');
  writeFileSync(join(demo, 'looks.html'), '<vitrine-gallery gallery="demo"><!-- vitrine:ssr /v1/galleries/demo/posts.html --></vitrine-gallery>');
  const app = new Hono();
  // Stands in for the app: the gallery's server-rendered page, and what it was asked.
  const appFetch = (request: Request) => {
    asked.push(new URL(request.url).pathname);
    return new Response('<ul data-vitrine-ssr><li data-post-id="post_é">…</li></ul>', { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  };
  for (const files of nodeStaticFiles({ builtDir: built, demo: withDemo ? { dir: demo, appFetch } : null })) app.on(['GET', 'HEAD'], '*', files);
  return app;
}

const asked: string[] = [];

describe("the panel's security headers on Node", () => {
  const app = staticApp();

  it('come with the panel page, its routes refreshed in the browser, and its files', async () => {
    for (const path of ['/panel/', '/panel/index.html', '/panel/galleries/gal_1', '/panel/assets/index-AbCd1234.js']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      for (const [name, value] of Object.entries(PANEL_SECURITY_HEADERS)) expect(res.headers.get(name), `${path} ${name}`).toBe(value);
    }
    const csp = PANEL_SECURITY_HEADERS['Content-Security-Policy']!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('leave the caching and CORS headers of the widget files as they were meant', async () => {
    const loader = await app.request('/embed.js');
    expect(loader.headers.get('cache-control')).toBe('public, max-age=300');
    expect(loader.headers.get('access-control-allow-origin')).toBe('*');
    expect((await app.request('/panel/assets/index-AbCd1234.js')).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await app.request('/panel/galleries/gal_1')).headers.get('cache-control')).toBe('no-cache');
  });

  it('stay off what merchants embed or link to: the loader and the demo store', async () => {
    for (const path of ['/embed.js', '/']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-security-policy'), path).toBeNull();
    }
  });
});

describe("the demo store's pages", () => {
  it("carry their galleries' server-rendered first pages, asked of the app as the page is served", async () => {
    asked.length = 0;
    const res = await staticApp().request('http://127.0.0.1:3000/looks.html');
    const body = await res.text();
    expect(body).toBe('<vitrine-gallery gallery="demo"><ul data-vitrine-ssr><li data-post-id="post_é">…</li></ul></vitrine-gallery>');
    expect(asked).toEqual(['/v1/galleries/demo/posts.html']);
    expect(res.headers.get('content-length') ?? String(new TextEncoder().encode(body).byteLength)).toBe(String(new TextEncoder().encode(body).byteLength));
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect((await staticApp().request('/')).status, 'a page without a gallery is served as it is').toBe(200);
    asked.length = 0;
    const head = await staticApp().request('/looks.html', { method: 'HEAD' });
    expect([head.status, head.headers.get('content-length'), asked]).toEqual([200, null, []]);
  });
});

describe('without the demo (a production start)', () => {
  it('serves the panel and the loader, but no demo store: its address leads to the panel', async () => {
    const app = staticApp({ demo: false });
    expect((await app.request('/panel/')).status).toBe(200);
    expect((await app.request('/embed.js')).status).toBe(200);
    const home = await app.request('/');
    expect([home.status, home.headers.get('location')]).toEqual([302, '/panel/']);
    expect((await app.request('/index.html')).status).toBe(404);
    expect((await app.request('/products/LMN-001')).status).toBe(404);
    expect((await staticApp().request('/')).status, 'with the demo, its store').toBe(200);
  });
});

describe('compressed files', () => {
  const app = staticApp();

  it('serves the build\'s brotli or gzip copy to a browser that accepts it, with its usual headers', async () => {
    const br = await app.request('/embed.js', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect([br.headers.get('content-encoding'), await br.text()]).toEqual(['br', 'brotli bytes']);
    expect(br.headers.get('content-type')).toMatch(/javascript/);
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(br.headers.get('cache-control')).toBe('public, max-age=300');
    const gz = await app.request('/embed.js', { headers: { 'Accept-Encoding': 'gzip' } });
    expect([gz.headers.get('content-encoding'), await gz.text()]).toEqual(['gzip', 'gzip bytes']);
    const plain = await app.request('/embed.js');
    expect([plain.headers.get('content-encoding'), await plain.text()]).toEqual([null, '(function(){})()']);
  });
});
