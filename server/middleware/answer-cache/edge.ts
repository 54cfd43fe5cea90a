import type { CachedAnswer } from './store.ts';

/**
 * Answers kept where every instance can read them: on Workers the edge cache of the location
 * (`caches.default`), shared by all its isolates. Keys carry the workspace's content version
 * (index.ts), so a write a gallery can show moves every instance to new keys as soon as its
 * version read (250 ms) sees the write, and the old entries are never read again: no purge needed.
 */
export interface SharedAnswers {
  get(key: string): Promise<CachedAnswer | undefined>;
  put(key: string, answer: CachedAnswer, now: number): Promise<void>;
}

/** The Cache API's side of it: `caches.default` on Workers. */
export interface EdgeCache {
  match(request: Request): Promise<Response | undefined>;
  put(request: Request, response: Response): Promise<void>;
}

/** An entry outlives no grant and no ranking (`validUntil`), and at most a day in the edge cache. */
const MAX_AGE_S = 86_400;
/** Never a real origin: the cache key only has to be a URL. */
const KEY_ORIGIN = 'https://answer-cache.vitrine.invalid/';

const keyRequest = (key: string) => new Request(KEY_ORIGIN + encodeURIComponent(key));

export function edgeAnswers(cache: EdgeCache): SharedAnswers {
  return {
    async get(key) {
      const found = await cache.match(keyRequest(key));
      if (!found) return undefined;
      const h = found.headers;
      return {
        workspaceId: h.get('x-answer-workspace') ?? '',
        version: Number(h.get('x-answer-version')),
        validUntil: Number(h.get('x-answer-valid-until') ?? 'NaN'),
        etag: h.get('etag') ?? '',
        contentType: h.get('content-type') ?? 'application/octet-stream',
        cacheControl: h.get('x-answer-cache-control') ?? 'no-store',
        body: new Uint8Array(await found.arrayBuffer()),
      };
    },
    async put(key, answer, now) {
      const maxAge = Math.min(MAX_AGE_S, Math.floor((answer.validUntil - now) / 1000));
      if (maxAge <= 0) return;
      // The answer's own Cache-Control (what browsers get) rides along; the edge keeps it for maxAge.
      await cache.put(
        keyRequest(key),
        new Response(answer.body, {
          headers: {
            'cache-control': `public, max-age=${maxAge}`,
            'content-type': answer.contentType,
            etag: answer.etag,
            'x-answer-workspace': answer.workspaceId,
            'x-answer-version': String(answer.version),
            'x-answer-valid-until': String(answer.validUntil),
            'x-answer-cache-control': answer.cacheControl,
          },
        }),
      );
    },
  };
}
