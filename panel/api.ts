/**
 * The panel's only way to the server: the admin API on the same origin, with the session cookie.
 * Every state-changing call carries the session's CSRF token; a 401 anywhere means the session
 * ended, so the panel drops it and shows the sign-in page.
 */
import type { z } from 'zod';
import type { campaignInput, campaignPatch } from '../shared/schemas/campaigns.ts';
import type {
  AdminCampaign,
  AdminCampaignWinners,
  AdminGallery,
  AdminReuseFeeds,
  AdminPostDetail,
  AdminPostsPage,
  CatalogProductsPage,
  GettingStarted,
  MentionsWebhookSetup,
  ModerationResult,
  ModerationRule,
  ModerationStatus,
  RefusedOrigin,
  Role,
  SessionView,
  WorkspaceView,
} from '../shared/admin-types.ts';
import type { ApiErrorBody, GalleryPostsResponse, PublicCampaignDraw, PublicProduct } from '../shared/api-types.ts';
import type { ReportOverview, ReportTop, TrendsReport } from '../shared/report-types.ts';
import type { ConnectionView as Connection, HashtagQuota, ImportReport, RightsRequest, SourceRunResult as RunResult, SourceView as Source } from '../shared/admin-types.ts';

import type {
  AuditEntry,
  CatalogFeed,
  CatalogFormat,
  CatalogImport,
  FeedInput,
  GalleryInput,
  Invitation,
  Member,
  RequestLanguage,
  RightsScope,
  SourceInput,
  TagView,
  Terms,
  TermsInput,
  WebhookEndpoint,
  WebhookEvent,
  WorkspaceInput,
  ErasedData,
  RemovedConnection,
  ErasedVisitor,
} from '../shared/admin-types.ts';
export type { CatalogFeed, CatalogFormat, CatalogImport, Connection, HashtagQuota, ImportReport, RightsRequest, RunResult, Source };
import { $session } from './stores/session.ts';
import { $locale, t } from './i18n/i18n.ts';
import type { PanelLocale } from '../shared/panel-locales.ts';

/** A refusal from the API, with its sentence for people and the form field at fault, if any. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field: string | undefined,
    /** The whole answer, for refusals that carry more than the error (an import's report). */
    readonly body: unknown = undefined,
  ) {
    super(message);
  }
}

/**
 * A refusal in the panel's language where the panel knows it (wrong credentials, too many
 * attempts); otherwise the API's own sentence, which is English.
 */
export function describe(error: ApiError): string {
  if (error.code === 'invalid_credentials') return t('common.invalidCredentials');
  if (error.status === 429 && $locale.get() !== 'en') return t('common.tooMany');
  return error.message;
}

/** A sentence for any failure of a call: the API's own, or what went wrong on the way. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return describe(error);
  return t('common.unreachable');
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A body sent as it is rather than as JSON: a file with its type, or a multipart form (no type: the browser sets it). */
class RawBody {
  constructor(
    readonly body: Blob | FormData | string,
    readonly type: string | null,
  ) {}
}

async function request<T>(method: Method, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = {};
  const csrfToken = $session.get()?.csrfToken;
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let payload: Blob | FormData | string | undefined;
  if (body instanceof RawBody) {
    if (body.type) headers['Content-Type'] = body.type;
    payload = body.body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(`/admin${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    ...(payload !== undefined ? { body: payload } : {}),
    ...(signal ? { signal } : {}),
  });
  if (response.status === 401 && $session.get()) $session.set(null);
  if (!response.ok) throw await apiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** The API erases a bounded number of posts per call: call again until none remain (or none could be). */
async function eraseAll<T extends ErasedData>(call: () => Promise<T>): Promise<T> {
  let erased = 0;
  for (;;) {
    const answer = await call();
    erased += answer.erased;
    if (answer.remaining === 0 || answer.erased === 0) return { ...answer, erased };
  }
}

/** A file the API answers as an attachment (consent evidence), with the name it gives it. */
async function download(path: string, fallbackName: string): Promise<{ blob: Blob; filename: string }> {
  const response = await fetch(`/admin${path}`, { credentials: 'same-origin' });
  if (response.status === 401 && $session.get()) $session.set(null);
  if (!response.ok) throw await apiError(response);
  const named = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  return { blob: await response.blob(), filename: named ?? fallbackName };
}

async function apiError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as ApiErrorBody;
    const { error } = body;
    return new ApiError(response.status, error.code, error.message, error.field, body);
  } catch {
    // A proxy or a crash answered instead of the API: there is no body to read.
    return new ApiError(response.status, 'http_error', t('common.httpError', { status: response.status }), undefined);
  }
}

/** Drops empty values, so an unset filter is simply absent from the query string. */
function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export interface PostFilters {
  status: ModerationStatus;
  q: string;
  source: string;
  rights: string;
  hasProducts: '' | 'true' | 'false';
  mediaType: '' | 'image' | 'video' | 'carousel';
  /** yyyy-mm-dd, as a date input gives it; empty when unset. */
  from: string;
  to: string;
  /** A campaign's id: only its entries (the Campaigns page links here with `?campaign=`). */
  campaign: string;
}

/** What the campaign form sends (`POST /admin/campaigns`): the server's own schema, as sent. */
export type CampaignInput = z.input<typeof campaignInput>;

export type ImportFormat = 'csv' | 'tsv' | 'json';

const IMPORT_TYPES: Record<ImportFormat, string> = { csv: 'text/csv', tsv: 'text/tab-separated-values', json: 'application/json' };

export const REQUEST_LANGUAGES: Record<RequestLanguage, string> = { en: 'English', fr: 'Français', de: 'Deutsch', es: 'Español', it: 'Italiano' };

export const RIGHTS_SCOPES: Record<RightsScope, string> = { website: 'Website', social: 'Social media', ads: 'Advertising', print: 'Print', email: 'Email' };

export const WEBHOOK_EVENTS: Record<WebhookEvent, string> = {
  'rights.granted': 'Rights granted',
  'rights.declined': 'Rights declined',
  'rights.withdrawn': 'Rights withdrawn',
  'post.erased': 'Post erased at the author’s request',
};

export const api = {
  session: () => request<SessionView>('GET', '/auth/session'),
  updateMe: (input: { locale: PanelLocale | null }) => request<SessionView>('PATCH', '/auth/me', input),
  setupNeeded: () => request<{ needed: boolean }>('GET', '/auth/setup'),
  setup: (input: { setupToken: string; workspaceName: string; name: string; email: string; password: string }) => request<SessionView>('POST', '/auth/setup', input),
  signIn: (input: { email: string; password: string }) => request<SessionView>('POST', '/auth/sign-in', input),
  signOut: () => request<void>('POST', '/auth/sign-out'),
  changePassword: (input: { currentPassword: string; newPassword: string }) => request<void>('POST', '/auth/password', input),
  acceptInvitation: (input: { token: string; name: string; password: string }) => request<SessionView>('POST', '/auth/accept-invitation', input),

  /** A page of the inbox; with `collectedAfter` (epoch ms), only posts collected since then. */
  posts: (filters: PostFilters, cursor: string | null, limit: number, signal?: AbortSignal, collectedAfter?: number) => {
    // Dates are whole days in the merchandiser's own time zone: `to` includes its whole day.
    const day = (value: string, end: boolean) => (value ? new Date(`${value}T${end ? '23:59:59.999' : '00:00:00'}`).toISOString() : '');
    return request<AdminPostsPage>(
      'GET',
      `/posts${query({ ...filters, from: day(filters.from, false), to: day(filters.to, true), limit, cursor, collectedAfter })}`,
      undefined,
      signal,
    );
  },
  post: (id: string) => request<AdminPostDetail>('GET', `/posts/${encodeURIComponent(id)}`),
  /** Downloads the post's failed media again; 409 `nothing_to_retry` when none can be. */
  retryMedia: (id: string) => request<{ retried: number }>('POST', `/posts/${encodeURIComponent(id)}/media/retry`),
  moderate: (ids: string[], status: ModerationStatus) => request<ModerationResult>('POST', '/posts/moderation', { ids, status }),

  rules: () => request<{ rules: ModerationRule[] }>('GET', '/moderation-rules'),
  createRule: (input: Pick<ModerationRule, 'kind' | 'value'>) => request<ModerationRule>('POST', '/moderation-rules', input),
  deleteRule: (id: string) => request<void>('DELETE', `/moderation-rules/${encodeURIComponent(id)}`),

  galleries: () => request<{ galleries: AdminGallery[] }>('GET', '/galleries'),
  createGallery: (input: GalleryInput) => request<AdminGallery>('POST', '/galleries', input),
  updateGallery: (id: string, input: Partial<GalleryInput>) => request<AdminGallery>('PATCH', `/galleries/${encodeURIComponent(id)}`, input),
  deleteGallery: (id: string) => request<void>('DELETE', `/galleries/${encodeURIComponent(id)}`),
  orderGallery: (id: string, postIds: string[]) => request<AdminGallery>('PUT', `/galleries/${encodeURIComponent(id)}/order`, { postIds }),

  galleryPosts: (id: string, cursor: string | null, limit = 100) =>
    request<GalleryPostsResponse>('GET', `/galleries/${encodeURIComponent(id)}/posts${query({ limit, cursor })}`),
  products: (q: string, limit = 20, signal?: AbortSignal) => request<{ products: PublicProduct[] }>('GET', `/products${query({ q, limit })}`, undefined, signal),
  catalogProducts: (q: string, offset: number, signal?: AbortSignal) =>
    request<CatalogProductsPage>('GET', `/catalog/products${query({ q, offset, limit: 50 })}`, undefined, signal),
  productsByIds: (ids: string[]) => request<{ products: PublicProduct[] }>('GET', `/products${query({ ids: ids.join(',') })}`),
  /** The catalog ranked against a post's caption and hashtags: what it probably shows, first. */
  productSuggestions: (postId: string, limit = 8, signal?: AbortSignal) =>
    request<{ products: PublicProduct[] }>('GET', `/posts/${encodeURIComponent(postId)}/product-suggestions${query({ limit })}`, undefined, signal),
  addTag: (postId: string, input: { productId: string; mediaId: string | null; x: number; y: number }) =>
    request<TagView>('POST', `/posts/${encodeURIComponent(postId)}/products`, input),
  moveTag: (postId: string, tagId: string, to: { x: number; y: number }) =>
    request<TagView>('PATCH', `/posts/${encodeURIComponent(postId)}/products/${encodeURIComponent(tagId)}`, to),
  removeTag: (postId: string, tagId: string) => request<void>('DELETE', `/posts/${encodeURIComponent(postId)}/products/${encodeURIComponent(tagId)}`),

  catalogFeeds: () => request<{ feeds: CatalogFeed[] }>('GET', '/catalog/feeds'),
  createFeed: (input: FeedInput) => request<{ feed: CatalogFeed }>('POST', '/catalog/feeds', input),
  updateFeed: (id: string, patch: Partial<Omit<FeedInput, 'format'>>) => request<{ feed: CatalogFeed }>('PATCH', `/catalog/feeds/${encodeURIComponent(id)}`, patch),
  /** Previews an import of the feed: `file` as the body, as it is; none fetches the feed's URL now. */
  previewImport: (feedId: string, file?: Blob) =>
    request<{ import: CatalogImport }>('POST', `/catalog/feeds/${encodeURIComponent(feedId)}/imports`, file ? new RawBody(file, file.type || null) : undefined),
  feedImports: (feedId: string) => request<{ imports: CatalogImport[] }>('GET', `/catalog/feeds/${encodeURIComponent(feedId)}/imports`),
  catalogImport: (id: string) => request<{ import: CatalogImport }>('GET', `/catalog/imports/${encodeURIComponent(id)}`),
  applyImport: (id: string, skipInvalid: boolean) => request<{ import: CatalogImport }>('POST', `/catalog/imports/${encodeURIComponent(id)}/apply`, { skipInvalid }),
  discardImport: (id: string) => request<{ import: CatalogImport }>('POST', `/catalog/imports/${encodeURIComponent(id)}/discard`),

  sources: () => request<{ sources: Source[]; webhook: MentionsWebhookSetup }>('GET', '/sources'),
  createSource: (input: SourceInput) => request<Source>('POST', '/sources', input),
  updateSource: (id: string, patch: { enabled?: boolean; intervalSeconds?: number }) => request<Source>('PATCH', `/sources/${encodeURIComponent(id)}`, patch),
  runSource: (id: string) => request<RunResult>('POST', `/sources/${encodeURIComponent(id)}/run`),

  connections: () => request<{ connections: Connection[] }>('GET', '/instagram/connections'),
  connect: (input: { igUserId: string; accessToken: string }) => request<Connection>('POST', '/instagram/connections', input),
  disconnect: (id: string) => request<void>('DELETE', `/instagram/connections/${encodeURIComponent(id)}`),
  /** Erases what came through the account, then disconnects it: repeated until nothing remains. */
  disconnectDeletingData: (id: string) => eraseAll(() => request<RemovedConnection>('DELETE', `/instagram/connections/${encodeURIComponent(id)}?deleteData=true`)),
  deleteAllInstagramData: () => eraseAll(() => request<ErasedData>('DELETE', '/instagram/data', { confirm: true })),
  hashtagQuota: (connectionId: string) => request<HashtagQuota>('GET', `/instagram/connections/${encodeURIComponent(connectionId)}/hashtag-quota`),

  /** Checks (dryRun) or applies an import; the file is the body, as it is. */
  importFile: (file: Blob | string, options: { format: ImportFormat; dryRun: boolean; skipInvalid: boolean; label: string }) =>
    request<ImportReport>('POST', `/imports${query({ ...options })}`, new RawBody(file, IMPORT_TYPES[options.format])),
  /** A manual upload: the form's `images`, `author`, `caption` and `permalink`, as multipart. */
  upload: (form: FormData) => request<{ id: string }>('POST', '/uploads', new RawBody(form, null)),

  workspace: () => request<WorkspaceView>('GET', '/workspace'),
  gettingStarted: () => request<GettingStarted>('GET', '/workspace/getting-started'),
  updateWorkspace: (input: WorkspaceInput) => request<WorkspaceView>('PATCH', '/workspace', input),
  eraseVisitor: (visitorId: string) => request<ErasedVisitor>('DELETE', `/visitors/${encodeURIComponent(visitorId)}`),
  refusedOrigins: () => request<{ origins: RefusedOrigin[] }>('GET', '/workspace/refused-origins'),
  allowOrigin: (origin: string) => request<WorkspaceView>('POST', '/workspace/allowed-origins', { origin }),

  members: () => request<{ members: Member[]; invitations: Invitation[] }>('GET', '/members'),
  changeRole: (userId: string, role: Role) => request<void>('PATCH', `/members/${encodeURIComponent(userId)}`, { role }),
  removeMember: (userId: string) => request<void>('DELETE', `/members/${encodeURIComponent(userId)}`),
  invite: (input: { email: string; role: Role }) => request<{ id: string; acceptUrl: string; expiresAt: string }>('POST', '/invitations', input),

  requestRights: (postIds: string[], language: RequestLanguage) => request<{ requests: RightsRequest[] }>('POST', '/rights/requests', { postIds, language }),
  rightsRequests: (postId: string) => request<{ requests: RightsRequest[] }>('GET', `/rights/requests${query({ postId })}`),
  /** `direct_message` is the only private way; a comment (the default) made the link public. */
  markRequestSent: (id: string, via: 'comment' | 'direct_message' = 'comment') => request<void>('POST', `/rights/requests/${encodeURIComponent(id)}/sent`, { via }),
  terms: () => request<{ terms: Terms[] }>('GET', '/rights/terms'),
  publishTerms: (input: TermsInput) => request<Terms>('POST', '/rights/terms', input),
  expiring: (days: number) => request<{ posts: { id: string; author: string | null; expiresAt: string }[] }>('GET', `/rights/expiring${query({ days })}`),
  /** Every consent record of one post, or of one author, as the JSON file a legal team keeps. */
  consentEvidence: (filter: { postId: string } | { author: string }) => {
    const name = 'postId' in filter ? filter.postId : filter.author;
    return download(`/rights/export${query(filter)}`, `consent-${name}.json`);
  },

  webhooks: () => request<{ endpoints: WebhookEndpoint[] }>('GET', '/webhooks'),
  /** The answer carries the signing secret: the only time it is ever shown. */
  createWebhook: (input: { url: string; events: WebhookEvent[] }) => request<{ id: string; url: string; events: WebhookEvent[]; secret: string }>('POST', '/webhooks', input),
  deleteWebhook: (id: string) => request<void>('DELETE', `/webhooks/${encodeURIComponent(id)}`),

  /** The secret URLs of the ads feed and the email blocks (owners and merchandisers). */
  reuseFeeds: () => request<AdminReuseFeeds>('GET', '/reuse'),
  /** A new secret URL for one feed (owners): the old one stops working at once. */
  rotateReuseFeed: (feed: 'ads' | 'email') => request<AdminReuseFeeds>('POST', '/reuse/rotate', { feed }),

  campaigns: () => request<{ campaigns: AdminCampaign[] }>('GET', '/campaigns'),
  createCampaign: (input: CampaignInput) => request<AdminCampaign>('POST', '/campaigns', input),
  updateCampaign: (id: string, input: z.input<typeof campaignPatch>) => request<AdminCampaign>('PATCH', `/campaigns/${encodeURIComponent(id)}`, input),
  publishCampaignRules: (id: string, input: { language: string; title: string; body: string }) => request<unknown>('POST', `/campaigns/${encodeURIComponent(id)}/rules`, input),
  /** Schedules the draw at `at` (ISO): the answer publishes the seed's hash. */
  scheduleDraw: (id: string, at: string) => request<PublicCampaignDraw>('POST', `/campaigns/${encodeURIComponent(id)}/draw`, { at }),
  runDraw: (id: string) => request<PublicCampaignDraw>('POST', `/campaigns/${encodeURIComponent(id)}/draw/run`),
  /** Each winner with the message to send them; `language` absent: the campaign's. */
  campaignWinners: (id: string, language?: 'en' | 'fr') => request<AdminCampaignWinners>('GET', `/campaigns/${encodeURIComponent(id)}/winners${query({ language })}`),
  /** The merchant sent a winner their message (recorded once, with who). */
  markWinnerNotified: (id: string, postId: string) => request<void>('POST', `/campaigns/${encodeURIComponent(id)}/winners/${encodeURIComponent(postId)}/notified`),
  /** Vitrine emails a submission's winner their message (the entrant's language unless one is given), recorded as told. */
  emailWinner: (id: string, postId: string, language?: 'en' | 'fr') =>
    request<{ language: 'en' | 'fr'; to: string }>('POST', `/campaigns/${encodeURIComponent(id)}/winners/${encodeURIComponent(postId)}/email${query({ language })}`),

  audit: (cursor: string | null, limit = 50) => request<{ entries: AuditEntry[]; nextCursor: string | null }>('GET', `/audit${query({ cursor, limit })}`),

  /** `search`: `?from=&to=&galleryId=` (panel/pages/reports/report-filters.ts builds it). */
  reportOverview: (search: string, signal?: AbortSignal) => request<ReportOverview>('GET', `/reports/overview${search}`, undefined, signal),
  /** `search` adds `dimension` (post, product, gallery) and `limit`. */
  reportTop: (search: string, signal?: AbortSignal) => request<ReportTop>('GET', `/reports/top${search}`, undefined, signal),
  /** `search`: `?from=&to=` only (report-filters.ts `trendsQuery`): trends cover the workspace, `galleryId` answers 400. */
  reportTrends: (search: string, signal?: AbortSignal) => request<TrendsReport>('GET', `/reports/trends${search}`, undefined, signal),
};
