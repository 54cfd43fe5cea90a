import type { VitrineApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import type { AppDeps, InstagramDeps, OutgoingMail } from '../../deps.ts';
import type { FakeInstagram } from '../fake-instagram/index.ts';
import type { MediaStore } from '../../media/store.ts';
import type { VariantMaker } from '../../media/variants.ts';
import type { MerchantSite, SentRequest } from './outbox.ts';
import type { testClock } from './clock.ts';
import { DEMO_OWNER } from '../seed/demo-content.ts';
import { randomToken } from '../../security/tokens.ts';

/**
 * What an API test gets, whichever runtime it runs on: a real app on a real, migrated and
 * demo-seeded database. `harness.node.ts` (libSQL) and `harness.workers.ts` (D1 + R2 inside
 * workerd) implement it; vitest's `#harness` alias picks one per project, so one suite runs on both.
 */
export interface Harness {
  app: VitrineApp;
  /** What the app was built with: for the entries' own handlers (the Worker's `scheduled`) to run on the same fakes. */
  deps: AppDeps;
  db: Db;
  media: MediaStore;
  clock: ReturnType<typeof testClock>;
  /** The local Graph API the app collects from, on the same clock. */
  fake: FakeInstagram;
  instagram: InstagramDeps;
  /** Webhooks the app sent to merchants' systems, in order. */
  outbox: SentRequest[];
  /** Mail the app sent (deps.mail), in order, kept instead of sent. */
  mailbox: OutgoingMail[];
  /** Pages of the merchant's site the app may fetch (product feeds), by exact URL. */
  merchantSite: MerchantSite;
  /** 'node' or 'workerd', for the rare assertion that differs by design. */
  runtime: 'node' | 'workerd';
  /** The demo owner, with the password this harness seeded (made per harness, like per data folder). */
  owner: { email: string; password: string };
  /** What first-run setup must be given (the app's `secrets.setupToken`). */
  setupToken: string;
  /**
   * What the app makes renditions with (for tests that run collection themselves): on Node a
   * placeholder that reads SVG sizes; in workerd the Worker's own WebAssembly maker.
   */
  variants: VariantMaker;
  /** An image of that size, as the app's `variants` accept it (SVG on Node, a real PNG in workerd). */
  image(width: number, height: number): Promise<Blob>;
}

export interface HarnessOptions {
  /** Seed the demo workspace (default); false gives an empty, migrated database. */
  seed?: boolean;
  /**
   * How long one content-version read serves gallery requests (middleware/answer-cache/): 0 by
   * default here, since tests write straight to the database and the test clock stands still.
   */
  freshnessWindowMs?: number;
}

/** Requests a path from the app as a browser on another origin would. */
export function request(h: Harness, path: string, init?: RequestInit): Promise<Response> {
  return Promise.resolve(h.app.request(new Request(new URL(path, 'http://vitrine.test'), init)));
}

/** The owner's generated password and the setup token a new harness uses: never fixed values. */
export function harnessSecrets() {
  return { owner: { email: DEMO_OWNER.email, password: randomToken(12) }, setupToken: randomToken() };
}
