/**
 * The one way Vitrine makes a request to another server (image downloads, product feeds, the
 * merchant's webhooks, Instagram): every hop's address is checked before it is requested,
 * redirects are followed here rather than by the platform, and the answer is read against a
 * deadline and a size cap while it streams. The transport below it (node-transport.ts,
 * workers-transport.ts) makes one request and, on Node, checks what the name resolved to.
 */
import { targetRefusal } from './target.ts';

/** A refused or failed outbound request; its message says which address and why. */
export class OutboundError extends Error {
  override name = 'OutboundError';
}

export interface OutboundLimits {
  /** Largest answer body read; past it the body fails with an OutboundError. */
  maxBytes: number;
  /** Deadline for the whole exchange: connecting, every redirect, and reading the body. */
  timeoutMs: number;
  /** 'follow': redirects are followed (each hop checked); 'manual': a 3xx is the answer. */
  redirect: 'follow' | 'manual';
}

export const DEFAULT_LIMITS: OutboundLimits = { maxBytes: 16 * 1024 * 1024, timeoutMs: 30_000, redirect: 'follow' };
const MAX_REDIRECTS = 5;

export type Outbound = (request: Request, limits?: Partial<OutboundLimits>) => Promise<Response>;

/**
 * Makes one request, never following redirects. `trusted` is true only for an origin the entry
 * point allowed explicitly: the transport then skips its own address checks.
 */
export type Transport = (request: Request, hop: { trusted: boolean }) => Promise<Response>;

export interface OutboundPolicy {
  transport: Transport;
  /** Origins let through without any check (a test's loopback server); empty in production. */
  allowOrigins?: readonly string[];
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const NULL_BODY = new Set([101, 204, 205, 304]);

export function guardedFetch({ transport, allowOrigins = [] }: OutboundPolicy): Outbound {
  return async (request, overrides = {}) => {
    const limits = { ...DEFAULT_LIMITS, ...overrides };
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new OutboundError(`${request.url}: no complete answer within ${limits.timeoutMs / 1000} s`)), limits.timeoutMs);
    let url = new URL(request.url);
    let method = request.method;
    const headers = new Headers(request.headers);
    // Vitrine's own request bodies are small (webhook payloads): kept to resend on 307/308.
    let body = request.body ? await request.arrayBuffer() : null;
    try {
      for (let hop = 0; ; hop++) {
        const refusal = targetRefusal(url, allowOrigins);
        if (refusal) throw new OutboundError(`refused ${url.href}: ${refusal}`);
        const sent = new Request(url, { method, headers, body, redirect: 'manual', signal: deadline.signal });
        const response = await untilAborted(transport(sent, { trusted: allowOrigins.includes(url.origin) }), deadline.signal);
        const location = REDIRECTS.has(response.status) ? response.headers.get('location') : null;
        if (location === null || limits.redirect === 'manual') return capped(response, url, limits.maxBytes, deadline, timer);
        await response.body?.cancel();
        if (hop === MAX_REDIRECTS) throw new OutboundError(`${request.url}: more than ${MAX_REDIRECTS} redirects`);
        const next = new URL(location, url);
        // Credentials meant for one site never follow a redirect to another.
        if (next.origin !== url.origin) for (const name of ['authorization', 'cookie']) headers.delete(name);
        if (response.status === 303 || (response.status <= 302 && method === 'POST')) {
          method = 'GET';
          body = null;
          headers.delete('content-type');
        }
        url = next;
      }
    } catch (error) {
      clearTimeout(timer);
      if (error instanceof OutboundError) throw error;
      if (deadline.signal.aborted) throw deadline.signal.reason as OutboundError;
      throw new OutboundError(`could not reach ${url.href}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

/** Settles with `promise`, or rejects with the signal's reason as soon as it aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * The answer with its body cut off at `maxBytes` and at the deadline, while it streams: a
 * declared length over the cap is refused before reading, an endless or dripping body fails
 * the read instead of filling memory or holding a task forever.
 */
function capped(response: Response, url: URL, maxBytes: number, deadline: AbortController, timer: ReturnType<typeof setTimeout>): Response {
  const init = { status: response.status, statusText: response.statusText, headers: response.headers };
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    clearTimeout(timer);
    void response.body?.cancel();
    throw new OutboundError(`${url.href}: the answer is ${declared} bytes, more than the ${maxBytes} allowed`);
  }
  if (!response.body || NULL_BODY.has(response.status)) {
    clearTimeout(timer);
    void response.body?.cancel();
    return new Response(null, init);
  }
  const reader = response.body.getReader();
  let read = 0;
  const stop = () => {
    clearTimeout(timer);
    void reader.cancel().catch(() => undefined);
  };
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const chunk = await untilAborted(reader.read(), deadline.signal);
        if (chunk.done) {
          clearTimeout(timer);
          controller.close();
          return;
        }
        read += chunk.value.byteLength;
        if (read > maxBytes) throw new OutboundError(`${url.href}: the answer is more than the ${maxBytes} bytes allowed`);
        controller.enqueue(chunk.value);
      } catch (error) {
        stop();
        controller.error(error instanceof OutboundError || deadline.signal.aborted ? error : new OutboundError(`${url.href}: the answer broke off: ${(error as Error).message}`));
      }
    },
    cancel: stop,
  });
  return new Response(body, init);
}
