/**
 * What the gallery chunk asks of the page's tracker, which lives in embed.js (types only here:
 * the loader hands its tracker to `defineGallery`, so the two bundles share no code).
 */
import type { TrackingEventType, TransactionInput } from '../../shared/schemas/events.ts';

/** An event as the widget makes it; the tracker adds its id and time. */
export interface WidgetEvent {
  type: TrackingEventType;
  galleryId?: string;
  postId?: string;
  productId?: string;
  transaction?: TransactionInput;
  /** The posts shown, on an impression. */
  postIds?: string[];
}

/** GA4's item, for the optional dataLayer mirror (the merchant's SKU as item_id). */
export interface MirrorItem {
  item_id: string;
  item_name?: string;
  price?: number;
  quantity?: number;
}

/** What only the dataLayer mirror needs: GA4 names products by SKU, Vitrine by id. */
export interface MirrorExtras {
  items?: MirrorItem[];
  currency?: string;
  value?: number;
}

export interface GalleryTracking {
  /** The id the holdout is decided on: the stored one with consent; null without (no holdout then). */
  visitorId(): string | null;
  /**
   * Events go to the workspace of the galleries on the page; the first one named is the page's.
   * Its `consentDefault` applies when the page gave no consent signal.
   */
  useWorkspace(workspaceId: string, consentDefault?: 'granted' | 'denied'): void;
  track(event: WidgetEvent, workspaceId?: string, mirror?: MirrorExtras): void;
}
