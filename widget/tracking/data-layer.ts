import type { TrackingEvent } from '../../shared/schemas/events.ts';
import type { MirrorExtras } from './types.ts';

/**
 * With `data-datalayer` on the script tag, each event is also pushed to the page's
 * `window.dataLayer` in GA4's shape, for the merchant's own tag manager: ecommerce events as
 * `{event, ecommerce}` (after GA4's recommended `{ecommerce: null}`, which clears the previous
 * one), `select_content` and `vitrine_holdout` with `select_content`'s parameters. Products are
 * named by SKU, as the store's other GA4 events name them. Undefined fields are absent to GTM.
 */
export function dataLayerEntry(event: TrackingEvent, extras?: MirrorExtras): Record<string, unknown> {
  if (event.type === 'select_content' || event.type === 'vitrine_holdout') {
    return { event: event.type, content_type: 'ugc_post', content_id: event.postId, item_list_id: event.galleryId };
  }
  return {
    event: event.type,
    ecommerce: event.transaction ?? { item_list_id: event.galleryId, items: [], ...extras },
  };
}

export function mirrorToDataLayer(win: Window, entry: Record<string, unknown>): void {
  // Created as gtag's own snippet creates it: the merchant asked for it.
  const layer = ((win as { dataLayer?: unknown[] }).dataLayer ??= []);
  if (entry.ecommerce) layer.push({ ecommerce: null });
  layer.push(entry);
}
