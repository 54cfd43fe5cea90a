import { describe, expect, it } from 'vitest';
import { withServerRenderedGalleries } from './demo-gallery-html.ts';

/** The app as the page's server asks it: a page per known path, 404 otherwise, and what it was asked. */
function app(pages: Record<string, string>) {
  const asked: string[] = [];
  const ask = async (path: string) => {
    asked.push(path);
    const page = pages[path];
    return page === undefined ? new Response('{"error":{}}', { status: 404 }) : new Response(page, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  };
  return { asked, ask };
}

describe("a demo page's server-rendered galleries", () => {
  it('take the place of their markers, each gallery asked once', async () => {
    const { asked, ask } = app({ '/v1/galleries/demo/posts.html': '<ul data-vitrine-ssr>A</ul>', '/v1/galleries/demo/posts.html?limit=4&product=LUM-CNDL-06': '<ul data-vitrine-ssr>B</ul>' });
    const page = [
      '<vitrine-gallery gallery="demo"><!-- vitrine:ssr /v1/galleries/demo/posts.html --></vitrine-gallery>',
      '<vitrine-gallery gallery="demo" limit="4" product="LUM-CNDL-06"><!-- vitrine:ssr /v1/galleries/demo/posts.html?limit=4&product=LUM-CNDL-06 --></vitrine-gallery>',
      '<!-- vitrine:ssr /v1/galleries/demo/posts.html -->',
    ].join('\n');
    expect(await withServerRenderedGalleries(page, ask)).toBe(
      ['<vitrine-gallery gallery="demo"><ul data-vitrine-ssr>A</ul></vitrine-gallery>', '<vitrine-gallery gallery="demo" limit="4" product="LUM-CNDL-06"><ul data-vitrine-ssr>B</ul></vitrine-gallery>', '<ul data-vitrine-ssr>A</ul>'].join('\n'),
    );
    expect(asked).toEqual(['/v1/galleries/demo/posts.html', '/v1/galleries/demo/posts.html?limit=4&product=LUM-CNDL-06']);
  });

  it('leave the marker, a comment, when the app has no such gallery: the page works without it', async () => {
    const page = '<vitrine-gallery gallery="gone"><!-- vitrine:ssr /v1/galleries/gone/posts.html --></vitrine-gallery>';
    expect(await withServerRenderedGalleries(page, app({}).ask)).toBe(page);
  });

  it('ask only for gallery pages: any other path in a marker is left alone', async () => {
    const { asked, ask } = app({});
    const page = '<!-- vitrine:ssr /admin/members --><!-- vitrine:ssr /v1/galleries/demo/posts --><!-- vitrine:ssr https://elsewhere.example/v1/galleries/x/posts.html -->';
    expect(await withServerRenderedGalleries(page, ask)).toBe(page);
    expect(asked).toEqual([]);
  });

  it('leave a page without markers untouched, asking nothing', async () => {
    const { asked, ask } = app({});
    expect(await withServerRenderedGalleries('<!doctype html><title>store</title>', ask)).toBe('<!doctype html><title>store</title>');
    expect(asked).toEqual([]);
  });
});
