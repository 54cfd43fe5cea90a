/** The fake's public vocabulary: options, world objects and controls. */
import type { ThrottleOptions } from './usage.ts';

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export type MediaType = 'IMAGE' | 'VIDEO' | 'CAROUSEL_ALBUM';
export type ChildMediaType = 'IMAGE' | 'VIDEO';
/** Instagram's feed aspect ratios: 1:1, 4:5 and 1.91:1. */
export type Aspect = 'square' | 'portrait' | 'landscape';

export interface FakeInstagramOptions {
  /** Shared with the app under test, so tests can move time. */
  clock: Clock;
  /** Where the fake is reachable, e.g. 'http://127.0.0.1:8790': next links and CDN URLs use it. */
  baseUrl: string;
  /** Signs webhook deliveries (X-Hub-Signature-256). */
  appSecret: string;
  /** Default 'v21.0'; every Graph path is /{version}/... */
  apiVersion?: string;
  /** Default 4 days: CDN URLs answer 403 "URL signature expired" after it. */
  cdnTtlMs?: number;
  /** Deterministic world; default 1. */
  seed?: number;
  /** The brand's Instagram username; default 'maisonlumen'. */
  username?: string;
  /** SVG → JPEG bytes; default: sharp, loaded lazily so the rest of the fake runs anywhere. */
  renderImage?: (svg: string) => Promise<Uint8Array>;
  /** How webhook deliveries reach the callback URL; default: global fetch. Tests pass an app's fetch. */
  deliver?: (request: Request) => Promise<Response>;
  /** The account's daily impressions, which size its BUC limit (4800 × impressions per 24 h); default 10. */
  impressions?: number;
}

export interface FakePublishInput {
  /** Author's username; default: one of a small vocabulary (the brand's own for `own`). */
  author?: string;
  caption?: string;
  mediaType?: MediaType;
  /** CAROUSEL_ALBUM only: how many children (2–10, default 3) or their types. */
  children?: number | ChildMediaType[];
  /** Added to the caption as #tags when not already there. */
  hashtags?: string[];
  /** Adds @{brand} to the caption when not already there (a caption mentioning the brand counts anyway). */
  mentionsBrand?: boolean;
  /** The brand is tagged in the photo: the post appears on `/{ig-user-id}/tags`. */
  tagsBrand?: boolean;
  /** The brand's own media: on `/{ig-user-id}/media`, readable by id, full fields. */
  own?: boolean;
  /** Epoch ms; default now. */
  timestamp?: number;
  aspect?: Aspect;
  likeCount?: number;
  commentsCount?: number;
  /** The owner hid like counts: `like_count` is omitted on indirect reads. */
  hideLikes?: boolean;
  /** VIDEO with copyrighted or licensed audio: `media_url` is omitted (§1.4, §1.6). */
  copyrightedAudio?: boolean;
  /** The author's account is private: Meta sends no webhook about this media. */
  privateAccount?: boolean;
}

export interface FakeChild {
  readonly id: string;
  readonly mediaType: ChildMediaType;
}

export interface FakeMedia {
  readonly id: string;
  readonly shortcode: string;
  readonly ownerId: string;
  readonly username: string;
  readonly caption: string;
  readonly mediaType: MediaType;
  readonly aspect: Aspect;
  readonly timestamp: number;
  readonly children: readonly FakeChild[];
  /** Lower-case hashtag names found in the caption. */
  readonly hashtags: readonly string[];
  readonly mentionsBrand: boolean;
  readonly tagsBrand: boolean;
  readonly own: boolean;
  readonly likeCount: number;
  readonly hideLikes: boolean;
  readonly copyrightedAudio: boolean;
  readonly privateAccount: boolean;
  readonly deleted: boolean;
}

export interface FakeCommentInput {
  mediaId: string;
  text: string;
  fromUsername: string;
  /** Replies to a reply are attached to the top-level comment (§1.5). */
  parentId?: string;
  timestamp?: number;
}

export interface FakeComment {
  readonly id: string;
  readonly mediaId: string;
  readonly parentId: string | undefined;
  readonly text: string;
  readonly username: string;
  readonly userId: string;
  readonly timestamp: number;
  readonly likeCount: number;
}

export interface FakeGenerateOptions {
  /** Every generated post carries this hashtag (without '#'). */
  hashtag?: string;
  /** Share of posts whose caption @mentions the brand (0–1, default 0.5). */
  mentionShare?: number;
  /** Share of posts that tag the brand (0–1, default 0.3). */
  tagShare?: number;
  /** Timestamps spread over this many ms before now (default 20 h, inside recent_media's 24 h). */
  spreadMs?: number;
}

export interface FakeWebhookOptions {
  /** Extra deliveries of the same signed body after the first (Meta retries and duplicates for up to 36 h). */
  duplicates?: number;
  /** Sign with a wrong secret, as a forger would. */
  forgeSignature?: boolean;
}

export interface FakeMentionWebhookOptions extends FakeWebhookOptions {
  /** A comment that @mentions the brand; without it the notification is for a caption mention. */
  commentId?: string;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  params: Record<string, string>;
}

export interface FakeAccount {
  igUserId: string;
  username: string;
  accessToken: string;
  pageId: string;
}

export type FailureKind = 'unknown' | 'service' | 'permission';

export interface FakeInstagram {
  /** Graph API and CDN, one handler. */
  fetch(request: Request): Promise<Response>;
  /** The brand's business account. */
  account: FakeAccount;
  appId: string;
  baseUrl: string;
  apiVersion: string;
  publish(input?: FakePublishInput): FakeMedia;
  generate(count: number, options?: FakeGenerateOptions): FakeMedia[];
  /** A comment on a post (e.g. one that @mentions the brand, or an author's reply). */
  comment(input: FakeCommentInput): FakeComment;
  media(mediaId: string): FakeMedia | undefined;
  deleteMedia(mediaId: string): void;
  expireToken(): void;
  /** 190/460 (password changed, default) or 190/458 (app removed). */
  revokeToken(reason?: 'password-changed' | 'app-removed'): void;
  /** A fresh valid token (after expiry or revocation), as reconnecting would give. */
  renewToken(): string;
  throttle(options: ThrottleOptions): void;
  failNext(count: number, error: FailureKind): void;
  /** GET callbackUrl?hub.mode=subscribe&hub.challenge=…&hub.verify_token=…, as Meta does when subscribing. */
  verifyWebhook(callbackUrl: string, verifyToken: string): Promise<{ response: Response; challenge: string }>;
  /** Sends nothing (an empty list) before the Page subscribed the app, or for a private account's media. */
  sendMentionWebhook(callbackUrl: string, mediaId: string, options?: FakeMentionWebhookOptions): Promise<Response[]>;
  /**
   * Records a comment and sends what Meta would: `comments` on the brand's own media, `mentions`
   * with `comment_id` when it @mentions the brand elsewhere, otherwise nothing (nor before the
   * Page subscribed the app, nor for a private account's media).
   */
  sendCommentWebhook(
    callbackUrl: string,
    input: { mediaId: string; text: string; fromUsername: string; parentId?: string },
    options?: FakeWebhookOptions,
  ): Promise<Response[]>;
  readonly requests: RequestLogEntry[];
}
