import { createGraphClient } from '../../instagram/client.ts';
import { createFakeInstagram } from '../fake-instagram/index.ts';
import type { InstagramDeps } from '../../deps.ts';
import type { Clock } from '../../deps.ts';
import { guardedFetch } from '../../outbound/guarded-fetch.ts';

export const FAKE_BASE = 'http://fake-instagram.test';
export const FAKE_APP_SECRET = 'fake-app-secret';
export const FAKE_VERIFY_TOKEN = 'fake-verify-token';

/**
 * The fake Graph API wired as Vitrine's Instagram, in-process. Its CDN answers with the SVG it
 * would rasterise, which the placeholder variant maker reads: pixels do not matter to API tests,
 * and workerd cannot run sharp.
 */
export function fakeInstagramFor(clock: Clock, deliver: (request: Request) => Promise<Response>) {
  const fake = createFakeInstagram({ clock, baseUrl: FAKE_BASE, appSecret: FAKE_APP_SECRET, renderImage: async (svg) => new TextEncoder().encode(svg), deliver });
  const deps: InstagramDeps = {
    graph: createGraphClient({ baseUrl: FAKE_BASE, version: 'v21.0', fetch: (input, init) => fake.fetch(new Request(input, init)) }),
    // The real guard over an in-process transport; the fake's http origin is let through by name.
    download: guardedFetch({ transport: (request) => (request.url.startsWith(FAKE_BASE) ? fake.fetch(request) : publicImageHost(request.url)), allowOrigins: [FAKE_BASE] }),
  };
  return { fake, deps };
}

/**
 * Stands in for the open web in imports: `https://images.example.com/<w>x<h>/<name>` answers an
 * image of that size (as SVG, like the fake CDN), anything else 404, as a missing file would.
 */
export const PUBLIC_IMAGE_HOST = 'https://images.example.com';

async function publicImageHost(url: string): Promise<Response> {
  const match = /^https:\/\/images\.example\.com\/(\d+)x(\d+)\//.exec(url);
  if (!match) return new Response('not found', { status: 404 });
  return new Response(`<svg xmlns="http://www.w3.org/2000/svg" width="${match[1]}" height="${match[2]}"></svg>`, { headers: { 'content-type': 'image/svg+xml' } });
}
