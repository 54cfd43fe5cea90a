import purchaseChunk from 'virtual:vitrine/purchase-chunk';
import type { Tracker } from '../tracking/tracker.ts';
import type { CommandHandler } from './command-queue.ts';

/**
 * The page's tracking commands:
 * - `vitrine('consent', {analytics: true | false})`: whether ids may be stored (see tracking/ids.ts);
 * - `vitrine('track', 'purchase', {transaction_id, value, currency, items})` on the order
 *   confirmation page, in GA4's shape;
 * - `vitrine('visitorId', function (id) {…})`: the visitor id, for a merchant's server to pass
 *   in `POST /v1/orders` (null without analytics consent);
 * - `vitrine('forget')`: the shopper's stored ids removed and their events erased on the server.
 * A wrong call throws, which the command queue reports in the console without breaking the page;
 * a purchase whose fields are wrong is reported the same way, once its checks have loaded.
 */
export function trackingCommands(tracker: Tracker, base: URL): [string, CommandHandler][] {
  return [
    [
      'consent',
      (options) => {
        const analytics = (options as { analytics?: unknown } | null)?.analytics;
        if (typeof analytics !== 'boolean') throw new TypeError('usage: vitrine("consent", {analytics: boolean})');
        tracker.consent(analytics);
      },
    ],
    [
      'track',
      (name, params) => {
        if (name !== 'purchase') throw new TypeError('usage: vitrine("track", "purchase", {…})');
        // By absolute URL, as the gallery chunk (loader.ts): only the order page needs these checks.
        (import(new URL(purchaseChunk, base).href) as Promise<typeof import('../tracking/purchase.ts')>)
          .then(({ purchaseTransaction }) => tracker.track({ type: 'purchase', transaction: purchaseTransaction(params) }))
          .catch((error: unknown) => console.error('[vitrine] command "track" failed', error));
      },
    ],
    [
      'visitorId',
      (callback) => {
        if (typeof callback !== 'function') throw new TypeError('usage: vitrine("visitorId", function)');
        (callback as (id: string | null) => void)(tracker.visitorId());
      },
    ],
    ['forget', () => tracker.forget()],
  ];
}
