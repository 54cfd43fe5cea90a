import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../http/env.ts';
import { etagMatches } from '../../http/etag.ts';
import { galleryFreshness, nextRightsExpiry } from '../../domain/galleries/content-version.ts';
import { answerStore, type CachedAnswer } from './store.ts';

export interface AnswerCacheOptions {
  maxEntries?: number;
  /** Bytes of bodies (and characters of keys) held at most. */
  maxBytes?: number;
  /** How long a "best performing" answer lives: its ranking moves with tracking, which bumps no version. */
  rankingTtlMs?: number;
}

/** Answers from a kept answer; `how` says where it came from (`hit`, or `shared` with a request in flight). */
function serve(c: Context<AppEnv>, answer: CachedAnswer, how: 'hit' | 'shared') {
  c.header('ETag', answer.etag);
  c.header('Cache-Control', answer.cacheControl);
  c.header('X-Vitrine-Cache', how);
  if (etagMatches(c.req.header('if-none-match'), answer.etag)) return c.body(null, 304);
  c.header('Content-Type', answer.contentType);
  return c.body(answer.body);
}

/**
 * Caches the public gallery answers (JSON and HTML) in this process or isolate, keyed by the full
 * URL. Every request still asks the database one question - the gallery's workspace content
 * version - and is served from memory only when the version the answer was made at is still
 * current and no grant among the public posts has ended since. Triggers bump the version in the
 * same statement as any write a gallery can show (migration 0004), so a withdrawal is seen by
 * the very next request on every isolate; nothing here needs to be told about writes.
 * Mounted on the gallery routes themselves (routes/public/galleries.ts), which take the gallery
 * it read from `c.var.gallery` instead of reading it again.
 */
export const answerCache = ({ maxEntries = 2000, maxBytes = 16_000_000, rankingTtlMs = 60_000 }: AnswerCacheOptions = {}): MiddlewareHandler<AppEnv> => {
  const store = answerStore({ maxEntries, maxBytes });
  /**
   * Answers being made, so that requests arriving meanwhile for the same URL at the same version
   * wait for that one instead of each making it again (a gallery invalidated under load would
   * otherwise be rebuilt by every connection at once). Joining is safe for the same reason a
   * cached answer is: the request read the same current version itself.
   */
  const making = new Map<string, { workspaceId: string; version: number; answer: Promise<CachedAnswer | null> }>();
  return async function answerCache(c, next) {
    const { db, clock } = c.var;
    const now = clock.now();
    // Read before the answer is made: an answer is then never older than the version it is filed under.
    const fresh = await galleryFreshness(db, c.req.param('id') ?? '');
    if (!fresh) return next();
    c.set('gallery', fresh);
    const { workspaceId, sort } = fresh.gallery;
    const key = c.req.url;
    const current = (answer: CachedAnswer | null | undefined): answer is CachedAnswer =>
      !!answer && answer.workspaceId === workspaceId && answer.version === fresh.version && now < answer.validUntil;
    const hit = store.get(key);
    if (current(hit)) return serve(c, hit, 'hit');
    const pending = making.get(key);
    if (pending && pending.workspaceId === workspaceId && pending.version === fresh.version) {
      const shared = await pending.answer;
      if (current(shared)) return serve(c, shared, 'shared');
    }

    let settle: (answer: CachedAnswer | null) => void = () => {};
    const flight = { workspaceId, version: fresh.version, answer: new Promise<CachedAnswer | null>((resolve) => (settle = resolve)) };
    making.set(key, flight);
    let made: CachedAnswer | null = null;
    try {
      await next();
      c.res.headers.set('X-Vitrine-Cache', 'miss');
      const etag = c.res.headers.get('etag');
      if (c.res.status !== 200 || !etag) return;
      const expiry = await nextRightsExpiry(db, workspaceId, now);
      made = {
        workspaceId,
        version: fresh.version,
        validUntil: Math.min(expiry ?? Infinity, sort === 'best' ? now + rankingTtlMs : Infinity),
        etag,
        contentType: c.res.headers.get('content-type') ?? 'application/octet-stream',
        cacheControl: c.res.headers.get('cache-control') ?? 'no-store',
        body: new Uint8Array(await c.res.clone().arrayBuffer()),
      };
      store.set(key, made);
    } finally {
      settle(made);
      if (making.get(key) === flight) making.delete(key);
    }
  };
};
