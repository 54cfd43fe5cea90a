/** Shared set-up for the fake's own tests: a fake on a movable clock and a small Graph client. */
import { testClock } from '../testing/clock.ts';
import { createFakeInstagram } from './index.ts';
import type { FakeInstagramOptions } from './types.ts';

export const BASE = 'http://fake-instagram.test';
export const APP_SECRET = 'test-app-secret';

/** A stand-in renderer: tests that don't look at pixels need not pay for sharp. */
const cheapRender = async (svg: string) => new TextEncoder().encode(svg);

export function makeFake(overrides: Partial<FakeInstagramOptions> = {}) {
  const clock = testClock();
  const fake = createFakeInstagram({ clock, baseUrl: BASE, appSecret: APP_SECRET, renderImage: cheapRender, ...overrides });

  async function call(method: 'GET' | 'POST', path: string, params: Record<string, string> = {}) {
    const url = path.startsWith('http') ? new URL(path) : new URL(`${BASE}/v21.0${path}`);
    const all = { access_token: fake.account.accessToken, ...params };
    let request: Request;
    if (method === 'GET') {
      for (const [k, v] of Object.entries(all)) if (!url.searchParams.has(k)) url.searchParams.set(k, v);
      request = new Request(url);
    } else {
      request = new Request(url, { method, body: new URLSearchParams(all) });
    }
    const res = await fake.fetch(request);
    const body = (await res.json()) as any;
    return { res, body, status: res.status };
  }

  return {
    clock,
    fake,
    get: (path: string, params?: Record<string, string>) => call('GET', path, params),
    post: (path: string, params?: Record<string, string>) => call('POST', path, params),
  };
}
