import type { Context, MiddlewareHandler } from 'hono';
import type { Db } from '../../db/client.ts';
import type { AppEnv } from '../../http/env.ts';
import { etagMatches } from '../../http/etag.ts';
import { nextRightsExpiry, type GalleryFreshness } from '../../domain/galleries/content-version.ts';
import type { Compression } from '../compress/index.ts';
import { HSTS_VALUE, servedOverHttps } from '../hsts/index.ts';
import { PUBLIC_READ_HEADERS } from '../public-cors/index.ts';
import { sharedFreshness } from './freshness.ts';
import type { SharedAnswers } from './edge.ts';
import { answerStore, type CachedAnswer } from './store.ts';

export interface AnswerCacheOptions {
  maxEntries?: number;
  /** Bytes of bodies (and characters of keys) held at most. */
  maxBytes?: number;
  /** How long a "best performing" answer lives: its ranking moves with tracking, which bumps no version. */
  rankingTtlMs?: number;
  /**
   * How long one read of a gallery's content version serves the requests that follow it
   * (freshness.ts); 0 reads on every request. A write through this process is seen at once
   * whatever it is.
   */
  freshnessWindowMs?: number;
  /**
   * Where answers missing from this process's memory are looked for, and kept once made, for
   * other isolates (edge.ts: `edgeAnswers(caches.default)` on Workers). None on Node.
   */
  shared?: SharedAnswers;
}

/** Answers from a kept answer; `how` says where it came from (`hit`, `shared` with a request in flight, `edge` from the shared store). */
function serve(c: Context<AppEnv>, answer: CachedAnswer, how: 'hit' | 'shared' | 'edge') {
  c.header('ETag', answer.etag);
  c.header('Cache-Control', answer.cacheControl);
  c.header('X-Vitrine-Cache', how);
  if (etagMatches(c.req.header('if-none-match'), answer.etag)) return c.body(null, 304);
  c.header('Content-Type', answer.contentType);
  return c.body(answer.body);
}

/**
 * Caches the public gallery answers (JSON and HTML) in this process or isolate, keyed by the full
 * URL. A request is served from memory only when the gallery's workspace content version the
 * answer was made at is still current and no grant among the public posts has ended since.
 * Triggers bump the version in the same statement as any write a gallery can show (migration
 * 0004). The version is read from the database once per `freshnessWindowMs` per gallery, shared
 * by the requests of that window, so a withdrawal on another process or isolate is seen within
 * that window; `forgetOnWrite` makes one through this process seen by the very next request.
 * With a `shared` store (Workers' edge cache), an answer missing from memory is looked for there
 * under the same workspace and version before it is made, and kept there once made, so the
 * isolates of a location make each answer once per version between them.
 * `cache` is mounted on the gallery routes themselves (routes/public/galleries.ts), which take
 * the gallery it read from `c.var.gallery` instead of reading it again.
 */
export const answerCache = ({ maxEntries = 2000, maxBytes = 16_000_000, rankingTtlMs = 60_000, freshnessWindowMs = 250, shared }: AnswerCacheOptions = {}) => {
  const store = answerStore({ maxEntries, maxBytes });
  const freshness = sharedFreshness({ windowMs: freshnessWindowMs });
  /**
   * Answers being made, so that requests arriving meanwhile for the same URL at the same version
   * wait for that one instead of each making it again (a gallery invalidated under load would
   * otherwise be rebuilt by every connection at once). Joining is safe for the same reason a
   * cached answer is: the request read the same current version itself.
   */
  const making = new Map<string, { workspaceId: string; version: number; answer: Promise<CachedAnswer | null> }>();
  /**
   * Each workspace's next rights expiry, as read at a content version. It reads every public post
   * of the workspace (26 ms of a 10,000-post store's miss, bench `api`), and only a write (a new
   * version) or that expiry passing can change it: until then every miss at that version reuses it.
   */
  const expiries = new Map<string, { version: number; at: number | null }>();
  const rightsExpiry = async (db: Db, workspaceId: string, version: number, now: number) => {
    const kept = expiries.get(workspaceId);
    if (kept && kept.version === version && (kept.at === null || now < kept.at)) return kept.at;
    const at = await nextRightsExpiry(db, workspaceId, now);
    if (expiries.size >= maxEntries) expiries.clear();
    expiries.set(workspaceId, { version, at });
    return at;
  };
  /** Whether a kept answer is what the gallery's content, as just read, would make now. */
  const currentAt = (fresh: GalleryFreshness, now: number) => (answer: CachedAnswer | null | undefined): answer is CachedAnswer =>
    !!answer && answer.workspaceId === fresh.gallery.workspaceId && answer.version === fresh.version && now < answer.validUntil;
  /** The gallery's freshness, read before any answer is made: an answer is then never older than the version it is filed under. */
  const readFreshness = (c: Context<AppEnv>, now: number) =>
    // c.get, not c.var: Hono builds a fresh object of every variable on each c.var.
    freshness.read(c.get('db'), c.req.param('id') ?? '', now);

  /**
   * The hot path, mounted ahead of the app's other layers (app.ts): a GET whose answer is held
   * here and current is answered at once, with the headers those layers would have given it
   * (public CORS, HSTS over https, and through `compression` the encoding the browser accepts)
   * as one plain record, which Node's adapter writes straight to the socket. Through the layers,
   * each builds or copies Headers objects: half of a cached answer's cost (bench `api`). Anything
   * else (HEAD, a miss, an answer being made) goes on through the layers to `cache`.
   */
  const front = (compression?: Compression): MiddlewareHandler<AppEnv> =>
    async function cachedAnswerFront(c, next) {
      if (c.req.method !== 'GET') return next();
      const now = c.get('clock').now();
      const fresh = await readFreshness(c, now);
      if (!fresh) return next();
      const hit = store.get(c.req.url);
      if (!currentAt(fresh, now)(hit)) {
        // Read once per request: `cache` and the route take it from here.
        c.set('gallery', fresh);
        return next();
      }
      const headers: Record<string, string> = { ...PUBLIC_READ_HEADERS, 'Cache-Control': hit.cacheControl, 'X-Vitrine-Cache': 'hit' };
      if (servedOverHttps(c.req.url)) headers['Strict-Transport-Security'] = HSTS_VALUE;
      if (etagMatches(c.req.header('if-none-match'), hit.etag)) return new Response(null, { status: 304, headers: { ...headers, ETag: hit.etag } });
      const wire = compression ? await compression.keptAnswer(c.req.header('accept-encoding'), hit) : { headers: { ETag: hit.etag, 'Content-Length': String(hit.body.byteLength) }, body: hit.body };
      return new Response(wire.body as Uint8Array<ArrayBuffer>, { status: 200, headers: { ...headers, 'Content-Type': hit.contentType, ...wire.headers } });
    };

  const cache: MiddlewareHandler<AppEnv> = async function answerCache(c, next) {
    const db = c.get('db');
    const now = c.get('clock').now();
    // Read by `front` for a GET it could not answer; read here for a HEAD.
    const fresh = c.get('gallery') ?? (await readFreshness(c, now));
    if (!fresh) return next();
    c.set('gallery', fresh);
    const { workspaceId, sort } = fresh.gallery;
    const key = c.req.url;
    const current = currentAt(fresh, now);
    // Mostly answered by `front` already; a HEAD, or an answer made meanwhile, is served here.
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
    // Filed under the version it was read at: a write moves every instance to another key.
    const sharedKey = `${workspaceId}/${fresh.version}/${key}`;
    try {
      // The shared store only saves work: when it fails, the answer is made as if it were empty.
      const kept = await shared?.get(sharedKey).catch(() => undefined);
      if (current(kept)) {
        made = kept;
        store.set(key, kept);
        return serve(c, kept, 'edge');
      }
      await next();
      c.res.headers.set('X-Vitrine-Cache', 'miss');
      const etag = c.res.headers.get('etag');
      if (c.res.status !== 200 || !etag) return;
      const expiry = await rightsExpiry(db, workspaceId, fresh.version, now);
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
      await shared?.put(sharedKey, made, now).catch(() => {});
    } finally {
      settle(made);
      if (making.get(key) === flight) making.delete(key);
    }
  };
  /** Mounted where writes come in (app.ts): after a request that may have written, the next gallery read asks the database. */
  const forgetOnWrite: MiddlewareHandler<AppEnv> = async (c, next) => {
    await next();
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.method !== 'OPTIONS') freshness.forget();
  };
  return { front, cache, forgetOnWrite };
};
