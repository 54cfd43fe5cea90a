import type { D1Database, Fetcher, Queue, R2Bucket } from '@cloudflare/workers-types/index.ts';
import { createClient } from '@libsql/client/web';
import { d1Db } from '../db/d1.ts';
import { libsqlDb } from '../db/libsql.ts';
import { httpMailSender, resolveMailSettings } from '../mail/http-sender.ts';
import { systemClock, type AppDeps, type Clock, type CollectionJob, type QueuedEvents } from '../deps.ts';
import { createGraphClient } from '../instagram/client.ts';
import { r2MediaStore } from '../media/r2.ts';
import { wasmVariantMaker } from '../media/wasm-variants.ts';
import { guardedFetch } from '../outbound/guarded-fetch.ts';
import { workersTransport } from '../outbound/workers-transport.ts';
import { workerCodecs } from './worker-codecs.ts';
import { workerLimiters, type LimitBindings } from './worker-limits.ts';

/** One per isolate: the codecs are instantiated on the first image and kept for the next ones. */
const variants = wasmVariantMaker(workerCodecs);

/** The Worker's bindings and variables (wrangler.toml `[vars]`, secrets via `wrangler secret put`). */
export interface WorkerEnv extends LimitBindings {
  DB: D1Database;
  MEDIA: R2Bucket;
  /** The static assets ([assets] in wrangler.toml): the loader, widget chunks and panel. */
  ASSETS: Fetcher;
  /** Accepted event batches (wrangler.toml `[[queues.producers]]`); absent, each is written to the database in its request. */
  EVENTS?: Queue<QueuedEvents>;
  /** Collection jobs the cron tick claimed (wrangler.toml `[[queues.producers]]`); absent, the tick does them itself. */
  JOBS?: Queue<CollectionJob>;
  VITRINE_SECRET?: string;
  VITRINE_PUBLIC_URL?: string;
  /** When set, Turso/libSQL over HTTP replaces D1 (`libsql://` or `https://`). */
  VITRINE_DB_URL?: string;
  VITRINE_DB_AUTH_TOKEN?: string;
  VITRINE_VERSION?: string;
  /** The Graph API's base URL; point it at a fake for staging. */
  VITRINE_IG_GRAPH_URL?: string;
  VITRINE_IG_API_VERSION?: string;
  VITRINE_IG_APP_SECRET?: string;
  VITRINE_IG_VERIFY_TOKEN?: string;
  /** First-run setup needs it (`wrangler secret put VITRINE_SETUP_TOKEN`); unset, setup is refused. */
  VITRINE_SETUP_TOKEN?: string;
  /** The mail provider: `resend` or `postmark`; with the two below, or no mail is sent. */
  VITRINE_MAIL_PROVIDER?: string;
  /** The provider's API key or server token: a secret (`wrangler secret put VITRINE_MAIL_API_KEY`). */
  VITRINE_MAIL_API_KEY?: string;
  /** The sender, on a domain the provider verified: `Brand <noreply@brand.example>`. */
  VITRINE_MAIL_FROM?: string;
  /** Set by `npm run dev:worker` only: the demo store is served at `/` (worker-demo.ts); otherwise `/` leads to the panel. */
  VITRINE_DEMO?: string;
}

/** Resolves the app's dependencies from the Worker's bindings: the Workers twin of node.ts. */
export function workerDeps(env: WorkerEnv, clock: Clock = systemClock): AppDeps {
  if (!env.VITRINE_SECRET) throw new Error('VITRINE_SECRET is not set: run `wrangler secret put VITRINE_SECRET`');
  const db = env.VITRINE_DB_URL
    ? libsqlDb(createClient({ url: env.VITRINE_DB_URL, authToken: env.VITRINE_DB_AUTH_TOKEN }))
    : d1Db(env.DB);
  // No DNS API on Workers: the guard checks what each hop's URL spells (workers-transport.ts).
  const outbound = guardedFetch({ transport: workersTransport });
  // None or half set: no mail (features that need it say so). A wrong setting (an unknown
  // provider, a malformed sender) is a typo: on Node the server refuses to start, where it is
  // seen at once; a Worker has no start to refuse, and throwing here would take every request
  // down, so it runs with mail off and says why in the log, once per isolate.
  const mail = mailSettingsOrOff(env);
  return {
    db,
    media: r2MediaStore(env.MEDIA),
    clock,
    config: { publicUrl: env.VITRINE_PUBLIC_URL || null, version: env.VITRINE_VERSION ?? 'dev' },
    secrets: { appSecret: env.VITRINE_SECRET, instagramAppSecret: env.VITRINE_IG_APP_SECRET || null, instagramVerifyToken: env.VITRINE_IG_VERIFY_TOKEN || null, setupToken: env.VITRINE_SETUP_TOKEN || null },
    // Set by Cloudflare's edge; a client cannot forge it.
    clientIp: (c) => c.req.header('cf-connecting-ip') ?? 'unknown',
    instagram: {
      graph: createGraphClient({ baseUrl: env.VITRINE_IG_GRAPH_URL || 'https://graph.facebook.com', version: env.VITRINE_IG_API_VERSION || 'v21.0', fetch: (input, init) => outbound(new Request(input, init)) }),
      download: outbound,
    },
    variants,
    outbound,
    // Shared by every isolate: a Durable Object or the Rate Limiting binding (worker-limits.ts).
    limits: workerLimiters(env),
    // JSON, so a message kept in the dead-letter queue can be read in the dashboard.
    eventQueue: env.EVENTS ? { send: async (message) => void (await env.EVENTS!.send(message, { contentType: 'json' })) } : null,
    mail: 'settings' in mail ? httpMailSender(mail.settings, outbound) : null,
    // One sendBatch per tick (at most 100 messages: worker-cron.ts sends 70 at most).
    jobQueue: env.JOBS ? { send: async (jobs) => void (await env.JOBS!.sendBatch(jobs.map((body) => ({ body, contentType: 'json' })))) } : null,
  };
}

let mailWarned = false;

function mailSettingsOrOff(env: WorkerEnv): ReturnType<typeof resolveMailSettings> {
  try {
    return resolveMailSettings(env);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    if (!mailWarned) console.error(`mail is off: ${why}`);
    mailWarned = true;
    return { off: why };
  }
}
