/**
 * The page's tracker, built by embed.js, so that it works on pages without a gallery (the order
 * confirmation page) and is shared by every gallery on the page (they get it through
 * `defineGallery`). It stamps events with an id and the time, holds them in the batching queue
 * and sends them as `POST /v1/events` bodies with the identity that consent allows.
 */
import type { TrackingEvent } from '../../shared/schemas/events.ts';
import { packBatches } from './batches.ts';
import { createConsent, type Consent } from './consent.ts';
import { mirrorToDataLayer, dataLayerEntry } from './data-layer.ts';
import { forgetIdentity, randomId, storedIdentity } from './ids.ts';
import { createEventQueue, type Timers } from './queue.ts';
import { sendBody } from './transport.ts';
import type { GalleryTracking, MirrorExtras, WidgetEvent } from './types.ts';

export interface TrackerOptions {
  /** `https://VITRINE-HOST/v1/events`. */
  endpoint: string;
  /** From `data-workspace` on the script tag; otherwise the first gallery's. */
  workspaceId: string | null;
  /** `data-datalayer` on the script tag: mirror events into `window.dataLayer`. */
  mirror: boolean;
  /** `data-consent="granted" | "denied"` on the script tag: the page's default, over the workspace's. */
  consent?: Consent | null | undefined;
  win?: Window;
  timers?: Timers;
  now?: () => number;
}

export interface Tracker extends GalleryTracking {
  /** `vitrine('consent', {analytics})`. */
  consent(analytics: boolean): void;
  /** `vitrine('forget')`: consent withdrawn, stored ids removed, and the server asked to erase the visitor's data. */
  forget(): void;
}

export function createTracker({ endpoint, workspaceId, mirror, consent: pageConsent, win = window, timers, now = Date.now }: TrackerOptions): Tracker {
  const consent = createConsent(win, pageConsent);
  let pageWorkspace = workspaceId;
  /** Events tracked before any workspace is known (a purchase queued before the gallery answered). */
  let waiting: TrackingEvent[] = [];
  /** The visitor id `forget` removed, until a workspace is known to erase it in. */
  let erase: string | null = null;

  /**
   * Without consent (or with storage blocked, which says as much) events go without any id:
   * they count only in aggregate figures.
   */
  const identity = () => (consent.current() === 'granted' ? storedIdentity(win, now()) : (forgetIdentity(win), null));
  const sendErase = () => {
    if (pageWorkspace && erase) sendBody(new URL('/v1/forget', endpoint).href, JSON.stringify({ workspaceId: pageWorkspace, visitorId: erase }), win.navigator);
    if (pageWorkspace) erase = null;
  };

  const queue = createEventQueue<[string, TrackingEvent]>(
    win,
    (items) => {
      const who = identity();
      const envelope = { v: 1 as const, consent: who ? ('granted' as const) : ('denied' as const), ...who };
      // A batch belongs to one workspace; a page rarely shows galleries of two.
      for (const workspace of new Set(items.map(([id]) => id))) {
        const events = items.filter(([id]) => id === workspace).map(([, event]) => event);
        for (const body of packBatches({ ...envelope, workspaceId: workspace }, events)) sendBody(endpoint, body, win.navigator);
      }
    },
    timers,
  );

  return {
    visitorId: () => identity()?.visitorId ?? null,
    consent(analytics) {
      // What was tracked under the previous answer leaves with the identity it allowed.
      queue.flush();
      consent.set(analytics);
      if (!analytics) forgetIdentity(win);
    },
    forget() {
      queue.flush();
      consent.set(false);
      erase = forgetIdentity(win);
      sendErase();
    },
    useWorkspace(workspace, consentDefault) {
      consent.fallback(consentDefault);
      if (pageWorkspace) return;
      pageWorkspace = workspace;
      for (const event of waiting) queue.add([workspace, event]);
      waiting = [];
      sendErase();
    },
    track(widgetEvent: WidgetEvent, workspace?: string, extras?: MirrorExtras) {
      const event = { id: randomId('e_'), at: now(), ...widgetEvent } as TrackingEvent;
      if (mirror) mirrorToDataLayer(win, dataLayerEntry(event, extras));
      const target = workspace ?? pageWorkspace;
      if (!target) return void waiting.push(event);
      queue.add([target, event]);
      // An order is the one event worth not waiting for: send it now.
      if (event.type === 'purchase') queue.flush();
    },
  };
}
