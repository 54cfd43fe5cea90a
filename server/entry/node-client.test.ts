import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { forwardedClient, forwardedHttps, forwardedRequest, nodeClientIp } from './node-client.ts';

describe('forwardedClient', () => {
  it('is the socket peer unless a proxy is trusted', () => {
    expect(forwardedClient('203.0.113.9', '198.51.100.1', 0)).toBe('203.0.113.9');
    expect(forwardedClient('10.0.0.2', undefined, 1)).toBe('10.0.0.2');
    expect(forwardedClient('10.0.0.2', ' , ', 1)).toBe('10.0.0.2');
  });

  it('takes the right-most entry no trusted proxy wrote, not the left-most the client can write', () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; the one trusted proxy appended the address it saw.
    expect(forwardedClient('10.0.0.2', '1.2.3.4, 198.51.100.7', 1)).toBe('198.51.100.7');
    // Two proxies: the CDN appended the client, the local proxy appended the CDN.
    expect(forwardedClient('10.0.0.2', '1.2.3.4, 198.51.100.7, 192.0.2.50', 2)).toBe('198.51.100.7');
    // A shorter chain than configured: the first entry is still one a proxy wrote.
    expect(forwardedClient('10.0.0.2', '198.51.100.7', 3)).toBe('198.51.100.7');
    expect(forwardedClient('10.0.0.2', '2001:db8::1,198.51.100.7', 1)).toBe('198.51.100.7');
  });
});

describe('forwardedHttps', () => {
  it("believes X-Forwarded-Proto only from a trusted proxy, and the nearest proxy's word", () => {
    expect(forwardedHttps('https', 0)).toBe(false);
    expect(forwardedHttps('https', 1)).toBe(true);
    expect(forwardedHttps('HTTPS', 1)).toBe(true);
    expect(forwardedHttps('http', 1)).toBe(false);
    expect(forwardedHttps('https, http', 1)).toBe(false);
    expect(forwardedHttps(undefined, 1)).toBe(false);
  });
});

describe('forwardedRequest', () => {
  it('makes the URL https, and keeps method, headers and body', async () => {
    const request = new Request('http://shop.example/admin/auth/sign-in', { method: 'POST', headers: { 'x-forwarded-proto': 'https', 'content-type': 'application/json' }, body: '{"a":1}' });
    const seen = forwardedRequest(request, 1);
    expect(seen.url).toBe('https://shop.example/admin/auth/sign-in');
    expect(seen.method).toBe('POST');
    expect(seen.headers.get('content-type')).toBe('application/json');
    expect(await seen.text()).toBe('{"a":1}');
  });

  it('leaves the request alone without a trusted proxy or without https', () => {
    const spoofed = new Request('http://shop.example/', { headers: { 'x-forwarded-proto': 'https' } });
    expect(forwardedRequest(spoofed, 0)).toBe(spoofed);
    const plain = new Request('http://shop.example/', { headers: { 'x-forwarded-proto': 'http' } });
    expect(forwardedRequest(plain, 1)).toBe(plain);
  });
});

describe('on a real socket', () => {
  const servers: ServerType[] = [];
  afterAll(() => servers.forEach((server) => server.close()));

  /** The Node server as node.ts wires it, answering what the app sees. */
  async function start(hops: number): Promise<string> {
    const app = new Hono().get('/who', (c) => c.json({ ip: nodeClientIp(hops)(c), url: c.req.url }));
    const server = serve({ fetch: (request, env) => app.fetch(forwardedRequest(request, hops), env), port: 0, hostname: '127.0.0.1' });
    servers.push(server);
    await new Promise((resolve) => server.once('listening', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('ignores forwarded headers from an untrusted peer', async () => {
    const base = await start(0);
    const seen = await (await fetch(`${base}/who`, { headers: { 'x-forwarded-for': '198.51.100.7', 'x-forwarded-proto': 'https' } })).json();
    expect(seen).toEqual({ ip: '127.0.0.1', url: `${base}/who` });
  });

  it('behind one trusted proxy, sees the client and https', async () => {
    const base = await start(1);
    const seen = await (await fetch(`${base}/who`, { headers: { 'x-forwarded-for': '1.2.3.4, 198.51.100.7', 'x-forwarded-proto': 'https' } })).json();
    expect(seen).toEqual({ ip: '198.51.100.7', url: `${base.replace('http:', 'https:')}/who` });
  });
});
