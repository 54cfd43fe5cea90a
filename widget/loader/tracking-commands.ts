import { purchaseTransaction } from '../tracking/purchase.ts';
import type { Tracker } from '../tracking/tracker.ts';
import type { CommandHandler } from './command-queue.ts';

/**
 * The page's tracking commands:
 * - `vitrine('consent', {analytics: true | false})`: whether ids may be stored (see tracking/ids.ts);
 * - `vitrine('track', 'purchase', {transaction_id, value, currency, items})` on the order
 *   confirmation page, in GA4's shape;
 * - `vitrine('visitorId', function (id) {…})`: the visitor id, for a merchant's server to pass
 *   in `POST /v1/orders`.
 * A wrong call throws, which the command queue reports in the console without breaking the page.
 */
export function trackingCommands(tracker: Tracker): [string, CommandHandler][] {
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
        tracker.track({ type: 'purchase', transaction: purchaseTransaction(params) });
      },
    ],
    [
      'visitorId',
      (callback) => {
        if (typeof callback !== 'function') throw new TypeError('usage: vitrine("visitorId", function)');
        (callback as (id: string) => void)(tracker.visitorId());
      },
    ],
  ];
}
