/**
 * Response shapes of the admin API, shared by the server (which builds them) and the panel
 * (which reads them). Inputs are validated by the zod schemas in `shared/schemas/`.
 */
import type { PublicCampaignDraw, PublicMedia, PublicProduct } from './api-types.ts';
import type { PostPerformance } from './report-types.ts';
import type { PanelLocale } from './panel-locales.ts';
import type { RightsLanguage } from './schemas/rights.ts';

export type Role = 'owner' | 'merchandiser' | 'analyst';
export type ModerationStatus = 'pending' | 'approved' | 'rejected' | 'hidden';
export type RightsStatus = 'none' | 'requested' | 'author_replied' | 'granted' | 'declined' | 'withdrawn';
export type SourceKind = 'hashtag' | 'tagged' | 'mentions' | 'own' | 'manual' | 'import';

/** `GET /admin/auth/session` and every sign-in. */
export interface SessionView {
  /** `locale`: the panel language the user chose (`en`, `fr`); null follows the browser's. */
  user: { id: string; email: string; name: string; locale: PanelLocale | null };
  workspace: { id: string; name: string };
  role: Role;
  /** Send back in `X-CSRF-Token` on every state-changing request. */
  csrfToken: string;
  workspaces: { id: string; name: string; role: Role }[];
}

/** A post as the inbox shows it. */
export interface AdminPost {
  id: string;
  mediaType: 'image' | 'video' | 'carousel';
  caption: string;
  author: { username: string | null };
  permalink: string | null;
  /** ISO 8601. */
  publishedAt: string;
  collectedAt: string;
  moderation: {
    status: ModerationStatus;
    /** When an auto-moderation rule decided: which rule and why, in words. */
    ruleId: string | null;
    reason: string | null;
    at: string | null;
  };
  /**
   * `verification`: how the consent was tied to its author (`account`, accepted `page`-only, or
   * `awaiting` the author's reply); `erasureDueAt`: erasure requested through the link, media
   * deleted then (ISO), the post cannot be published again.
   */
  rights: { status: RightsStatus; expiresAt: string | null; verification: 'account' | 'page' | 'awaiting' | 'email' | null; erasureDueAt: string | null };
  sourceDeleted: boolean;
  /** Whether shoppers can see it right now (the publicness rule, as the public API applies it). */
  isPublic: boolean;
  sources: { id: string; kind: SourceKind; label: string }[];
  /** Stored media with display variants; a post still being re-hosted has none yet. */
  media: PublicMedia[];
  /**
   * Its media not stored (yet): `pending` is being re-hosted (retried with backoff); `failed`
   * gave up, with why (e.g. Instagram gave neither a still image nor the file of a video).
   */
  mediaIssues: { position: number; type: 'image' | 'video'; status: 'pending' | 'failed'; error: string | null }[];
  productCount: number;
  /** The last 30 days from the tracking rollups; null when nothing was tracked for it. */
  performance: PostPerformance | null;
}

/** `GET /admin/posts` */
export interface AdminPostsPage {
  posts: AdminPost[];
  nextCursor: string | null;
  /** Posts per status under the same filters (search included), for the inbox tabs. */
  counts: Record<ModerationStatus, number>;
}

/** `POST /admin/posts/moderation`: what changed, so the panel can offer undo. */
export interface ModerationResult {
  /** Each post's status before this change; send them back (grouped by status) to undo. */
  previous: { id: string; status: ModerationStatus }[];
}

/** `GET /admin/posts/:id`: the inbox's detail view. */
export interface AdminPostDetail extends AdminPost {
  /** One entry per tag (hotspot); `tagId` moves or removes it. */
  products: (PublicProduct & { tagId: string; hotspot: { mediaId: string | null; x: number; y: number } })[];
  consent: {
    id: string;
    kind: 'granted' | 'declined' | 'withdrawn';
    channel: string;
    /**
     * Grants: `account` (the author's own Instagram account acted), `page` (the rights page alone)
     * or `email` (a campaign submission: the uploader confirmed an email; the handle is not verified).
     */
    verification: 'account' | 'page' | 'email' | null;
    recordedAt: string;
    termsHash: string | null;
    expiresAt: string | null;
  }[];
}

export interface ModerationRule {
  id: string;
  kind: 'blocked_word' | 'blocked_hashtag' | 'blocked_author' | 'trusted_author' | 'min_resolution';
  value: string;
  createdAt: string;
}

export interface AdminGallery {
  id: string;
  name: string;
  layout: 'grid' | 'masonry' | 'carousel';
  sort: 'newest' | 'manual' | 'best';
  filters: { sourceIds?: string[]; hashtags?: string[]; productIds?: string[]; campaignId?: string };
  pageSize: number;
  /** Post ids in manual order (first shown first); posts not listed follow, newest first. */
  manualOrder: string[];
  /** Ready to paste into a store page. */
  embedCode: string;
  /** The same gallery as a Shopify theme section (Liquid), to add in the theme editor. */
  shopifySection: string;
  updatedAt: string;
}

/** A page whose events were refused: its origin is not among the workspace's allowed origins. */
export interface RefusedOrigin {
  origin: string;
  firstSeenAt: number;
  lastSeenAt: number;
  /** Refusals noted, at most one a minute: a lower bound of the batches refused. */
  times: number;
}

export interface WorkspaceView {
  id: string;
  name: string;
  instagramHandle: string | null;
  approvalHashtag: string | null;
  allowedOrigins: string[];
  settings: { clickWindowHours: number; viewWindowHours: number; holdoutShare: number; eventRetentionDays: number; confirmedOrdersOnly: boolean; acceptPageOnlyForPrivateRequests: boolean; instagramDataRetentionDays: number; consentDefault: 'granted' | 'denied' };
}

/** A product an import adds, updates or finds missing, with the price shoppers would pay. */
export interface CatalogImportSample {
  sku: string;
  title: string;
  price: PublicProduct['price'];
  /** For an update: the price in the catalog now (null when it has none). */
  previousPrice: PublicProduct['price'];
}

/** A row of the catalog table: the product as shoppers see it, its feed and its use. */
export interface CatalogProduct extends PublicProduct {
  /** The feed it came from; null for products added otherwise. */
  feed: string | null;
  /** How many posts are tagged with it. */
  taggedPosts: number;
}

/** `GET /admin/catalog/products` */
export interface CatalogProductsPage {
  products: CatalogProduct[];
  /** Products matching the search, across all pages. */
  total: number;
  /** Pass as `offset` for the next page; null on the last. */
  nextOffset: number | null;
}

/** The steps of a new workspace's checklist, in the order they are best done. */
export type GettingStartedStep = 'instagram' | 'webhooks' | 'source' | 'brand' | 'terms' | 'catalog' | 'gallery' | 'origins' | 'embed';

/** `GET /admin/workspace/getting-started` */
export interface GettingStarted {
  /** Every step, done or not; each is read from the data it produces. */
  steps: { id: GettingStartedStep; done: boolean }[];
  /** Where rights links and the embed code point. */
  publicOrigin: string;
  /** Why people outside cannot open `publicOrigin` (loopback, a private or local name, http), or null. */
  publicOriginProblem: string | null;
}

/** A connected Instagram business account; the token never comes back from the server. */
export interface ConnectionView {
  id: string;
  igUserId: string;
  username: string;
  status: 'active' | 'expired' | 'revoked' | 'error';
  statusReason: string | null;
  /** ISO 8601. */
  tokenExpiresAt: string;
  /** When Meta's webhook last reached Vitrine for this account (ISO 8601); null: never. */
  lastWebhookAt: string | null;
}

export interface HashtagQuota {
  used: number;
  limit: number;
  /** The hashtags counted this week, each with when its slot frees (ISO 8601). */
  hashtags: { hashtag: string; freesAt: string }[];
}

export interface SourceView {
  id: string;
  kind: SourceKind;
  label: string;
  /** The Instagram account it collects through; null for uploads and imports (or once disconnected). */
  connectionId: string | null;
  enabled: boolean;
  intervalSeconds: number;
  /** ISO 8601. */
  lastRunAt: string | null;
  /** What the last run found: posts new to the workspace, and stored posts seen again (null: never ran). */
  lastRun: { created: number; linked: number } | null;
  nextRunAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
}

/** `GET /admin/sources`: where Meta must send webhooks for @mentions, and whether it can. */
export interface MentionsWebhookSetup {
  /** The callback URL to enter in the Meta app's Webhooks settings. */
  address: string;
  /** VITRINE_IG_VERIFY_TOKEN is set: Meta's subscription handshake can succeed. */
  handshakeReady: boolean;
  /** VITRINE_IG_APP_SECRET is set: notifications' signatures can be checked (else they are refused). */
  signaturesChecked: boolean;
}

/** `POST /admin/sources/:id/run` */
export interface SourceRunResult {
  created: number;
  linked: number;
  error: string | null;
  source: SourceView;
}

/** `POST /admin/imports` */
export interface ImportReport {
  dryRun: boolean;
  total: number;
  valid: number;
  imported: number;
  /** Lines already imported before (same permalink or image URL): left alone. */
  duplicates: number[];
  errors: { line: number; field: string; reason: string }[];
}

/** `POST /admin/rights/requests` and `GET /admin/rights/requests?postId=` (newest first). */
export interface RightsRequest {
  id: string;
  postId: string;
  /** `api_comment`: Vitrine replied on Instagram itself; `manual`: the merchandiser sends the message by hand. */
  channel: 'api_comment' | 'manual';
  status: 'draft' | 'sent' | 'author_replied' | 'granted' | 'declined' | 'withdrawn' | 'expired';
  language: string;
  /** The filled message, with the signed link to the rights page; null for analysts (the link is the author's credential). */
  message: string | null;
  link: string | null;
  /** How the request reached the author: `direct_message` is the only private way. */
  sentVia: 'api_comment' | 'comment' | 'direct_message' | null;
  /** Verification of the author's identity when agreed on the page only: waiting for their reply from their account. */
  awaitingVerification: boolean;
  /** Where to paste the message (the post on Instagram), when known. */
  permalink: string | null;
  createdAt: string;
  sentAt: string | null;
  /** What the author answered in a comment, word for word (untrusted text). */
  replyText: string | null;
}

/* ---------- product catalog ---------- */

export type CatalogFormat = 'merchant_xml' | 'merchant_tsv' | 'shopify_json' | 'csv';

/** `GET /admin/catalog/feeds`: where products come from (an uploaded file or a URL refreshed on a schedule). */
export interface CatalogFeed {
  id: string;
  name: string;
  format: CatalogFormat;
  /** Fetched on `refreshHours` when set; null for feeds imported by upload. */
  url: string | null;
  refreshHours: number | null;
  /** ISO 4217, for rows whose price has no currency. */
  currency: string | null;
  /** The store's address, for Shopify rows (links are built from each product's handle). */
  storeUrl: string | null;
  productCount: number;
  lastImportAt: number | null;
  nextRunAt: number | null;
  lastError: string | null;
  /** The newest import previewed and neither applied nor discarded yet: it waits for review. */
  waitingImportId: string | null;
}

export interface CatalogRowError {
  /** 1-based line of the file where the row starts. */
  line: number;
  field?: string;
  message: string;
}

/**
 * `POST /admin/catalog/feeds/:id/imports` (the file as the raw body, or no body to fetch the
 * feed's URL) answers a preview; `POST /admin/catalog/imports/:id/apply` applies it at once.
 */
export interface CatalogImport {
  id: string;
  feedId: string;
  status: 'previewed' | 'applied' | 'discarded';
  trigger: 'upload' | 'url' | 'schedule';
  added: number;
  updated: number;
  unchanged: number;
  /** In the catalog from this feed but not in the file: marked unavailable on apply, never deleted. */
  missing: number;
  invalid: number;
  /** The first invalid rows (at most 200), each with its line and reason. */
  errors: CatalogRowError[];
  /** A few rows of each change, for the preview. */
  samples: Record<'added' | 'updated' | 'missing', CatalogImportSample[]>;
  createdAt: number;
  appliedAt: number | null;
}

/* ---------- members, audit, inputs the panel sends, rights terms, webhooks ---------- */

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  since: number;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  expiresAt: number;
}

export interface AuditEntry {
  id: string;
  at: number;
  actorKind: string;
  actorEmail: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
}

/** The kinds of source that collect from Instagram (uploads and imports are made by hand). */
export type InstagramSourceKind = 'hashtag' | 'tagged' | 'mentions' | 'own';

export interface SourceInput {
  kind: InstagramSourceKind;
  connectionId: string;
  hashtag?: string;
  intervalSeconds?: number;
}

/** `DELETE /admin/visitors/:visitorId`: what was erased (orders are kept, unlinked from the visitor). */
export interface ErasedVisitor {
  events: number;
  visitorDays: number;
  orders: number;
}

export type GalleryInput = Pick<AdminGallery, 'name' | 'layout' | 'sort' | 'filters' | 'pageSize'>;
/** What an owner's deletion of Instagram data erased; call again while `remaining` > 0. */
export interface ErasedData {
  erased: number;
  remaining: number;
}

/** `DELETE /admin/instagram/connections/:id?deleteData=true`: the connection goes once its data is gone. */
export interface RemovedConnection extends ErasedData {
  disconnected: boolean;
}

export type WorkspaceInput = Partial<Pick<WorkspaceView, 'name' | 'instagramHandle' | 'approvalHashtag' | 'allowedOrigins'>> & {
  settings?: Partial<WorkspaceView['settings']>;
};

export type RequestLanguage = RightsLanguage;

export type RightsScope = 'website' | 'social' | 'ads' | 'print' | 'email';

export interface Terms {
  id: string;
  version: number;
  language: RequestLanguage;
  title: string;
  body: string;
  scope: RightsScope[];
  /** Null: the permission has no end date (it can always be withdrawn). */
  durationDays: number | null;
  contentHash: string;
  createdAt: string;
}

export type TermsInput = Pick<Terms, 'language' | 'title' | 'body' | 'scope' | 'durationDays'>;

export type WebhookEvent = 'rights.granted' | 'rights.declined' | 'rights.withdrawn' | 'post.erased';

/** A new product feed: an uploaded file, or a URL fetched every `refreshHours`. */
export interface FeedInput {
  name: string;
  format: CatalogFormat;
  url?: string | null;
  refreshHours?: number | null;
  currency?: string | null;
  storeUrl?: string | null;
}

/** A hotspot as the tagging routes answer it: a product at (x, y), fractions of its media. */
export interface TagView {
  id: string;
  productId: string;
  mediaId: string | null;
  x: number;
  y: number;
}

export interface WebhookEndpoint {
  id: string;
  url: string;
  events: WebhookEvent[];
  enabled: boolean;
  createdAt: string;
}

/** `GET /admin/reuse`: the secret URLs of the reuse feeds (owners and merchandisers). */
export interface AdminReuseFeeds {
  /** The Merchant Center supplemental feed (TSV) of approved photos whose consent covers ads. */
  ads: { url: string; rotatedAt: string | null };
  /** The email block of each gallery (HTML), only posts whose consent covers email. */
  email: { rotatedAt: string | null; galleries: { id: string; name: string; url: string }[] };
}

/** A campaign's official rules, one version in one language (hashed like the usage terms). */
export interface CampaignRulesView {
  id: string;
  version: number;
  language: string;
  title: string;
  body: string;
  contentHash: string;
  createdAt: string;
}

/** `GET /admin/campaigns/:id`. */
export interface AdminCampaign {
  id: string;
  name: string;
  hashtag: string;
  startsAt: string;
  endsAt: string;
  description: string;
  prizes: string[];
  status: 'draft' | 'published' | 'archived';
  winnerCount: number;
  entriesPerAuthor: number;
  /** The newest rules in each language. */
  rules: CampaignRulesView[];
  /** Posts with the hashtag within the dates, and how many would be eligible for a draw now. */
  entries: { total: number; eligible: number };
  draw: PublicCampaignDraw;
  /** Every winner, drawn or picked, with who picked a jury's. */
  winners: { postId: string; rank: number; method: 'draw' | 'jury'; pickedBy: string | null; pickedAt: string }[];
  createdAt: string;
  updatedAt: string;
}

/** One winner of a campaign and the message to send them (`GET /admin/campaigns/:id/winners`). */
export interface AdminCampaignWinner {
  postId: string;
  rank: number;
  method: 'draw' | 'jury';
  pickedBy: string | null;
  pickedAt: string;
  /** The entry's author (Instagram handle), null when unknown or erased. */
  author: string | null;
  permalink: string | null;
  /** `instagram`: a collected post, whose author is told by DM or comment; `other`: an upload or a submission. */
  channel: 'instagram' | 'other';
  prize: string | null;
  /** The claim deadline given in the message: `claimDays` after it was sent, or after now until then. */
  claimBy: string;
  notifiedAt: string | null;
  /** The email of who marked it sent. */
  notifiedBy: string | null;
  /**
   * Whether Vitrine can email this winner (`POST .../email`): `on_record`, the address a
   * submission confirmed; `erased`, it was (retention end, or the entrant's erasure); `none`, an
   * Instagram entrant or an upload, who gave none.
   */
  email: 'on_record' | 'erased' | 'none';
  /** The address on record, masked (`j***@example.com`), for owners and merchandisers; null for analysts or without one. */
  emailMasked: string | null;
  /**
   * `language`: the one asked, else the entrant's own (a submission's page language), else the
   * campaign's. `short` (≤ 300 characters, for a DM or a comment reply) only for Instagram entrants.
   */
  message: { language: 'en' | 'fr'; subject: string; text: string; short: string | null };
}

export interface AdminCampaignWinners {
  campaignId: string;
  /** The language asked, else the campaign's (a submission's winner may be written to in their own). */
  language: 'en' | 'fr';
  claimDays: number;
  /** This deployment sends mail: winners with an address on record can be emailed. */
  mail: boolean;
  winners: AdminCampaignWinner[];
}
