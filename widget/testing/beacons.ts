import type { EventBatch } from '../../shared/schemas/events.ts';

export interface SentBody {
  via: 'beacon' | 'fetch';
  url: string;
  /** The Content-Type it goes with. */
  type: string;
  bytes: number;
  batch: EventBatch;
  keepalive?: boolean;
}

/**
 * Records what a window's tracker sends, by beacon or, when `beaconAccepts` is false (the
 * browser's keepalive quota is full), by its `fetch` fallback. Nothing leaves the page: the
 * server's side of `POST /v1/events` has its own tests.
 */
export function captureSends(win: Window = window, beaconAccepts = true) {
  const calls: { via: 'beacon' | 'fetch'; url: string; body: Blob; keepalive?: boolean }[] = [];
  const realFetch = win.fetch;
  Object.defineProperty(win.navigator, 'sendBeacon', {
    configurable: true,
    value: (url: string, body: Blob) => {
      if (beaconAccepts) calls.push({ via: 'beacon', url, body });
      return beaconAccepts;
    },
  });
  win.fetch = async (input, init) => {
    const url = String(input);
    if (!url.endsWith('/v1/events')) return realFetch(input, init);
    // What fetch itself would send for a string body.
    calls.push({ via: 'fetch', url, body: new Blob([String(init?.body)], { type: 'text/plain;charset=UTF-8' }), keepalive: init?.keepalive ?? false });
    return new Response(null, { status: 204 });
  };
  return {
    count: () => calls.length,
    /** Every body sent so far, read. */
    async sent(): Promise<SentBody[]> {
      return Promise.all(
        calls.map(async ({ body, ...call }) => ({ ...call, type: body.type, bytes: body.size, batch: JSON.parse(await body.text()) as EventBatch })),
      );
    },
    restore() {
      delete (win.navigator as { sendBeacon?: unknown }).sendBeacon;
      win.fetch = realFetch;
    },
  };
}
