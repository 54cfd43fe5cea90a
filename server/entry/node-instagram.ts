/**
 * How the Node server reaches Instagram: the real Graph API, or, for the demo, the local fake
 * running in this process, so a fresh `npm start` collects new posts with no Meta app at all.
 */
import { createHmac } from 'node:crypto';
import type { InstagramDeps } from '../deps.ts';
import { createGraphClient } from '../instagram/client.ts';
import { createFakeInstagram, type FakeInstagram } from '../instagram/fake/index.ts';
import type { NodeConfig } from './node-config.ts';

/** Where the in-process fake pretends to live; requests to it never reach the network. */
export const FAKE_INSTAGRAM_BASE = 'http://fake-instagram.localhost';

export interface NodeInstagram {
  deps: InstagramDeps;
  appSecret: string | null;
  verifyToken: string | null;
  fake: FakeInstagram | null;
}

export function nodeInstagram(config: NodeConfig, deliverWebhook: (request: Request) => Promise<Response>): NodeInstagram {
  const { instagram } = config;
  if (instagram.graphUrl !== 'fake') {
    return {
      deps: { graph: createGraphClient({ baseUrl: instagram.graphUrl, version: instagram.apiVersion }), download: (url) => fetch(url) },
      appSecret: instagram.appSecret,
      verifyToken: instagram.verifyToken,
      fake: null,
    };
  }
  // The fake signs its webhooks like Meta does; derive its app secret so restarts agree.
  const appSecret = instagram.appSecret ?? createHmac('sha256', config.appSecret).update('demo-instagram-app').digest('hex');
  const fake = createFakeInstagram({ clock: { now: () => Date.now() }, baseUrl: FAKE_INSTAGRAM_BASE, appSecret, apiVersion: instagram.apiVersion, deliver: deliverWebhook });
  const viaFake = (url: string) => (url.startsWith(FAKE_INSTAGRAM_BASE) ? fake.fetch(new Request(url)) : fetch(url));
  return {
    deps: { graph: createGraphClient({ baseUrl: FAKE_INSTAGRAM_BASE, version: instagram.apiVersion, fetch: (input, init) => fake.fetch(new Request(input, init)) }), download: viaFake },
    appSecret,
    verifyToken: instagram.verifyToken ?? 'vitrine-demo',
    fake,
  };
}
