import { createGraphClient } from '../instagram/client.ts';
import { createFakeInstagram } from '../instagram/fake/index.ts';
import type { InstagramDeps } from '../deps.ts';
import type { Clock } from '../deps.ts';

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
    download: (url) => fake.fetch(new Request(url)),
  };
  return { fake, deps };
}
