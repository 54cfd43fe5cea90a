/**
 * A real HTTP server on 127.0.0.1 for the outbound tests: redirects to wherever a test says,
 * bodies that drip, never end or are too big, and a log of what reached it (so a test can show
 * a refused hop was never requested). Used only by tests.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

const routes: Record<string, (req: IncomingMessage, res: ServerResponse, url: URL) => void> = {
  '/ok': (_req, res) => res.end('hello'),
  /** `?to=<url>&status=<3xx>`: one redirect. */
  '/redirect': (_req, res, url) => {
    res.writeHead(Number(url.searchParams.get('status') ?? 302), { location: url.searchParams.get('to')! });
    res.end();
  },
  /** `?hops=<n>`: n redirects in a row, then /ok. */
  '/chain': (_req, res, url) => {
    const hops = Number(url.searchParams.get('hops'));
    res.writeHead(302, { location: hops > 1 ? `/chain?hops=${hops - 1}` : '/ok' });
    res.end();
  },
  /** Answers the headers, then one byte every 20 ms for as long as the client listens. */
  '/drip': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    const timer = setInterval(() => res.write('.'), 20);
    res.on('close', () => clearInterval(timer));
  },
  /** Never answers at all. */
  '/stall': () => undefined,
  /** 64 KiB chunks, as fast as the client reads, until it hangs up. */
  '/endless': (_req, res) => {
    const chunk = Buffer.alloc(64 * 1024, 'x');
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    const pump = () => {
      while (!res.destroyed && res.write(chunk));
    };
    res.on('drain', pump);
    pump();
  },
  /** `?bytes=<n>`: a body of n bytes with its Content-Length. */
  '/sized': (_req, res, url) => {
    const bytes = Number(url.searchParams.get('bytes'));
    res.writeHead(200, { 'content-length': bytes });
    res.end(Buffer.alloc(bytes, 'x'));
  },
};

export async function startSsrfHarness() {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://harness');
      received.push({ method: req.method!, path: url.pathname + url.search, headers: req.headers, body: Buffer.concat(chunks).toString() });
      const route = routes[url.pathname];
      if (route) route(req, res, url);
      else res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
