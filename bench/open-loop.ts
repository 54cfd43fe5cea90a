import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import { quantile } from './latency.ts';

export interface OpenLoopRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface OpenLoopOptions {
  /** `http://127.0.0.1:<port>`. */
  base: string;
  /** Requests per second, sent evenly spaced. */
  rate: number;
  seconds: number;
  /** Sockets kept open; a request due while all are busy waits for one (and that wait is timed). */
  connections: number;
  /** The next request to send. */
  next: () => OpenLoopRequest;
  onResponse?: (status: number, headers: IncomingHttpHeaders) => void;
}

export interface OpenLoopResult {
  sent: number;
  errors: number;
  non2xx: number;
  latency: { p50: number; p99: number };
}

/**
 * Requests sent at a fixed rate whatever the answers do, as shoppers arrive (an open loop), each
 * timed from when it was due rather than from when it went out, so an answer that made the
 * next ones wait counts their wait too (no coordinated omission). autocannon cannot do this: its
 * rate sends each second's quota back to back, and its correction takes the interval between
 * requests to be 1 ms whatever the rate (`Math.ceil(1 / rate)`), counting every answer as many
 * times as it took milliseconds.
 */
export async function openLoop({ base, rate, seconds, connections, next, onResponse }: OpenLoopOptions): Promise<OpenLoopResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const total = Math.round(rate * seconds);
  const times: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const send = (due: number) =>
    new Promise<void>((resolve) => {
      const { method, path, headers = {}, body } = next();
      const req = request(`${base}${path}`, { method, agent, headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) }, timeout: 10_000 }, (res) => {
        res.resume();
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300) non2xx++;
          else times.push(performance.now() - due);
          onResponse?.(status, res.headers);
          resolve();
        });
      });
      req.on('timeout', () => req.destroy(new Error('timed out')));
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(body);
    });

  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  let sent = 0;
  await new Promise<void>((done) => {
    const tick = () => {
      const now = performance.now();
      for (; sent < total; sent++) {
        const due = start + (sent * 1000) / rate;
        if (due > now) break;
        inFlight.push(send(due));
      }
      if (sent < total) setTimeout(tick, 1);
      else done();
    };
    tick();
  });
  await Promise.all(inFlight);
  agent.destroy();
  times.sort((a, b) => a - b);
  return { sent, errors, non2xx, latency: times.length ? { p50: quantile(times, 0.5), p99: quantile(times, 0.99) } : { p50: 0, p99: 0 } };
}
