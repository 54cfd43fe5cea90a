import type { MiddlewareHandler } from 'hono';

export type Encoding = 'br' | 'gzip';
/** Compresses a whole body; the platform supplies it (zlib on Node). */
export type Encoder = (body: Uint8Array) => Promise<Uint8Array>;

export interface CompressOptions {
  /** What this server can produce, most preferred first when a browser accepts several. */
  encoders: Partial<Record<Encoding, Encoder>>;
  /** Smaller bodies go as they are: the saving is less than a packet. */
  minBytes?: number;
  /** Bytes of compressed bodies kept, by ETag, so a cached answer is compressed once. */
  memoBytes?: number;
}

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml)|image\/svg\+xml)/;
const NO_TRANSFORM = /\bno-transform\b/;

/** The first of `offered` the request accepts (a `q=0` refuses it), or null for the body as is. */
export function chooseEncoding(acceptEncoding: string | undefined, offered: Encoding[]): Encoding | null {
  if (!acceptEncoding) return null;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim());
    const q = params.find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  return offered.find((encoding) => (accepted.get(encoding) ?? accepted.get('*') ?? 0) > 0) ?? null;
}

/** A whole 200 answer kept in memory, as the route made it. */
export interface KeptAnswer {
  etag: string;
  contentType: string;
  cacheControl: string;
  body: Uint8Array;
}

/** What the app compresses with: the middleware for every answer, and the same bytes for a kept answer served ahead of it. */
export interface Compression {
  middleware: MiddlewareHandler;
  /**
   * How a kept answer (a cached gallery page, served before the app's layers run: answer-cache/)
   * goes to a request with this Accept-Encoding: the headers the middleware would have set on it,
   * and the bytes, compressed once per ETag and encoding.
   */
  keptAnswer(acceptEncoding: string | undefined, answer: KeptAnswer): Promise<{ headers: Record<string, string>; body: Uint8Array }>;
}

/**
 * Compresses JSON, HTML and other text answers for browsers that accept it, with
 * `Vary: Accept-Encoding` on every compressible answer so no cache mixes the versions. Files
 * already compressed (the build's `.br`/`.gz`, served by node-static.ts) pass through. An answer
 * with an ETag has its compressed bytes kept under that ETag: the gallery's answer cache serves
 * the same bytes again and again, and they are compressed once, not on every hit. The ETag
 * becomes weak, since the bytes differ from the route's, and routes compare If-None-Match weakly
 * (http/etag.ts). Workers need none of this: Cloudflare compresses at the edge.
 */
export const compression = ({ encoders, minBytes = 1024, memoBytes = 8_000_000 }: CompressOptions): Compression => {
  const offered = Object.keys(encoders) as Encoding[];
  const memo = new Map<string, Uint8Array>();
  let held = 0;
  const remember = (key: string, bytes: Uint8Array) => {
    if (bytes.byteLength > memoBytes) return;
    memo.set(key, bytes);
    held += bytes.byteLength;
    // Oldest first: Map keeps insertion order.
    for (const [old, value] of memo) {
      if (held <= memoBytes) break;
      memo.delete(old);
      held -= value.byteLength;
    }
  };
  const memoKey = (encoding: Encoding, etag: string) => `${encoding} ${etag}`;
  const chosen = new Map<string, Encoding | null>();
  /** The encoding an answer of this size goes out in for this request, or null for as it is. */
  const encodingFor = (acceptEncoding: string | undefined, method: string, byteLength: number) => {
    if (method === 'HEAD' || byteLength < minBytes || !acceptEncoding) return null;
    // Browsers send a handful of distinct headers, parsed once each (the most a client can make it hold is 256).
    let encoding = chosen.get(acceptEncoding);
    if (encoding === undefined) {
      if (chosen.size >= 256) chosen.clear();
      chosen.set(acceptEncoding, (encoding = chooseEncoding(acceptEncoding, offered)));
    }
    return encoding;
  };
  /** The body in `encoding`, from the memo when it has an ETag and was compressed before. */
  const encode = async (encoding: Encoding, etag: string | null, body: Uint8Array) => {
    const key = etag ? memoKey(encoding, etag) : null;
    let encoded = key ? memo.get(key) : undefined;
    if (!encoded) {
      encoded = await encoders[encoding]!(body);
      if (key) remember(key, encoded);
    }
    return encoded;
  };
  /** What an answer compressed in `encoding` says of itself: its ETag is weak, since the bytes differ from the route's. */
  const encodedHeaders = (encoding: Encoding, byteLength: number, etag: string | null) => ({
    'Content-Encoding': encoding,
    'Content-Length': String(byteLength),
    ...(etag && !etag.startsWith('W/') ? { ETag: `W/${etag}` } : {}),
  });

  const middleware: MiddlewareHandler = async function compressAnswer(c, next) {
    await next();
    const res = c.res;
    const type = res.headers.get('content-type') ?? '';
    // The body is looked at only when it is to be compressed: on Node, touching a response's body
    // builds a whole undici Response around it, and a cached answer's compressed bytes are kept.
    if (res.status !== 200 || res.headers.has('content-encoding') || !COMPRESSIBLE.test(type)) return;
    if (NO_TRANSFORM.test(res.headers.get('cache-control') ?? '')) return;
    // Set even when this answer goes uncompressed: the next browser may accept what this one did not.
    if (!/accept-encoding/i.test(res.headers.get('vary') ?? '')) res.headers.append('Vary', 'Accept-Encoding');
    const declared = Number(res.headers.get('content-length') ?? NaN);
    const encoding = encodingFor(c.req.header('accept-encoding'), c.req.method, Number.isNaN(declared) ? Infinity : declared);
    if (!encoding) return;
    const etag = res.headers.get('etag');
    let encoded = etag ? memo.get(memoKey(encoding, etag)) : undefined;
    if (!encoded) {
      if (!res.body) return;
      const body = new Uint8Array(await res.arrayBuffer());
      if (body.byteLength < minBytes) {
        c.res = undefined;
        c.res = new Response(body, res);
        return;
      }
      encoded = await encode(encoding, etag, body);
    }
    // The answer's own headers, changed in place: it is about to be replaced, and a copy per cached answer served shows in its cost.
    const headers = res.headers;
    for (const [name, value] of Object.entries(encodedHeaders(encoding, encoded.byteLength, etag))) headers.set(name, value);
    // Cleared first: assigning over a response copies its headers onto the new one (Content-Length).
    c.res = undefined;
    c.res = new Response(encoded as Uint8Array<ArrayBuffer>, { status: res.status, headers });
  };

  return {
    middleware,
    async keptAnswer(acceptEncoding, { etag, contentType, cacheControl, body }) {
      const plain = { ETag: etag, 'Content-Length': String(body.byteLength) };
      if (!COMPRESSIBLE.test(contentType) || NO_TRANSFORM.test(cacheControl)) return { headers: plain, body };
      const encoding = encodingFor(acceptEncoding, 'GET', body.byteLength);
      if (!encoding) return { headers: { ...plain, Vary: 'Accept-Encoding' }, body };
      const encoded = await encode(encoding, etag, body);
      return { headers: { ETag: etag, Vary: 'Accept-Encoding', ...encodedHeaders(encoding, encoded.byteLength, etag) }, body: encoded };
    },
  };
};
