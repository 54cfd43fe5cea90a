/**
 * A small Instagram Graph API client (Instagram API with Facebook Login). The base URL is
 * configuration: the real `https://graph.facebook.com` in production, the local fake in tests
 * and the demo. Tokens go in the Authorization header, never in logged URLs.
 */
import { safeJsonEscapes } from '../../shared/text.ts';
import { GraphApiError, type GraphErrorBody } from './errors.ts';
import { readUsage, type Usage } from './usage.ts';

export interface GraphChild {
  id: string;
  media_type: 'IMAGE' | 'VIDEO';
  media_url?: string;
  thumbnail_url?: string;
}

export interface GraphMedia {
  id: string;
  caption?: string;
  media_type: 'IMAGE' | 'VIDEO' | 'CAROUSEL_ALBUM';
  /** Absent on carousel parents, and on videos with licensed audio. */
  media_url?: string;
  thumbnail_url?: string;
  permalink?: string;
  timestamp: string;
  /** Never present on hashtag edges. */
  username?: string;
  like_count?: number;
  comments_count?: number;
  children?: { data: GraphChild[] };
}

export interface GraphComment {
  id: string;
  text?: string;
  username?: string;
  /** ISO 8601 with a +0000 offset. */
  timestamp?: string;
  media?: { id: string };
}

const COMMENT_FIELDS = 'id,text,username,timestamp,media{id}';

export interface GraphPage<T> {
  data: T[];
  paging?: { cursors?: { before?: string; after?: string }; next?: string; previous?: string };
}

export interface GraphResult<T> {
  body: T;
  usage: Usage;
}

/**
 * Hashtag edges accept only the fields their reference lists: no `username` and no
 * `thumbnail_url` (so a hashtag video comes without a still image). Every other edge has both.
 */
export const HASHTAG_MEDIA_FIELDS = 'id,caption,media_type,media_url,permalink,timestamp,like_count,comments_count,children{id,media_type,media_url}';
export const MEDIA_FIELDS = 'id,caption,media_type,media_url,thumbnail_url,permalink,timestamp,like_count,comments_count,username,children{id,media_type,media_url,thumbnail_url}';

export interface GraphClientOptions {
  baseUrl: string;
  version: string;
  /** The guarded fetcher (server/outbound) in production; the in-process fake in tests and the demo. */
  fetch: typeof fetch;
}

export type GraphClient = ReturnType<typeof createGraphClient>;

/**
 * The URL every Graph path hangs from: `{baseUrl}/{version}/`. A base URL that already ends in
 * a version (`http://127.0.0.1:4010/v21.0`, as Meta's docs and the fake print addresses) names
 * the version itself; appending another would send every call to `/v21.0/v21.0/…`, whose 404
 * reads as a bad token.
 */
export function graphRoot(baseUrl: string, version: string): URL {
  const base = baseUrl.replace(/\/+$/, '');
  return new URL(/\/v\d+(\.\d+)?$/.test(base) ? `${base}/` : `${base}/${version}/`);
}

export function createGraphClient({ baseUrl, version, fetch: doFetch }: GraphClientOptions) {
  const root = graphRoot(baseUrl, version);

  async function call<T>(method: 'GET' | 'POST', url: URL, token: string): Promise<GraphResult<T>> {
    // Paging links come from the API; never send the token to any other host.
    if (url.origin !== root.origin) throw new Error(`refusing to follow a Graph link to ${url.origin}`);
    url.searchParams.delete('access_token');
    const response = await doFetch(url, { method, headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    const usage = readUsage(response.headers);
    // Captions, usernames and comments are well-formed on the way in (a lone `\ud83d` becomes U+FFFD).
    const body = (await response.text().then((text) => JSON.parse(safeJsonEscapes(text))).catch(() => null)) as { error?: GraphErrorBody } | null;
    if (!response.ok || !body || body.error) {
      if (body?.error) throw new GraphApiError(response.status, body.error, usage.regainAccessMs || null);
      const error = { message: `HTTP ${response.status} without a Graph error body`, code: response.status >= 500 ? 2 : 100 };
      throw new GraphApiError(response.status, error, usage.regainAccessMs || null, false);
    }
    return { body: body as T, usage };
  }

  const url = (path: string, params: Record<string, string | undefined> = {}) => {
    const u = new URL(path.replace(/^\//, ''), root);
    for (const [k, v] of Object.entries(params)) if (v !== undefined) u.searchParams.set(k, v);
    return u;
  };

  return {
    /** Who the token belongs to: checks a connection before it is saved. */
    account: (igUserId: string, token: string) => call<{ id: string; username: string }>('GET', url(igUserId, { fields: 'id,username' }), token),

    hashtagId: (igUserId: string, name: string, token: string) =>
      call<{ data: { id: string }[] }>('GET', url('ig_hashtag_search', { user_id: igUserId, q: name }), token),

    /** One page of a hashtag's recent (24 h) or top media; pass the previous page's `next` to go on. */
    hashtagMedia: (edge: 'recent_media' | 'top_media', hashtagId: string, igUserId: string, token: string, next?: string) =>
      call<GraphPage<GraphMedia>>('GET', next ? new URL(next) : url(`${hashtagId}/${edge}`, { user_id: igUserId, fields: HASHTAG_MEDIA_FIELDS, limit: '50' }), token),

    /** Media the account is tagged in. Pages carry cursors but no `next` link: pass `after`. */
    taggedMedia: (igUserId: string, token: string, after?: string) =>
      call<GraphPage<GraphMedia>>('GET', url(`${igUserId}/tags`, { fields: MEDIA_FIELDS, limit: '50', after }), token),

    ownMedia: (igUserId: string, token: string, next?: string) =>
      call<GraphPage<GraphMedia>>('GET', next ? new URL(next) : url(`${igUserId}/media`, { fields: MEDIA_FIELDS, limit: '50' }), token),

    mentionedMedia: (igUserId: string, mediaId: string, token: string) =>
      call<{ id: string; mentioned_media?: GraphMedia }>('GET', url(igUserId, { fields: `mentioned_media.media_id(${mediaId}){${MEDIA_FIELDS}}` }), token),

    /** A comment that @mentions the brand (a `mentions` notification with `comment_id`): who wrote what, when, where. */
    mentionedComment: (igUserId: string, commentId: string, token: string) =>
      call<{ id: string; mentioned_comment?: GraphComment }>('GET', url(igUserId, { fields: `mentioned_comment.comment_id(${commentId}){${COMMENT_FIELDS}}` }), token),

    /** Replies under one of the brand's own comments (a rights request), newest first. */
    commentReplies: (commentId: string, token: string) => call<GraphPage<GraphComment>>('GET', url(`${commentId}/replies`, { fields: 'id,text,username,timestamp', limit: '50' }), token),

    /** Top-level comments on one of the brand's own media, newest first. */
    mediaComments: (mediaId: string, token: string) => call<GraphPage<GraphComment>>('GET', url(`${mediaId}/comments`, { fields: 'id,text,username,timestamp', limit: '50' }), token),

    /** The Facebook Pages the token's user manages, with the Instagram account behind each. */
    pages: (token: string) => call<GraphPage<{ id: string; instagram_business_account?: { id: string } }>>('GET', url('me/accounts', { fields: 'id,instagram_business_account{id}' }), token),

    /** Turns on webhook deliveries for a Page's Instagram account: Meta sends nothing before this call. */
    subscribeApp: (pageId: string, token: string) => call<{ success: boolean }>('POST', url(`${pageId}/subscribed_apps`, { subscribed_fields: 'feed' }), token),

    /** A fresh copy of one media, for new `media_url`s once the old ones have expired. */
    media: (mediaId: string, token: string) => call<GraphMedia>('GET', url(mediaId, { fields: MEDIA_FIELDS }), token),

    replyToMention: (igUserId: string, input: { mediaId: string; commentId?: string; message: string }, token: string) =>
      call<{ id: string }>('POST', url(`${igUserId}/mentions`, { media_id: input.mediaId, comment_id: input.commentId, message: input.message }), token),
  };
}
