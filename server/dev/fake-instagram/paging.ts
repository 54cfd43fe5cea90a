/**
 * The three paging styles the fake must reproduce (§1.7):
 * - standard edges (`/{ig-user-id}/media`, comments): `before`/`after` cursors plus `previous`/`next` links;
 * - `/tags` and field expansions: the same cursors but NO `previous`/`next` links, so clients
 *   must build the next query themselves;
 * - hashtag edges: an `after` cursor whose value never changes from page to page, and a `next`
 *   link that does advance. A client that loops on `paging.cursors.after` gets the second page
 *   again and again; only following `next` walks the whole result.
 */
import { graphErrors } from './errors.ts';

// A type alias, not an interface, so a page is assignable to a plain JSON record.
export type Page<T> = {
  data: T[];
  paging?: { cursors: { before?: string; after?: string }; previous?: string; next?: string };
};

export interface PageRequest {
  /** The URL the request came in on, with its query: `next`/`previous` are derived from it. */
  url: URL;
  params: Record<string, string>;
}

const encode = (text: string) => btoa(text);

function decode(cursor: string, what: string): string {
  try {
    return atob(cursor);
  } catch {
    throw graphErrors.invalidParam(`(#100) The ${what} cursor is not valid`);
  }
}

export function pageLimit(params: Record<string, string>, defaults: { default: number; max: number }): number {
  const asked = Number.parseInt(params.limit ?? '', 10);
  if (!Number.isFinite(asked) || asked < 1) return defaults.default;
  return Math.min(asked, defaults.max);
}

function linkWith(request: PageRequest, set: Record<string, string>): string {
  // The link keeps every query parameter the caller sent (the access token included, as the
  // real links do), so it can be fetched as it is.
  const url = new URL(request.url);
  url.searchParams.delete('before');
  url.searchParams.delete('after');
  for (const [name, value] of Object.entries(set)) url.searchParams.set(name, value);
  return url.toString();
}

/**
 * Keyset paging over items sorted by a descending key (newest first). Cursors hold the key, not
 * an offset, so deleting a post between two pages neither skips nor repeats the others.
 */
export function cursorPage<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  request: PageRequest,
  options: { limit: number; links: boolean },
): { slice: T[]; page: <R>(data: R[]) => Page<R> } {
  const { after, before } = request.params;
  let slice: T[];
  if (after) {
    const key = decode(after, 'after');
    slice = items.filter((item) => keyOf(item) < key).slice(0, options.limit);
  } else if (before) {
    const key = decode(before, 'before');
    const newer = items.filter((item) => keyOf(item) > key);
    slice = newer.slice(Math.max(0, newer.length - options.limit));
  } else {
    slice = items.slice(0, options.limit);
  }
  const first = slice[0];
  const last = slice[slice.length - 1];
  return {
    slice,
    page: (data) => {
      if (first === undefined || last === undefined) return { data };
      const cursors = { before: encode(keyOf(first)), after: encode(keyOf(last)) };
      const page: Page<(typeof data)[number]> = { data, paging: { cursors } };
      if (options.links && page.paging) {
        if (items.some((item) => keyOf(item) > keyOf(first))) page.paging.previous = linkWith(request, { limit: String(options.limit), before: cursors.before });
        if (items.some((item) => keyOf(item) < keyOf(last))) page.paging.next = linkWith(request, { limit: String(options.limit), after: cursors.after });
      }
      return page;
    },
  };
}

const POSITION_PREFIX = 'pos:';

/**
 * Hashtag edges. `constantCursor` is what every page reports in `paging.cursors.after`; given
 * back as `after`, it yields the page right after the first (the doc: it "can still be used to
 * get the next page"). The `next` link instead carries the real position.
 */
export function hashtagPage<T>(
  items: readonly T[],
  request: PageRequest,
  options: { limit: number; constantCursor: string },
): { slice: T[]; page: <R>(data: R[]) => Page<R> } {
  const after = request.params.after;
  let offset = 0;
  if (after === options.constantCursor) offset = options.limit;
  else if (after) {
    const text = decode(after, 'after');
    const position = Number.parseInt(text.slice(POSITION_PREFIX.length), 10);
    if (!text.startsWith(POSITION_PREFIX) || !Number.isInteger(position) || position < 0) throw graphErrors.invalidParam('(#100) The after cursor is not valid');
    offset = position;
  }
  const slice = items.slice(offset, offset + options.limit);
  const end = offset + slice.length;
  return {
    slice,
    page: (data) => {
      if (slice.length === 0) return { data };
      const page: Page<(typeof data)[number]> = { data, paging: { cursors: { after: options.constantCursor } } };
      if (end < items.length && page.paging) page.paging.next = linkWith(request, { limit: String(options.limit), after: encode(`${POSITION_PREFIX}${end}`) });
      return page;
    },
  };
}

/** A stable sort key for newest-first paging: zero-padded time, then id. */
export function newestFirstKey(timestamp: number, id: string): string {
  return `${timestamp.toString().padStart(15, '0')}_${id}`;
}
