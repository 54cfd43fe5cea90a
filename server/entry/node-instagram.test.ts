import { describe, expect, it } from 'vitest';
import type { Transport } from '../outbound/guarded-fetch.ts';
import type { NodeConfig } from './node-config.ts';
import { loopbackOrigin, nodeInstagram } from './node-instagram.ts';

const config = (graphUrl: string) => ({ appSecret: 'secret', instagram: { graphUrl, apiVersion: 'v21.0', appSecret: null, verifyToken: null } }) as unknown as NodeConfig;

/** Records each hop the guard lets through, answering 200. */
function recording() {
  const hops: { url: string; trusted: boolean }[] = [];
  const transport: Transport = (request, hop) => {
    hops.push({ url: request.url, trusted: hop.trusted });
    return Promise.resolve(new Response('ok'));
  };
  return { hops, transport };
}

describe('nodeInstagram', () => {
  it('lets the standalone fake on this machine through, for the Graph API and its CDN, and no other loopback address', async () => {
    const { hops, transport } = recording();
    const { deps } = nodeInstagram(config('http://127.0.0.1:8790'), transport, () => Promise.reject(new Error('no webhooks here')));
    expect((await deps.download(new Request('http://127.0.0.1:8790/cdn/p_1.jpg'))).status).toBe(200);
    expect(hops).toEqual([{ url: 'http://127.0.0.1:8790/cdn/p_1.jpg', trusted: true }]);
    await expect(deps.download(new Request('http://127.0.0.1:8787/admin/'))).rejects.toThrow(/refused/);
    expect(hops).toHaveLength(1);
  });

  it('refuses every loopback address when talking to the real Graph API', async () => {
    const { hops, transport } = recording();
    const { deps } = nodeInstagram(config('https://graph.facebook.com'), transport, () => Promise.reject(new Error('no webhooks here')));
    await expect(deps.download(new Request('http://127.0.0.1:8790/cdn/p_1.jpg'))).rejects.toThrow(/refused/);
    expect(hops).toEqual([]);
  });

  it('knows a loopback address from a public one', () => {
    expect(loopbackOrigin('http://127.0.0.1:8790/v21.0')).toBe('http://127.0.0.1:8790');
    expect(loopbackOrigin('http://localhost:8790')).toBe('http://localhost:8790');
    expect(loopbackOrigin('https://graph.facebook.com')).toBeNull();
    expect(loopbackOrigin('http://127.0.0.2:8790')).toBeNull();
  });
});
