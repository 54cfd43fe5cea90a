import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../deps.ts';
import { galleryFreshness, nextRightsExpiry } from '../../services/content-version.ts';
import { answerStore } from './store.ts';

export interface AnswerCacheOptions {
  maxEntries?: number;
  /** Bytes of bodies (and characters of keys) held at most. */
  maxBytes?: number;
  /** How long a "best performing" answer lives: its ranking moves with tracking, which bumps no version. */
  rankingTtlMs?: number;
}

const GALLERY_ANSWER = /^\/v1\/galleries\/([A-Za-z0-9_-]{1,64})\/posts(?:\.html)?$/;

/**
 * Caches the public gallery answers (JSON and HTML) in this process or isolate, keyed by the full
 * URL. Every request still asks the database one question - the gallery's workspace content
 * version - and is served from memory only when the version the answer was made at is still
 * current and no grant among the public posts has ended since. Triggers bump the version in the
 * same statement as any write a gallery can show (migration 0004), so a withdrawal is seen by
 * the very next request on every isolate; nothing here needs to be told about writes.
 */
export const answerCache = ({ maxEntries = 2000, maxBytes = 16_000_000, rankingTtlMs = 60_000 }: AnswerCacheOptions = {}): MiddlewareHandler<AppEnv> => {
  const store = answerStore({ maxEntries, maxBytes });
  return async function answerCache(c, next) {
    const match = c.req.method === 'GET' ? GALLERY_ANSWER.exec(c.req.path) : null;
    if (!match) return next();
    const { db, clock } = c.var;
    const now = clock.now();
    // Read before the answer is made: an answer is then never older than the version it is filed under.
    const fresh = await galleryFreshness(db, match[1]!);
    if (!fresh) return next();
    const key = c.req.url;
    const hit = store.get(key);
    if (hit && hit.workspaceId === fresh.workspaceId && hit.version === fresh.version && now < hit.validUntil) {
      c.header('ETag', hit.etag);
      c.header('Cache-Control', hit.cacheControl);
      c.header('X-Vitrine-Cache', 'hit');
      if (c.req.header('if-none-match') === hit.etag) return c.body(null, 304);
      c.header('Content-Type', hit.contentType);
      return c.body(hit.body);
    }
    await next();
    c.res.headers.set('X-Vitrine-Cache', 'miss');
    const etag = c.res.headers.get('etag');
    if (c.res.status !== 200 || !etag) return;
    const expiry = await nextRightsExpiry(db, fresh.workspaceId, now);
    store.set(key, {
      workspaceId: fresh.workspaceId,
      version: fresh.version,
      validUntil: Math.min(expiry ?? Infinity, fresh.sort === 'best' ? now + rankingTtlMs : Infinity),
      etag,
      contentType: c.res.headers.get('content-type') ?? 'application/octet-stream',
      cacheControl: c.res.headers.get('cache-control') ?? 'no-store',
      body: new Uint8Array(await c.res.clone().arrayBuffer()),
    });
  };
};
