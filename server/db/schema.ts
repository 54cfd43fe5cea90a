/**
 * The whole data model, SQLite dialect (libSQL on Node, D1 on Workers).
 *
 * Conventions, so later issues add behaviour and not upheaval:
 * - Every tenant-owned row carries `workspace_id`; child rows reachable only through a parent
 *   (media variants, tags) are scoped through that parent's workspace.
 * - Ids are prefixed random strings (`post_…`), timestamps are epoch milliseconds, money is an
 *   integer in minor units with its ISO 4217 currency.
 * - Consent records are append-only evidence: a migration installs triggers that abort any
 *   UPDATE or DELETE on them. A post's `rights_*` columns are a denormalised summary of that
 *   evidence, kept so the publicness check is one indexed predicate.
 */
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

const createdAt = () => integer('created_at').notNull();
const json = <T>(name: string) => text(name, { mode: 'json' }).$type<T>();

/* ---------- tenancy, accounts, access ---------- */

export interface WorkspaceSettings {
  /** Attribution windows in hours. */
  clickWindowHours: number;
  viewWindowHours: number;
  /** Share of visitors (0..1) assigned to the randomized holdout that sees no gallery. */
  holdoutShare: number;
  /** Days raw events are kept before rollups are all that remain. */
  eventRetentionDays: number;
  /**
   * Count only orders confirmed by the merchant's server (`POST /v1/orders`): reports' headline
   * figures and the "best performing" ranking then leave browser-reported purchases out.
   */
  confirmedOrdersOnly: boolean;
  /**
   * Whether the widget may store a visitor id when the page gives no consent signal: 'denied'
   * (the default, as EU stores need prior consent) or 'granted' (stores outside the EU or with
   * another legal basis). A browser's Global Privacy Control is denied whatever this says.
   */
  consentDefault: 'granted' | 'denied';
  /**
   * Accept consent confirmed on the rights page alone (no reply from the author's account) for
   * requests sent privately by direct message. Off by default; a link ever posted publicly never
   * yields page-only consent whatever this says.
   */
  acceptPageOnlyForPrivateRequests: boolean;
  /**
   * Days a post collected from Instagram keeps its media, caption and username when its author
   * never granted rights (domain/collection/platform-data.ts). Granted posts stay.
   */
  instagramDataRetentionDays: number;
}

export const workspaces = sqliteTable('workspaces', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  /** The brand's Instagram handle without '@', used in rights requests and approvals. */
  instagramHandle: text('instagram_handle'),
  approvalHashtag: text('approval_hashtag'),
  /** Site origins allowed for CORS on event ingest, e.g. ["https://shop.example"]. */
  allowedOrigins: json<string[]>('allowed_origins').notNull().default(sql`'[]'`),
  settings: json<WorkspaceSettings>('settings').notNull(),
  /**
   * Bumped by triggers (migration 0004) with every write that can change a public answer; the
   * public answer cache files its entries under it (docs/ARCHITECTURE.md).
   */
  contentVersion: integer('content_version').notNull().default(0),
  createdAt: createdAt(),
});

/**
 * Pages whose events were refused because their origin is not allowed: the panel lists them, with
 * one click to allow, so a merchant who pasted the embed code on a page Vitrine does not know
 * sees why Reports stay empty. Written at most once a minute per origin and process, and at most
 * 20 origins per workspace are kept, so forged beacons cannot grow it.
 */
export const refusedOrigins = sqliteTable(
  'refused_origins',
  {
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    origin: text('origin').notNull(),
    firstSeenAt: integer('first_seen_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    /** Refusals noted (at most one a minute per process), not every batch refused. */
    times: integer('times').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.origin] })],
);

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  /** Self-describing: `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`. */
  passwordHash: text('password_hash').notNull(),
  /** The panel's language for this user (`en`, `fr`); null follows the browser. */
  locale: text('locale'),
  createdAt: createdAt(),
});

/**
 * At most one row, ever: first-run setup inserts it in the same batch that creates the owner, so
 * of two setups racing on an empty database the second fails on the primary key and creates
 * nothing (a check-then-insert would let both through).
 */
export const setupClaims = sqliteTable(
  'setup_claims',
  {
    id: integer('id').primaryKey(),
    userId: text('user_id').notNull(),
    claimedAt: integer('claimed_at').notNull(),
  },
  (t) => [check('setup_claims_single', sql`${t.id} = 1`)],
);

export const ROLES = ['owner', 'merchandiser', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

export const memberships = sqliteTable(
  'memberships',
  {
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    userId: text('user_id').notNull().references(() => users.id),
    role: text('role', { enum: ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] }), index('memberships_user').on(t.userId)],
);

export const invitations = sqliteTable('invitations', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
  email: text('email').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  invitedBy: text('invited_by').references(() => users.id),
  expiresAt: integer('expires_at').notNull(),
  acceptedAt: integer('accepted_at'),
  createdAt: createdAt(),
});

export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a stolen database does not yield live sessions. */
    idHash: text('id_hash').primaryKey(),
    userId: text('user_id').notNull().references(() => users.id),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    createdAt: createdAt(),
    expiresAt: integer('expires_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    name: text('name').notNull(),
    /** First characters of the key, shown in the panel to tell keys apart. */
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull().unique(),
    scopes: json<string[]>('scopes').notNull(),
    createdBy: text('created_by').references(() => users.id),
    createdAt: createdAt(),
    lastUsedAt: integer('last_used_at'),
    revokedAt: integer('revoked_at'),
  },
  (t) => [index('api_keys_workspace').on(t.workspaceId)],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    actorUserId: text('actor_user_id').references(() => users.id),
    /** 'user', 'api_key', 'system' (scheduler, webhooks), 'author' (rights page) or 'shopper' (`vitrine('forget')`). */
    actorKind: text('actor_kind', { enum: ['user', 'api_key', 'system', 'author', 'shopper'] }).notNull(),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    before: json<unknown>('before'),
    after: json<unknown>('after'),
    at: integer('at').notNull(),
  },
  (t) => [index('audit_log_workspace_at').on(t.workspaceId, t.at)],
);

/**
 * Fixed-window counters for rate limits that must hold across processes and isolates (sign-in
 * attempts, later event ingest): one row per key and window.
 */
export const rateLimits = sqliteTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: integer('window_start').notNull(),
  count: integer('count').notNull(),
});

/* ---------- collection ---------- */

export const instagramConnections = sqliteTable(
  'instagram_connections',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    igUserId: text('ig_user_id').notNull(),
    username: text('username').notNull(),
    /** Long-lived token, AES-GCM encrypted with a key from configuration; never returned. */
    tokenCiphertext: text('token_ciphertext').notNull(),
    tokenExpiresAt: integer('token_expires_at').notNull(),
    status: text('status', { enum: ['active', 'expired', 'revoked', 'error'] }).notNull(),
    statusReason: text('status_reason'),
    /** When Meta's webhook last delivered a notification for this account (null: never). */
    lastWebhookAt: integer('last_webhook_at'),
    /** When the Page subscribed the app to webhooks; null: Meta sends nothing, so replies are polled (migration 0014). */
    webhooksSubscribedAt: integer('webhooks_subscribed_at'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('instagram_connections_ws_user').on(t.workspaceId, t.igUserId)],
);

export const SOURCE_KINDS = ['hashtag', 'tagged', 'mentions', 'own', 'manual', 'import'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const sources = sqliteTable(
  'sources',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    connectionId: text('connection_id').references(() => instagramConnections.id),
    kind: text('kind', { enum: SOURCE_KINDS }).notNull(),
    /** The hashtag name for hashtag sources; a label for the others. */
    query: text('query'),
    igHashtagId: text('ig_hashtag_id'),
    /** Paging cursor or high-water mark, opaque to everything but the collector. */
    cursor: text('cursor'),
    state: json<Record<string, unknown>>('state'),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    intervalSeconds: integer('interval_seconds').notNull().default(3600),
    nextRunAt: integer('next_run_at'),
    lastRunAt: integer('last_run_at'),
    /** What the last run found: posts new to the workspace, and posts already stored seen again. */
    lastRunCreated: integer('last_run_created'),
    lastRunLinked: integer('last_run_linked'),
    lastError: text('last_error'),
    lastErrorAt: integer('last_error_at'),
    createdAt: createdAt(),
  },
  (t) => [index('sources_due').on(t.enabled, t.nextRunAt), index('sources_workspace').on(t.workspaceId)],
);

/**
 * Each distinct hashtag queried per Instagram account: the 30-per-rolling-7-days quota is
 * Instagram's, per IG user, so it is kept by IG user id and survives a disconnect/reconnect.
 */
export const hashtagQueries = sqliteTable(
  'hashtag_queries',
  {
    igUserId: text('ig_user_id').notNull(),
    hashtag: text('hashtag').notNull(),
    /** When the 7-day window of this hashtag started (a re-query inside it does not reset it). */
    firstQueriedAt: integer('first_queried_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.igUserId, t.hashtag] })],
);

/** Inbound Instagram webhook deliveries already processed (they repeat for up to 36 h). */
export const webhookReceipts = sqliteTable('webhook_receipts', {
  id: text('id').primaryKey(),
  receivedAt: integer('received_at').notNull(),
});

/* ---------- posts and media ---------- */

export const MODERATION_STATUSES = ['pending', 'approved', 'rejected', 'hidden'] as const;
export type ModerationStatus = (typeof MODERATION_STATUSES)[number];

/**
 * Where a post stands on usage rights. `granted` alone can make a post public, and only while
 * `rights_expires_at` is in the future (or null: no expiry).
 */
export const RIGHTS_STATUSES = [
  'none',
  'requested',
  'author_replied',
  'granted',
  'declined',
  'withdrawn',
] as const;
export type RightsStatus = (typeof RIGHTS_STATUSES)[number];

/**
 * How a granted post's consent was tied to its author: `account` (their own Instagram account
 * replied, seen through the Graph API), `page` (confirmed on the rights page only, accepted by the
 * workspace for a privately sent request), `awaiting` (confirmed on the page, waiting for the
 * author's verifying reply), `email` (a campaign submission: whoever uploaded the files confirmed
 * the email address they gave; the Instagram handle they typed is not verified). Only `account`,
 * `page` and `email` can make a post public.
 */
export const RIGHTS_VERIFICATIONS = ['account', 'page', 'awaiting', 'email'] as const;
export type RightsVerification = (typeof RIGHTS_VERIFICATIONS)[number];

export const posts = sqliteTable(
  'posts',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    /** Instagram media id; null for manual uploads. One post per media per workspace. */
    igMediaId: text('ig_media_id'),
    mediaType: text('media_type', { enum: ['image', 'video', 'carousel'] }).notNull(),
    caption: text('caption').notNull().default(''),
    permalink: text('permalink'),
    authorUsername: text('author_username'),
    authorIgId: text('author_ig_id'),
    publishedAt: integer('published_at').notNull(),
    collectedAt: integer('collected_at').notNull(),
    likeCount: integer('like_count'),
    commentsCount: integer('comments_count'),
    moderationStatus: text('moderation_status', { enum: MODERATION_STATUSES }).notNull().default('pending'),
    moderatedAt: integer('moderated_at'),
    moderatedBy: text('moderated_by').references(() => users.id),
    /** Which auto-moderation rule filtered the post, and why, in words. */
    moderationRuleId: text('moderation_rule_id'),
    moderationReason: text('moderation_reason'),
    rightsStatus: text('rights_status', { enum: RIGHTS_STATUSES }).notNull().default('none'),
    rightsExpiresAt: integer('rights_expires_at'),
    rightsScope: json<string[]>('rights_scope'),
    rightsVerification: text('rights_verification', { enum: RIGHTS_VERIFICATIONS }),
    /** Erasure asked through the link by someone not verified as the author: deleted at this time (migration 0014). */
    erasureDueAt: integer('erasure_due_at'),
    /** Set when Instagram reports the media gone; such a post is never public again. */
    sourceDeletedAt: integer('source_deleted_at'),
    /**
     * Set when the author asked for erasure: the media are deleted and the text scrubbed; the row
     * stays as a tombstone so the consent records that prove what happened keep their subject.
     */
    erasedAt: integer('erased_at'),
    /** When Vitrine last asked Instagram whether the media still exists (own and mentioned media). */
    sourceCheckedAt: integer('source_checked_at'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('posts_ws_ig_media').on(t.workspaceId, t.igMediaId),
    index('posts_public').on(t.workspaceId, t.moderationStatus, t.rightsStatus, t.publishedAt, t.id),
    index('posts_inbox').on(t.workspaceId, t.moderationStatus, t.collectedAt),
    index('posts_author').on(t.workspaceId, t.authorUsername),
    index('posts_erasure_due').on(t.erasureDueAt),
    // Partial: only posts still holding data no granted consent covers (migration 0023, domain/collection/platform-data.ts).
    index('posts_platform_retention').on(t.workspaceId, t.collectedAt).where(sql`${t.erasedAt} IS NULL AND ${t.rightsStatus} <> 'granted'`),
  ],
);

export const postSources = sqliteTable(
  'post_sources',
  {
    postId: text('post_id').notNull().references(() => posts.id),
    sourceId: text('source_id').notNull().references(() => sources.id),
    foundAt: integer('found_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.sourceId] }), index('post_sources_source').on(t.sourceId)],
);

/** The images and videos of a post: one row for a single image, one per carousel child. */
export const postMedia = sqliteTable(
  'post_media',
  {
    id: text('id').primaryKey(),
    postId: text('post_id').notNull().references(() => posts.id),
    position: integer('position').notNull(),
    type: text('type', { enum: ['image', 'video'] }).notNull(),
    igMediaId: text('ig_media_id'),
    /** Where the still image was fetched from; never served to anyone (Instagram URLs expire). */
    sourceUrl: text('source_url'),
    /** A video's file, when Instagram provides one. */
    videoSourceUrl: text('video_source_url'),
    width: integer('width'),
    height: integer('height'),
    altText: text('alt_text'),
    /** Re-hosting progress: a failed download keeps the post and is retried. */
    storeStatus: text('store_status', { enum: ['pending', 'stored', 'failed'] }).notNull().default('pending'),
    storeAttempts: integer('store_attempts').notNull().default(0),
    storeError: text('store_error'),
    nextAttemptAt: integer('next_attempt_at'),
  },
  (t) => [
    uniqueIndex('post_media_post_position').on(t.postId, t.position),
    // Lets "has a stored media" be a seek per post; without it SQLite scans every stored media.
    index('post_media_post_stored').on(t.postId, t.storeStatus),
    index('post_media_retry').on(t.storeStatus, t.nextAttemptAt),
  ],
);

/** Renditions stored in the media store (disk or R2) under `storage_key`. */
export const mediaVariants = sqliteTable(
  'media_variants',
  {
    id: text('id').primaryKey(),
    mediaId: text('media_id').notNull().references(() => postMedia.id),
    /** 'original' as downloaded, 'display' resized renditions, 'poster' for a video's still. */
    role: text('role', { enum: ['original', 'display', 'poster', 'video'] }).notNull(),
    format: text('format', { enum: ['webp', 'jpeg', 'png', 'mp4'] }).notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    storageKey: text('storage_key').notNull().unique(),
    createdAt: createdAt(),
  },
  (t) => [index('media_variants_media').on(t.mediaId)],
);

export const moderationRules = sqliteTable(
  'moderation_rules',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    kind: text('kind', {
      enum: ['blocked_word', 'blocked_hashtag', 'blocked_author', 'trusted_author', 'min_resolution'],
    }).notNull(),
    value: text('value').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('moderation_rules_workspace').on(t.workspaceId)],
);

/* ---------- rights ---------- */

export const RIGHTS_SCOPES = ['website', 'social', 'ads', 'print', 'email'] as const;

/** Usage terms; a change makes a new version, never an edit (the hash proves what was shown). */
export const termsVersions = sqliteTable(
  'terms_versions',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    version: integer('version').notNull(),
    language: text('language').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    scope: json<string[]>('scope').notNull(),
    /** Null: no expiry. */
    durationDays: integer('duration_days'),
    /** SHA-256 hex of the canonical text shown to the author. */
    contentHash: text('content_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('terms_versions_ws_version_lang').on(t.workspaceId, t.version, t.language)],
);

export const REQUEST_SENT_VIA = ['api_comment', 'comment', 'direct_message'] as const;
export type RequestSentVia = (typeof REQUEST_SENT_VIA)[number];

export const rightsRequests = sqliteTable(
  'rights_requests',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    postId: text('post_id').notNull().references(() => posts.id),
    termsVersionId: text('terms_version_id').notNull().references(() => termsVersions.id),
    /** 'api_comment': replied through the mentions API; 'manual': sent by the merchandiser. */
    channel: text('channel', { enum: ['api_comment', 'manual'] }).notNull(),
    language: text('language').notNull(),
    requestText: text('request_text').notNull(),
    status: text('status', { enum: ['draft', 'sent', 'author_replied', 'granted', 'declined', 'withdrawn', 'expired'] }).notNull(),
    commentId: text('comment_id'),
    /** The author's reply, when one came (comment webhook): kept for a human when it is not a clear yes. */
    replyCommentId: text('reply_comment_id'),
    replyText: text('reply_text'),
    requestedBy: text('requested_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: integer('updated_at').notNull(),
    sentAt: integer('sent_at'),
    /** The signed link stops accepting new consent after this; withdrawal always works. */
    linkExpiresAt: integer('link_expires_at').notNull(),
    /** How the link reached the author; anything but `direct_message` was public (migration 0014). */
    sentVia: text('sent_via', { enum: REQUEST_SENT_VIA }),
    /** The one-time code the author replies with from their account after agreeing on the page. */
    verifyCode: text('verify_code'),
    verifyCodeExpiresAt: integer('verify_code_expires_at'),
    verifyCodeUsedAt: integer('verify_code_used_at'),
    /** The page-only consent record the verifying reply completes. */
    pageConsentId: text('page_consent_id'),
  },
  (t) => [index('rights_requests_post').on(t.postId), index('rights_requests_ws_status').on(t.workspaceId, t.status), index('rights_requests_verify_code').on(t.verifyCode)],
);

export interface ConsentEvidence {
  /** Reply comment approval. */
  commentId?: string;
  commentText?: string;
  /** Rights-page acceptance or withdrawal. */
  ipHash?: string;
  userAgent?: string;
  confirmedHandle?: string;
  /** Account verification: when the comment was written, the code it carried, the page record it completes. */
  commentTimestamp?: string;
  verifyCode?: string;
  linkedConsentId?: string;
  /** Page-only consent accepted for publication: why (the workspace setting and the private request). */
  acceptedBecause?: string;
  /**
   * Campaign submissions (channel `submission`): the submission, the keyed hash of the email
   * address that confirmed it (the address itself is erased at the retention end), when it was
   * sent and confirmed, the official rules accepted with the terms, and that the Instagram handle
   * typed with it was not verified.
   */
  submissionId?: string;
  campaignId?: string;
  emailHash?: string;
  submittedAt?: string;
  confirmedAt?: string;
  rulesVersion?: number;
  rulesLanguage?: string;
  rulesHash?: string;
  handleVerified?: boolean;
  /** The request that confirmed the submission (the others are the form's): its hashed IP and user agent. */
  confirmIpHash?: string;
  confirmUserAgent?: string;
}

/** Append-only (enforced by triggers in the migrations): nothing rewrites history. */
export const consentRecords = sqliteTable(
  'consent_records',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    postId: text('post_id').notNull().references(() => posts.id),
    rightsRequestId: text('rights_request_id').references(() => rightsRequests.id),
    kind: text('kind', { enum: ['granted', 'declined', 'withdrawn'] }).notNull(),
    authorUsername: text('author_username'),
    authorIgId: text('author_ig_id'),
    termsVersionId: text('terms_version_id').references(() => termsVersions.id),
    termsHash: text('terms_hash'),
    requestText: text('request_text'),
    channel: text('channel', { enum: ['comment_reply', 'rights_page', 'panel', 'import', 'submission'] }).notNull(),
    evidence: json<ConsentEvidence>('evidence').notNull(),
    /**
     * Grants only: `account` (the author's account acted), `page` (the rights page alone), or
     * `email` (a campaign submission confirmed by email: it proves the uploader, not the handle).
     */
    verification: text('verification', { enum: ['account', 'page', 'email'] }),
    scope: json<string[]>('scope'),
    expiresAt: integer('expires_at'),
    recordedAt: integer('recorded_at').notNull(),
  },
  (t) => [index('consent_records_post').on(t.postId, t.recordedAt), index('consent_records_author').on(t.workspaceId, t.authorUsername)],
);

/* ---------- products ---------- */

export const AVAILABILITIES = ['in_stock', 'out_of_stock', 'preorder', 'backorder'] as const;

export const productFeeds = sqliteTable('product_feeds', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
  name: text('name').notNull(),
  format: text('format', { enum: ['merchant_xml', 'merchant_tsv', 'shopify_json', 'csv'] }).notNull(),
  url: text('url'),
  refreshIntervalSeconds: integer('refresh_interval_seconds'),
  nextRunAt: integer('next_run_at'),
  lastImportAt: integer('last_import_at'),
  lastError: text('last_error'),
  /** ISO 4217 code for rows whose price has none (Shopify and many CSVs). */
  currency: text('currency'),
  /** The store's address, for formats whose rows carry a handle rather than a link (Shopify). */
  storeUrl: text('store_url'),
  createdAt: createdAt(),
});

export const products = sqliteTable(
  'products',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    feedId: text('feed_id').references(() => productFeeds.id),
    sku: text('sku').notNull(),
    groupId: text('group_id'),
    title: text('title').notNull(),
    brand: text('brand'),
    gtin: text('gtin'),
    link: text('link').notNull(),
    imageUrl: text('image_url'),
    priceMinor: integer('price_minor'),
    salePriceMinor: integer('sale_price_minor'),
    currency: text('currency'),
    availability: text('availability', { enum: AVAILABILITIES }).notNull().default('in_stock'),
    /** Set when the product left the feed; kept (not deleted) so existing tags survive. */
    removedAt: integer('removed_at'),
    /** Hash of the imported fields, so an unchanged re-import touches nothing. */
    contentHash: text('content_hash'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('products_ws_sku').on(t.workspaceId, t.sku), index('products_ws_group').on(t.workspaceId, t.groupId)],
);

export const CATALOG_CHANGES = ['added', 'updated', 'missing'] as const;

/**
 * One import of a feed: previewed (its diff staged in catalog_import_rows), then applied in a
 * single batch, so a failure or a crash leaves the catalog as it was.
 */
export const catalogImports = sqliteTable(
  'catalog_imports',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    feedId: text('feed_id').notNull().references(() => productFeeds.id),
    status: text('status', { enum: ['previewed', 'applied', 'discarded'] }).notNull(),
    trigger: text('trigger', { enum: ['upload', 'url', 'schedule'] }).notNull(),
    added: integer('added').notNull(),
    updated: integer('updated').notNull(),
    unchanged: integer('unchanged').notNull(),
    missing: integer('missing').notNull(),
    invalid: integer('invalid').notNull(),
    /** The first invalid rows, each with its line and reason. */
    errors: json<{ line: number; field?: string; message: string }[]>('errors').notNull(),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    appliedAt: integer('applied_at'),
    /** How many imports the workspace had applied when this preview was made: any more by apply time makes it stale. */
    appliedBefore: integer('applied_before').notNull().default(0),
  },
  (t) => [index('catalog_imports_feed').on(t.feedId, t.createdAt), index('catalog_imports_ws').on(t.workspaceId, t.createdAt)],
);

/** The staged diff of an import: only rows that change something, so a re-import of an unchanged feed writes nothing. */
export const catalogImportRows = sqliteTable(
  'catalog_import_rows',
  {
    importId: text('import_id').notNull().references(() => catalogImports.id),
    sku: text('sku').notNull(),
    change: text('change', { enum: CATALOG_CHANGES }).notNull(),
    line: integer('line').notNull(),
    productId: text('product_id').notNull(),
    groupId: text('group_id'),
    title: text('title').notNull(),
    brand: text('brand'),
    gtin: text('gtin'),
    link: text('link').notNull(),
    imageUrl: text('image_url'),
    priceMinor: integer('price_minor'),
    salePriceMinor: integer('sale_price_minor'),
    currency: text('currency'),
    availability: text('availability', { enum: AVAILABILITIES }).notNull(),
    contentHash: text('content_hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.sku] }), index('catalog_import_rows_change').on(t.importId, t.change)],
);

/** A product shown in a post, with a hotspot at (x, y) as fractions of the media's size. */
export const postProducts = sqliteTable(
  'post_products',
  {
    id: text('id').primaryKey(),
    postId: text('post_id').notNull().references(() => posts.id),
    productId: text('product_id').notNull().references(() => products.id),
    mediaId: text('media_id').references(() => postMedia.id),
    x: real('x').notNull(),
    y: real('y').notNull(),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('post_products_post').on(t.postId), index('post_products_product').on(t.productId)],
);

/* ---------- galleries ---------- */

export interface GalleryFilters {
  sourceIds?: string[];
  hashtags?: string[];
  productIds?: string[];
  /** Only the entries of this campaign of the workspace (domain/campaigns/entries.ts). */
  campaignId?: string;
}

export const galleries = sqliteTable(
  'galleries',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    name: text('name').notNull(),
    layout: text('layout', { enum: ['grid', 'masonry', 'carousel'] }).notNull().default('grid'),
    sort: text('sort', { enum: ['newest', 'manual', 'best'] }).notNull().default('newest'),
    filters: json<GalleryFilters>('filters').notNull().default(sql`'{}'`),
    /** How many posts a page shows by default. */
    pageSize: integer('page_size').notNull().default(12),
    /** Shown instead when a product filter matches fewer than `min_posts` posts. */
    fallbackGalleryId: text('fallback_gallery_id'),
    minPosts: integer('min_posts').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('galleries_workspace').on(t.workspaceId)],
);

/** Manual order and pins for a gallery; posts still pass the publicness check to appear. */
export const galleryPosts = sqliteTable(
  'gallery_posts',
  {
    galleryId: text('gallery_id').notNull().references(() => galleries.id),
    postId: text('post_id').notNull().references(() => posts.id),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.galleryId, t.postId] }), index('gallery_posts_order').on(t.galleryId, t.position)],
);

/* ---------- tracking and reports ---------- */

/** Raw widget events, idempotent on (workspace, client event id). */
export const events = sqliteTable(
  'events',
  {
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    id: text('id').notNull(),
    type: text('type').notNull(),
    visitorId: text('visitor_id').notNull(),
    sessionId: text('session_id').notNull(),
    /** True when the visitor is in the randomized holdout (saw no gallery). */
    holdout: integer('holdout', { mode: 'boolean' }).notNull().default(false),
    galleryId: text('gallery_id'),
    postId: text('post_id'),
    productId: text('product_id'),
    occurredAt: integer('occurred_at').notNull(),
    receivedAt: integer('received_at').notNull(),
    payload: json<Record<string, unknown>>('payload'),
    /**
     * The ingest request that stored the row. A repeated event keeps its first batch id, so the
     * rollups a request adds are read back from exactly the rows it inserted (never double-counted).
     */
    batchId: text('batch_id'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('events_visitor').on(t.workspaceId, t.visitorId, t.occurredAt),
    index('events_ws_received').on(t.workspaceId, t.receivedAt),
  ],
);

/**
 * Who saw what, per UTC day: one row per visitor and day for the workspace (`gallery_id` '')
 * and per gallery. Distinct visitors over a range cannot be summed from daily counters, so
 * engaged vs not-engaged rates and the holdout comparison are counted from these rows.
 */
export const visitorDays = sqliteTable(
  'visitor_days',
  {
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    galleryId: text('gallery_id').notNull(),
    day: text('day').notNull(),
    visitorId: text('visitor_id').notNull(),
    /** In the randomized holdout (recomputed by the server, never taken from the client). */
    holdout: integer('holdout').notNull().default(0),
    /** 1 when a gallery was seen (or, in the holdout, would have been). */
    exposed: integer('exposed').notNull().default(0),
    /** 1 when a post was opened or a product clicked. */
    engaged: integer('engaged').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.galleryId, t.day, t.visitorId] }),
    // Covers the reports' visitor scan, so it never reads the table itself.
    index('visitor_days_report').on(t.workspaceId, t.galleryId, t.day, t.visitorId, t.holdout, t.engaged),
    // Erasing one visitor (`POST /v1/forget`, `DELETE /admin/visitors/:id`) finds their days;
    // the `visitor_day_gaps` triggers find a day's neighbours in one scope from the index alone.
    index('visitor_days_by_visitor').on(t.workspaceId, t.visitorId, t.galleryId, t.day, t.holdout, t.engaged),
  ],
);

/**
 * Each visitor's latest activity, for the workspace (`gallery_id` '') and per gallery. A range
 * that ends today holds exactly the visitors last seen on or after its first day, so the reports'
 * usual ranges count distinct visitors with one indexed scan and no grouping; older ranges fall
 * back to `visitor_days`.
 */
export const visitors = sqliteTable(
  'visitors',
  {
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    galleryId: text('gallery_id').notNull(),
    visitorId: text('visitor_id').notNull(),
    holdout: integer('holdout').notNull().default(0),
    lastSeenDay: text('last_seen_day').notNull(),
    /** The last day the visitor opened a post or clicked a product; null if never. */
    lastEngagedDay: text('last_engaged_day'),
    /** The day of the visitor's latest order; null if none. */
    lastOrderDay: text('last_order_day'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.galleryId, t.visitorId] }),
    index('visitors_recent').on(t.workspaceId, t.galleryId, t.lastSeenDay, t.holdout, t.lastEngagedDay, t.visitorId),
    // An order updates every gallery row of its visitor.
    index('visitors_by_visitor').on(t.workspaceId, t.visitorId),
  ],
);

/**
 * How many visitors were last seen on each day (and last engaged, and last ordered, on each day,
 * '' for never), by holdout group. Kept in step with `visitors` in the same batch (moved out of the old bucket,
 * into the new one), so the visitors of a range ending today are a sum over at most days² small
 * rows, however many visitors there are.
 */
export const visitorRecency = sqliteTable(
  'visitor_recency',
  {
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    galleryId: text('gallery_id').notNull(),
    lastSeenDay: text('last_seen_day').notNull(),
    lastEngagedDay: text('last_engaged_day').notNull(),
    holdout: integer('holdout').notNull(),
    /** The day of the latest order, '' for none: buyers of a range ending today are a sum too. */
    lastOrderDay: text('last_order_day').notNull(),
    visitors: integer('visitors').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.galleryId, t.lastSeenDay, t.lastEngagedDay, t.holdout, t.lastOrderDay] })],
);

/**
 * Distinct visitors of any past range as a sum of small rows. Each visitor's days in a scope (the
 * workspace '', or a gallery) form chains: `seen` (every day in `visitor_days`), `held` (days in
 * the holdout), `held_or_engaged` (days in the holdout or engaged). A visitor enters a range's
 * chain once, at the first chain day in it: the one whose previous chain day (`prev_day`, '' for
 * none) lies before the range. So the visitors of [from, to] in a chain are the sum of its rows
 * with `day` in the range and `prev_day` < from: at most days × days rows, however many visitors.
 * Kept in step with `visitor_days` by triggers (drizzle/0020_visitor_day_gaps.sql), for every
 * insert, delete and holdout/engaged change; `visitor_days` rows never change day or visitor.
 */
export const visitorDayGaps = sqliteTable(
  'visitor_day_gaps',
  {
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    galleryId: text('gallery_id').notNull(),
    chain: text('chain', { enum: ['seen', 'held', 'held_or_engaged'] }).notNull(),
    day: text('day').notNull(),
    prevDay: text('prev_day').notNull(),
    visitors: integer('visitors').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.galleryId, t.chain, t.day, t.prevDay] })],
);

export interface OrderItem {
  itemId: string;
  name?: string;
  price?: number;
  quantity: number;
}

/** One row per transaction id per workspace: an order counts once, whichever channel came first. */
export const orders = sqliteTable(
  'orders',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    transactionId: text('transaction_id').notNull(),
    valueMinor: integer('value_minor').notNull(),
    currency: text('currency').notNull(),
    items: json<OrderItem[]>('items').notNull(),
    visitorId: text('visitor_id'),
    sessionId: text('session_id'),
    /**
     * Provenance: `beacon` was reported by a browser (anyone can send one), `api` was confirmed
     * by the merchant's server with an API key and replaces a browser report of the same id.
     */
    channel: text('channel', { enum: ['beacon', 'api'] }).notNull(),
    occurredAt: integer('occurred_at').notNull(),
    receivedAt: integer('received_at').notNull(),
  },
  (t) => [
    uniqueIndex('orders_ws_transaction').on(t.workspaceId, t.transactionId),
    // Covers the reports' orders of a range (by currency and channel) and their buyers.
    index('orders_ws_occurred').on(t.workspaceId, t.occurredAt, t.currency, t.channel, t.valueMinor, t.visitorId),
    // A buyer's latest order day is recomputed from their orders when a confirmation moves one.
    index('orders_ws_visitor').on(t.workspaceId, t.visitorId),
  ],
);

/** Credit an order gives to the UGC the visitor touched: last touch, or assisted. */
export const orderAttributions = sqliteTable(
  'order_attributions',
  {
    orderId: text('order_id').notNull().references(() => orders.id),
    kind: text('kind', { enum: ['last_click', 'last_view', 'assisted'] }).notNull(),
    galleryId: text('gallery_id'),
    postId: text('post_id'),
    productId: text('product_id'),
    valueMinor: integer('value_minor').notNull(),
  },
  (t) => [index('order_attributions_order').on(t.orderId), index('order_attributions_post').on(t.postId)],
);

/**
 * Daily aggregates, updated incrementally. `dimension` is 'workspace', 'gallery', 'post' or
 * 'product'; `dimension_id` is '' for the workspace total so the primary key stays simple.
 */
export const dailyRollups = sqliteTable(
  'daily_rollups',
  {
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    day: text('day').notNull(),
    dimension: text('dimension', { enum: ['workspace', 'gallery', 'post', 'product'] }).notNull(),
    dimensionId: text('dimension_id').notNull(),
    impressions: integer('impressions').notNull().default(0),
    opens: integer('opens').notNull().default(0),
    productClicks: integer('product_clicks').notNull().default(0),
    addToCarts: integer('add_to_carts').notNull().default(0),
    orders: integer('orders').notNull().default(0),
    revenueMinor: integer('revenue_minor').notNull().default(0),
    assistedOrders: integer('assisted_orders').notNull().default(0),
    assistedRevenueMinor: integer('assisted_revenue_minor').notNull().default(0),
    /** The part of the four order counters above that comes from server-confirmed orders. */
    confirmedOrders: integer('confirmed_orders').notNull().default(0),
    confirmedRevenueMinor: integer('confirmed_revenue_minor').notNull().default(0),
    confirmedAssistedOrders: integer('confirmed_assisted_orders').notNull().default(0),
    confirmedAssistedRevenueMinor: integer('confirmed_assisted_revenue_minor').notNull().default(0),
    /** The part of `impressions` seen by visitors with analytics consent (the rest is aggregate-only). */
    consentedImpressions: integer('consented_impressions').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.day, t.dimension, t.dimensionId] })],
);

/* ---------- outgoing webhooks ---------- */

export const webhookEndpoints = sqliteTable('webhook_endpoints', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
  url: text('url').notNull(),
  /** Encrypted like Instagram tokens; used to sign each delivery. */
  secretCiphertext: text('secret_ciphertext').notNull(),
  events: json<string[]>('events').notNull(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  createdAt: createdAt(),
});

export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    endpointId: text('endpoint_id').notNull().references(() => webhookEndpoints.id),
    event: text('event').notNull(),
    payload: json<unknown>('payload').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at'),
    lastError: text('last_error'),
    createdAt: createdAt(),
  },
  (t) => [index('webhook_deliveries_due').on(t.status, t.nextAttemptAt)],
);

/* ---------- reuse (ads feed, email block) ---------- */

export const REUSE_FEEDS = ['ads', 'email'] as const;
export type ReuseFeed = (typeof REUSE_FEEDS)[number];

/**
 * The nonce each secret reuse URL is signed over (domain/reuse/keys.ts). No row: the feed has
 * never been rotated and signs over the empty nonce; a rotation writes a fresh random one, so
 * every URL made before stops working.
 */
export const reuseKeys = sqliteTable(
  'reuse_keys',
  {
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    feed: text('feed', { enum: REUSE_FEEDS }).notNull(),
    nonce: text('nonce').notNull(),
    rotatedAt: integer('rotated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.feed] })],
);

/* ---------- campaigns and their draws ---------- */

export const CAMPAIGN_STATUSES = ['draft', 'published', 'archived'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const WINNER_METHODS = ['draw', 'jury'] as const;

/**
 * A contest run on a hashtag (domain/campaigns/). Its entries are not stored: they are the
 * workspace's posts whose caption carries the hashtag and whose post time falls within the dates
 * (domain/campaigns/entries.ts), so moderation, consent and erasure apply to them as they
 * happen. What a draw saw is stored: the eligible entries' ids, frozen when it ran.
 *
 * The id is the slug of the public URLs (`/v1/campaigns/<id>/draw`), unique across workspaces.
 */
export const campaigns = sqliteTable(
  'campaigns',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    name: text('name').notNull(),
    /** Lowercase, without '#', letters, digits and _ (the galleries' hashtag filter's rule). */
    hashtag: text('hashtag').notNull(),
    startsAt: integer('starts_at').notNull(),
    endsAt: integer('ends_at').notNull(),
    description: text('description').notNull().default(''),
    prizes: json<string[]>('prizes').notNull().default(sql`'[]'`),
    status: text('status', { enum: CAMPAIGN_STATUSES }).notNull().default('draft'),
    /** How many winners a draw picks, and how many entries one author may have in it. */
    winnerCount: integer('winner_count').notNull().default(1),
    entriesPerAuthor: integer('entries_per_author').notNull().default(1),
    /** The draw, commit–reveal: scheduled with a sealed random seed whose SHA-256 is public. */
    drawAt: integer('draw_at'),
    drawSeedSealed: text('draw_seed_sealed'),
    drawSeedHash: text('draw_seed_hash'),
    /** Revealed (in clear) once the draw ran, with the eligible entries it drew from. */
    drawSeed: text('draw_seed'),
    drawnAt: integer('drawn_at'),
    drawEntryIds: json<string[]>('draw_entry_ids'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('campaigns_workspace').on(t.workspaceId), index('campaigns_draw_due').on(t.drawnAt, t.drawAt)],
);

/** Official rules: a change makes a new version, never an edit, hashed like the usage terms. */
export const campaignRules = sqliteTable(
  'campaign_rules',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    campaignId: text('campaign_id').notNull().references(() => campaigns.id),
    version: integer('version').notNull(),
    language: text('language').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** SHA-256 hex of the canonical text shown to entrants (domain/rights/terms.ts, shownTextHash). */
    contentHash: text('content_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('campaign_rules_version_lang').on(t.campaignId, t.version, t.language)],
);

/** A campaign's winners: drawn (rank in the draw) or picked by a jury (who picked is `picked_by`). */
export const campaignWinners = sqliteTable(
  'campaign_winners',
  {
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    campaignId: text('campaign_id').notNull().references(() => campaigns.id),
    postId: text('post_id').notNull().references(() => posts.id),
    rank: integer('rank').notNull(),
    method: text('method', { enum: WINNER_METHODS }).notNull(),
    pickedBy: text('picked_by').references(() => users.id),
    pickedAt: integer('picked_at').notNull(),
    /** When the merchant told the winner (they send the message themselves), and who (migration 0021). */
    notifiedAt: integer('notified_at'),
    notifiedBy: text('notified_by').references(() => users.id),
    /** When a request began emailing the winner: the one claim that may send (migration 0022). */
    emailClaimedAt: integer('email_claimed_at'),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.postId] })],
);

/** One stored rendition of a submission's file, as media_variants will hold it once confirmed. */
export interface SubmissionFile {
  mediaId: string;
  type: 'image' | 'video';
  width: number;
  height: number;
  variants: { id: string; role: 'original' | 'display' | 'poster' | 'video'; format: 'webp' | 'jpeg' | 'png' | 'mp4'; width: number; height: number; bytes: number; storageKey: string }[];
}

/**
 * A creator's submission to a campaign from its public page (`/c/<id>`, domain/campaigns/
 * submissions.ts). Until the email is confirmed it is nothing but this row and its stored files:
 * no post, no entry, nothing in the inbox; unconfirmed, it is deleted with its files after 48 h.
 * Confirmation makes the post and the consent record. The two links' tokens are kept hashed.
 * The email address is personal data with a retention end (`email_erase_at`); its keyed hash
 * stays, in the consent evidence and here (the draw counts one entrant per address).
 */
export const campaignSubmissions = sqliteTable(
  'campaign_submissions',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    campaignId: text('campaign_id').notNull().references(() => campaigns.id),
    /** The Instagram handle as typed, without '@': not verified. */
    handle: text('handle').notNull(),
    /** Null once erased (retention end, or the entrant's erasure). */
    email: text('email'),
    emailHash: text('email_hash').notNull(),
    language: text('language').notNull(),
    confirmTokenHash: text('confirm_token_hash').notNull().unique(),
    manageTokenHash: text('manage_token_hash').notNull().unique(),
    /** The stored files, waiting for confirmation; emptied once they belong to the post. */
    files: json<SubmissionFile[]>('files').notNull(),
    termsVersionId: text('terms_version_id').notNull().references(() => termsVersions.id),
    rulesId: text('rules_id').notNull().references(() => campaignRules.id),
    ipHash: text('ip_hash').notNull(),
    userAgent: text('user_agent').notNull(),
    submittedAt: integer('submitted_at').notNull(),
    /** Unconfirmed submissions are deleted, with their files, at this time. */
    confirmBy: integer('confirm_by').notNull(),
    confirmedAt: integer('confirmed_at'),
    /** The post the confirmation made (an entry of the campaign). */
    postId: text('post_id').references(() => posts.id),
    emailEraseAt: integer('email_erase_at').notNull(),
    emailErasedAt: integer('email_erased_at'),
  },
  (t) => [
    index('campaign_submissions_campaign').on(t.campaignId),
    index('campaign_submissions_post').on(t.postId),
    index('campaign_submissions_unconfirmed').on(t.confirmedAt, t.confirmBy),
    index('campaign_submissions_email_erase').on(t.emailErasedAt, t.emailEraseAt),
  ],
);
