import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLoop } from './open-loop.ts';

describe('openLoop', () => {
  let server: Server;
  let base = '';
  let answered = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      // The first answer stalls; the one connection cannot send the requests falling due meanwhile.
      const delay = answered++ === 0 && req.url === '/stall' ? 800 : 0;
      setTimeout(() => {
        res.statusCode = req.url === '/fail' ? 500 : 200;
        res.end('ok');
      }, delay);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends every request and counts the wait behind a slow answer from when each was due', async () => {
    answered = 0;
    const statuses: number[] = [];
    const result = await openLoop({ base, rate: 50, seconds: 1, connections: 1, next: () => ({ method: 'GET', path: '/stall' }), onResponse: (status) => statuses.push(status) });
    expect(result.sent).toBe(50);
    expect(statuses).toHaveLength(50);
    expect(result.errors + result.non2xx).toBe(0);
    // Requests due in the stall's first 700 ms (35 of 50) waited at least 100 ms: timed from when they went out, they would not have.
    expect(result.latency.p50).toBeGreaterThanOrEqual(100);
    expect(result.latency.p99).toBeGreaterThanOrEqual(800);
  });

  it('counts answers outside 2xx apart, not among the latencies', async () => {
    const result = await openLoop({ base, rate: 20, seconds: 0.5, connections: 2, next: () => ({ method: 'POST', path: '/fail', body: '{}' }) });
    expect(result).toMatchObject({ sent: 10, errors: 0, non2xx: 10, latency: { p50: 0, p99: 0 } });
  });
});
