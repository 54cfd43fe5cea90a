/**
 * How the Node server reaches Instagram: the real Graph API, or, for the demo, the local fake
 * running in this process, so a fresh `npm start` collects new posts with no Meta app at all.
 */
import { createHmac } from 'node:crypto';
import type { InstagramDeps } from '../deps.ts';
import { createGraphClient } from '../instagram/client.ts';
import { createFakeInstagram, type FakeInstagram } from '../dev/fake-instagram/index.ts';
import { guardedFetch, type Transport } from '../outbound/guarded-fetch.ts';
import type { NodeConfig } from './node-config.ts';

/** Where the in-process fake pretends to live; requests to it never reach the network. */
export const FAKE_INSTAGRAM_BASE = 'http://fake-instagram.localhost';

export interface NodeInstagram {
  deps: InstagramDeps;
  appSecret: string | null;
  verifyToken: string | null;
  fake: FakeInstagram | null;
}

/** `transport` is the Node transport: the Graph API and media downloads go through the guard over it. */
export function nodeInstagram(config: NodeConfig, transport: Transport, deliverWebhook: (request: Request) => Promise<Response>): NodeInstagram {
  const { instagram } = config;
  if (instagram.graphUrl !== 'fake') {
    // Pointed at the standalone fake on this machine (`npm run fake-instagram`), the operator
    // means it: that one loopback origin (its API and its CDN) is let through, no other.
    const local = loopbackOrigin(instagram.graphUrl);
    const outbound = guardedFetch({ transport, allowOrigins: local ? [local] : [] });
    return {
      deps: { graph: createGraphClient({ baseUrl: instagram.graphUrl, version: instagram.apiVersion, fetch: (input, init) => outbound(new Request(input, init)) }), download: outbound },
      appSecret: instagram.appSecret,
      verifyToken: instagram.verifyToken,
      fake: null,
    };
  }
  // The fake signs its webhooks like Meta does; derive its secrets so restarts agree and no
  // deployment shares them.
  const derived = (purpose: string) => createHmac('sha256', config.appSecret).update(purpose).digest('hex');
  const appSecret = instagram.appSecret ?? derived('demo-instagram-app');
  const fake = createFakeInstagram({ clock: { now: () => Date.now() }, baseUrl: FAKE_INSTAGRAM_BASE, appSecret, apiVersion: instagram.apiVersion, deliver: deliverWebhook });
  // The fake's CDN is answered in-process; its origin is let through by name, every other
  // download (imports) goes out through the guard like in production.
  const download = guardedFetch({ transport: (request, hop) => (request.url.startsWith(FAKE_INSTAGRAM_BASE) ? fake.fetch(request) : transport(request, hop)), allowOrigins: [FAKE_INSTAGRAM_BASE] });
  return {
    deps: { graph: createGraphClient({ baseUrl: FAKE_INSTAGRAM_BASE, version: instagram.apiVersion, fetch: (input, init) => fake.fetch(new Request(input, init)) }), download },
    appSecret,
    verifyToken: instagram.verifyToken ?? derived('demo-instagram-verify-token'),
    fake,
  };
}

/** The origin of a Graph API address on this machine (127.0.0.1, ::1, localhost), else null. */
export function loopbackOrigin(address: string): string | null {
  const url = new URL(address);
  const host = url.hostname;
  return host === '127.0.0.1' || host === '[::1]' || host === 'localhost' || host.endsWith('.localhost') ? url.origin : null;
}
