import type { Context } from 'hono';
import type { EventBatch } from '../shared/schemas/events.ts';
import type { Db } from './db/client.ts';
import type { GraphClient } from './instagram/client.ts';
import type { MediaStore } from './media/store.ts';
import type { Outbound } from './outbound/guarded-fetch.ts';
import type { VariantMaker } from './media/variants.ts';

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/**
 * One rate limit, counted per key wherever this deployment keeps counts: in the process on Node,
 * shared by every isolate on Workers (server/entry/worker-limits.ts).
 */
export interface RateLimiter {
  /**
   * Counts one hit on `key` at `now` (the app's clock, epoch ms); null when allowed, else the
   * seconds to wait (`Retry-After`). Where the count lives decides its clock: see each adapter.
   */
  hit(key: string, now: number): Promise<number | null>;
}

/**
 * The limits too hot for a database write per hit (event ingest), by name; their numbers are in
 * server/http/rate-limits.ts. Limits that must be exact and are rarely hit (sign-in attempts,
 * forget requests) count in the database instead (domain/accounts/rate-limits.ts).
 */
export interface RateLimiters {
  /** Event batches per consenting visitor. */
  eventsPerVisitor: RateLimiter;
  /** Event batches per client address (IPv6 /64). */
  eventsPerAddress: RateLimiter;
  /** Refused-origin notes per workspace and origin: a flood from a page not allowed writes once a minute. */
  refusalNotes: RateLimiter;
}

/** Resolved once at the program's edge (entry point) and passed in; nothing reads env deeper. */
export interface AppConfig {
  /** Absolute base URL media links are built on; null: derive from each request's origin. */
  publicUrl: string | null;
  version: string;
}

export interface Secrets {
  /** Root secret from which signing and encryption keys are derived. */
  appSecret: string;
  /** The Meta app's secret: webhook deliveries are signed with it. Null: webhooks are refused. */
  instagramAppSecret: string | null;
  /** What Meta must echo in the webhook subscription handshake. */
  instagramVerifyToken: string | null;
  /**
   * What first-run setup must be given, so whoever reaches a fresh deployment first cannot claim
   * it: printed at start on Node, a secret on Workers. Null: setup is refused until one is set.
   */
  setupToken: string | null;
}

/** How Vitrine reaches Instagram: the Graph API client and the fetch that downloads media. */
export interface InstagramDeps {
  graph: GraphClient;
  /** Downloads a media URL (Instagram's CDN, or a URL given in an import): a guarded fetcher. */
  download: Outbound;
}

/** One accepted `POST /v1/events` batch on its way to the database, with the time it arrived. */
export interface QueuedEvents {
  v: 1;
  workspaceId: string;
  /** Stamped by the request that accepted it: a consumer running late still dates events by it. */
  receivedAt: number;
  batch: EventBatch;
}

/** A durable queue's producer (Cloudflare Queues on Workers): `send` settles once the message is stored. */
export interface EventQueue {
  send(message: QueuedEvents): Promise<void>;
}

/** One email to one person: a submission's confirmation link, a winner's message. */
export interface OutgoingMail {
  to: string;
  subject: string;
  /** Plain text, always sent; the HTML is the same message for clients that show it. */
  text: string;
  html: string;
  /** Where a reply goes when not to the sender (a winner's message: to the member who sent it, since it asks for a reply). */
  replyTo?: string;
  /** What the message is for (`submission_confirm`, `campaign_winner`, ...): for logs and the demo mailbox, never shown to the reader. */
  kind: string;
}

/**
 * Sends mail through this deployment's provider (server/mail/). `send` settles once the provider
 * accepted the message and rejects with an UpstreamFailed error when it refused or was unreachable.
 */
export interface MailSender {
  send(mail: OutgoingMail): Promise<void>;
}

/**
 * One unit of collection work a step claimed (domain/collection/jobs.ts): a due source to run, or
 * media to re-host. `lease` is the claim's value (db/due-queue.ts): whoever runs the job first
 * takes the rows from it; another copy of the message finds them taken and does nothing.
 */
export type CollectionJob = { v: 1; kind: 'source'; sourceId: string; lease: number } | { v: 1; kind: 'rehost'; mediaIds: string[]; lease: number };

/** Where a Worker's cron step sends the jobs it claimed (Cloudflare Queues): `send` settles once they are stored. */
export interface JobQueue {
  send(jobs: CollectionJob[]): Promise<void>;
}

/** Everything the app needs from the outside world: one object, injected per request. */
export interface AppDeps {
  db: Db;
  media: MediaStore;
  clock: Clock;
  config: AppConfig;
  secrets: Secrets;
  /** The client's IP as this deployment can know it (socket, trusted proxy header, or Cloudflare's). */
  clientIp: (c: Context) => string;
  instagram: InstagramDeps;
  /** Makes stored renditions from downloaded media (sharp on Node, pass-through on Workers). */
  variants: VariantMaker;
  /**
   * Every request to another server (feeds, the merchant's webhooks) goes through this guarded
   * fetcher (server/outbound): built at the entry point for its runtime, over a recorder in tests.
   */
  outbound: Outbound;
  /** Counters for the in-flight limits: in the process on Node, global on Workers. */
  limits: RateLimiters;
  /**
   * Where accepted event batches go: absent or null, straight to the database in the request
   * (Node, or a Worker without a queue binding); set, onto this queue, whose consumer writes them.
   */
  eventQueue?: EventQueue | null;
  /** Where mail goes out; absent or null: this deployment sends no mail (features that need it say so). */
  mail?: MailSender | null;
  /**
   * Where the scheduled step's collection work goes: absent or null, done inside the step (Node, a
   * Worker without the JOBS binding); set, one message per job, run by the queue's consumer.
   */
  jobQueue?: JobQueue | null;
}
