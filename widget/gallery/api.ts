import type { ApiErrorBody, GalleryPostsResponse } from '../../shared/api-types.ts';

/** An answer of the API other than 2xx, carrying the API's own sentence when it sent one. */
export class GalleryApiError extends Error {
  readonly code: string;
  /** The HTTP status when no API answered (a proxy, a crash): the gallery words that itself. */
  readonly status: number | undefined;

  constructor(message: string, code: string, status?: number) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

export interface GalleryPageRequest {
  /** Where the API lives: the origin embed.js was loaded from. */
  origin: string;
  galleryId: string;
  /** Omitted from the request when undefined, so the API's default applies. */
  limit: number | undefined;
  /** The previous page's `nextCursor`; null for the first page. */
  cursor: string | null;
  /** Only posts showing this product (a SKU or a product group); all posts when null. */
  product: string | null;
  /** Only posts whose tagged products are in stock. */
  inStock: boolean;
  signal: AbortSignal;
}

/** `GET /v1/galleries/:id/posts?limit=&cursor=&product=&inStock=`: one page of a gallery's public posts. */
export async function fetchGalleryPage(request: GalleryPageRequest): Promise<GalleryPostsResponse> {
  const url = new URL(`/v1/galleries/${encodeURIComponent(request.galleryId)}/posts`, request.origin);
  if (request.limit !== undefined) url.searchParams.set('limit', String(request.limit));
  if (request.cursor !== null) url.searchParams.set('cursor', request.cursor);
  if (request.product) url.searchParams.set('product', request.product);
  if (request.inStock) url.searchParams.set('inStock', 'true');
  const response = await fetch(url, { signal: request.signal });
  if (!response.ok) throw await apiError(response);
  return (await response.json()) as GalleryPostsResponse;
}

async function apiError(response: Response): Promise<GalleryApiError> {
  try {
    const { error } = (await response.json()) as ApiErrorBody;
    return new GalleryApiError(error.message, error.code);
  } catch {
    // A proxy or a crash answered instead of the API: there is no body to read.
    return new GalleryApiError(`HTTP ${response.status}`, 'http_error', response.status);
  }
}
