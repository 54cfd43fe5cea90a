import { createGraphClient } from '../../instagram/client.ts';
import { createFakeInstagram } from '../fake-instagram/index.ts';
import type { InstagramDeps } from '../../deps.ts';
import type { Clock } from '../../deps.ts';
import { guardedFetch } from '../../outbound/guarded-fetch.ts';

export const FAKE_BASE = 'http://fake-instagram.test';
export const FAKE_APP_SECRET = 'fake-app-secret';
export const FAKE_VERIFY_TOKEN = 'fake-verify-token';

/** The scene SVG as it is, which the Node harness's placeholder variant maker reads. */
export const svgAsIs = async (svg: string) => new TextEncoder().encode(svg);

/**
 * The fake Graph API wired as Vitrine's Instagram, in-process. Its CDN (and the open web of
 * imports) answers with what `renderImage` makes of a scene SVG: the SVG itself on Node, where
 * pixels do not matter to API tests; a real PNG in workerd, where the Worker's own maker runs.
 */
export function fakeInstagramFor(clock: Clock, deliver: (request: Request) => Promise<Response>, renderImage: (svg: string) => Promise<Uint8Array> = svgAsIs, renderImport: (svg: string) => Promise<Uint8Array> = renderImage) {
  const fake = createFakeInstagram({ clock, baseUrl: FAKE_BASE, appSecret: FAKE_APP_SECRET, renderImage, deliver });
  const deps: InstagramDeps = {
    graph: createGraphClient({ baseUrl: FAKE_BASE, version: 'v21.0', fetch: (input, init) => fake.fetch(new Request(input, init)) }),
    // The real guard over an in-process transport; the fake's http origin is let through by name.
    download: guardedFetch({ transport: (request) => (request.url.startsWith(FAKE_BASE) ? fake.fetch(request) : publicImageHost(request.url, renderImport)), allowOrigins: [FAKE_BASE] }),
  };
  return { fake, deps };
}

/**
 * Stands in for the open web in imports: `https://images.example.com/<w>x<h>/<name>` answers an
 * image of that size (rendered like the fake CDN's), anything else 404, as a missing file would.
 */
export const PUBLIC_IMAGE_HOST = 'https://images.example.com';

/** An empty SVG of that size: what the renderers (and the placeholder maker) read the size from. */
export const sizedSvg = (width: number, height: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"></svg>`;

async function publicImageHost(url: string, renderImage: (svg: string) => Promise<Uint8Array>): Promise<Response> {
  const match = /^https:\/\/images\.example\.com\/(\d+)x(\d+)\//.exec(url);
  if (!match) return new Response('not found', { status: 404 });
  return new Response((await renderImage(sizedSvg(Number(match[1]), Number(match[2])))).slice());
}
