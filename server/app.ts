import { Hono, type MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppDeps } from './deps.ts';
import type { AppEnv } from './http/env.ts';
import { DomainError } from './domain/errors.ts';
import { ApiError, fromDomainError } from './http/errors.ts';
import { maskedError, maskRightsLinks } from './http/mask-links.ts';
import { answerCache, type AnswerCacheOptions } from './middleware/answer-cache/index.ts';
import type { Compression } from './middleware/compress/index.ts';
import { hsts } from './middleware/hsts/index.ts';
import { injectDeps } from './middleware/inject-deps.ts';
import { publicCors } from './middleware/public-cors/index.ts';
import { adminRoutes } from './routes/admin/index.ts';
import { healthRoutes } from './routes/health.ts';
import { instagramWebhookRoutes } from './routes/instagram-webhooks.ts';
import { rightsPageRoutes } from './routes/rights-page.ts';
import { campaignPageRoutes } from './routes/campaign-page.ts';
import { mediaRoutes } from './routes/media.ts';
import { eventRoutes } from './routes/public/events.ts';
import { GALLERY_ANSWER_PATHS, publicGalleryRoutes } from './routes/public/galleries.ts';
import { orderRoutes } from './routes/public/orders.ts';
import { publicReuseRoutes } from './routes/public/reuse.ts';
import { forgetRoutes } from './routes/public/forget.ts';
import { publicCampaignRoutes } from './routes/public/campaigns.ts';

export interface AppOptions {
  /**
   * Serves what no route answers (embed.js, the panel, the demo store) on platforms without a
   * static layer of their own: Node passes one; Workers serve `[assets]` before the app runs.
   */
  staticFiles?: MiddlewareHandler[];
  /**
   * Write concurrent event batches in one transaction each turn of the event loop (an embedded
   * database on Node: one fsync for many requests). Workers leave it off.
   */
  groupCommits?: boolean;
  /**
   * Compresses answers (middleware/compress/) on platforms whose edge does not: Node passes one;
   * Cloudflare compresses Workers' answers itself.
   */
  compression?: Compression;
  /** The public answer cache's settings (middleware/answer-cache/): by default one version read serves 250 ms of requests. */
  answerCache?: AnswerCacheOptions;
}

const asIs: MiddlewareHandler = (_c, next) => next();

/**
 * The whole Vitrine HTTP app, free of any runtime: the Node and Workers entry points build
 * `deps` for their platform and call this.
 */
export function createApp(deps: AppDeps, options: AppOptions = {}) {
  // One answer cache per app, so per process on Node and per isolate on Workers (docs/ARCHITECTURE.md).
  const answers = answerCache(options.answerCache);
  const v1 = new Hono<AppEnv>()
    // The public API carries no cookies and no secrets: any store may read it (GET only).
    .use(publicCors())
    .route('/', publicGalleryRoutes(answers.cache))
    // Event ingest checks the page's Origin itself and answers it by name (not '*').
    .route('/', eventRoutes({ groupCommits: options.groupCommits }))
    .route('/', orderRoutes)
    // The ads feed and email blocks, behind their secret URLs (domain/reuse/).
    .route('/', publicReuseRoutes)
    .route('/', forgetRoutes)
    // A campaign's draw, checkable by anyone (domain/campaigns/).
    .route('/', publicCampaignRoutes);

  const app = new Hono<AppEnv>()
    .use(injectDeps(deps))
    // A gallery answer held in memory goes out before the layers below, with their headers (answer-cache/).
    .on('GET', GALLERY_ANSWER_PATHS.map((path) => `/v1${path}`), answers.front(options.compression))
    .use(options.compression?.middleware ?? asIs)
    .use(hsts())
    // Where writes a gallery can show come in (the panel, the rights page, Instagram's webhooks):
    // the next gallery read on this process asks the database again.
    .use('/admin/*', answers.forgetOnWrite)
    .use('/r/*', answers.forgetOnWrite)
    .use('/c/*', answers.forgetOnWrite)
    .use('/hooks/*', answers.forgetOnWrite)
    .route('/', healthRoutes)
    .route('/', mediaRoutes)
    .route('/v1', v1)
    .route('/admin', adminRoutes)
    .route('/hooks/instagram', instagramWebhookRoutes)
    .route('/r', rightsPageRoutes)
    // A campaign's public page, where creators submit entries, and their emailed links (domain/campaigns/).
    .route('/c', campaignPageRoutes);
  for (const files of options.staticFiles ?? []) app.on(['GET', 'HEAD'], '*', files);
  return app
    .notFound((c) => c.json(new ApiError(404, 'not_found', `no route for ${c.req.method} ${c.req.path}`).toBody(), 404))
    .onError((thrown, c) => {
      const error = thrown instanceof DomainError ? fromDomainError(thrown) : thrown;
      if (error instanceof ApiError) return c.json(error.toBody(), error.status);
      // Hono's own middleware (body limits, CORS, ...) signal client errors this way.
      if (error instanceof HTTPException && error.status < 500) {
        return c.json(new ApiError(error.status, 'bad_request', error.message || 'bad request').toBody(), error.status);
      }
      // A rights link in the path or the error is the author's credential: masked (server/http/mask-links.ts).
      console.error('unhandled error', c.req.method, maskRightsLinks(c.req.path), maskedError(error));
      return c.json({ error: { code: 'internal', message: 'internal error' } }, 500);
    });
}

export type VitrineApp = ReturnType<typeof createApp>;
