/**
 * The public JSON API's response shapes, shared by the server (which builds them) and the
 * widget (which reads them). Types only: the widget must never pull a validation library in.
 */

/** One stored rendition of a media item, re-hosted by Vitrine (never Instagram's CDN). */
export interface PublicVariant {
  /** Absolute URL served by Vitrine's media route. */
  url: string;
  width: number;
  height: number;
  format: 'webp' | 'jpeg' | 'png';
}

export interface PublicMedia {
  id: string;
  type: 'image' | 'video';
  /** Intrinsic size of the original, for aspect-ratio boxes that never shift the layout. */
  width: number;
  height: number;
  alt: string;
  /**
   * Ascending by width. For a video: its still frame; empty for a video Instagram gave no still
   * for (found by hashtag), which has its file only: show its first frame or a placeholder.
   */
  variants: PublicVariant[];
  /** A video's MP4 file when Instagram provided one; null for images and stills-only videos. */
  videoUrl: string | null;
}

export interface PublicProduct {
  id: string;
  sku: string;
  title: string;
  /** Price in minor units (cents) with its ISO 4217 currency. */
  price: { amount: number; currency: string } | null;
  availability: 'in_stock' | 'out_of_stock' | 'preorder' | 'backorder';
  imageUrl: string | null;
  link: string;
}

export interface PublicHotspot {
  productId: string;
  /** Which carousel child the hotspot sits on (null: the first/only media). */
  mediaId: string | null;
  /** Position as fractions of the media's width and height, 0..1. */
  x: number;
  y: number;
}

export interface PublicPost {
  id: string;
  mediaType: 'image' | 'video' | 'carousel';
  /** Plain text; render it as text, never as HTML. */
  caption: string;
  author: { username: string | null };
  /** Link to the original post on Instagram (https only), or null for manual uploads. */
  permalink: string | null;
  /** ISO 8601. */
  publishedAt: string;
  media: PublicMedia[];
  products: PublicProduct[];
  hotspots: PublicHotspot[];
}

export interface PublicGallery {
  id: string;
  name: string;
  layout: 'grid' | 'masonry' | 'carousel';
}

/** `GET /v1/galleries/:id/posts?limit=&cursor=&product=&inStock=` */
export interface GalleryPostsResponse {
  gallery: PublicGallery;
  posts: PublicPost[];
  /**
   * For a product page (`?product=`): which product was asked for, and whether too few posts
   * show it, so these posts come from the gallery's fallback instead.
   */
  product?: { query: string; fallback: boolean };
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
  /** What the widget's tracker needs: where events go and the holdout share (shared/holdout.ts). */
  /** `consentDefault`: whether the widget may store a visitor id when the page gives no consent signal. */
  tracking: { workspaceId: string; holdoutShare: number; consentDefault: 'granted' | 'denied' };
}

/** Every 4xx/5xx answer of the JSON API. */
export interface ApiErrorBody {
  error: {
    /** Stable machine-readable code, e.g. `invalid_parameter`, `not_found`. */
    code: string;
    /** A sentence for a developer, naming the field when one is at fault. */
    message: string;
    /** The offending field or parameter, when there is one. */
    field?: string;
  };
}

/**
 * `GET /v1/campaigns/:id/draw`: the fair draw, commit–reveal (docs/API.md, "The draw"). Before
 * the draw only the seed's SHA-256 is known; after it, the seed, the eligible entries' ids in
 * canonical order (no personal data) and the winners in rank order, so anyone can recompute.
 */
export interface PublicCampaignDraw {
  campaignId: string;
  state: 'unscheduled' | 'scheduled' | 'drawn';
  algorithm: 'hmac-sha256-rank-v1';
  /** When the draw is due (ISO 8601), once scheduled. */
  at: string | null;
  /** SHA-256 (hex) of the seed's 64 hex characters, published when the draw is scheduled. */
  seedHash: string | null;
  /** Revealed after the draw. */
  seed: string | null;
  drawnAt: string | null;
  winnerCount: number;
  entryIds: string[] | null;
  /** The drawn winners' entry ids, in rank order. */
  winners: string[];
  /** Entries a jury picked instead of (or besides) the draw, in rank order. */
  juryPicks: string[];
}
