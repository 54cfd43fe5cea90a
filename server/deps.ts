import type { Context } from 'hono';
import type { Db } from './db/client.ts';
import type { MediaStore } from './media/store.ts';

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Resolved once at the program's edge (entry point) and passed in; nothing reads env deeper. */
export interface AppConfig {
  /** Absolute base URL media links are built on; null: derive from each request's origin. */
  publicUrl: string | null;
  version: string;
}

export interface Secrets {
  /** Root secret from which signing and encryption keys are derived. */
  appSecret: string;
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
}

/** The Hono environment of every route: dependencies are read from `c.var`. */
export interface AppEnv {
  Variables: AppDeps & {
    /** Set by `authenticate` for admin routes when a valid session cookie came with the request. */
    session?: import('./services/sessions.ts').SessionAuth;
  };
}
