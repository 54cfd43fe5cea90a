/**
 * Asking authors for their rights from the inbox: the request being made (for one post or the
 * selection), the requests it made (the assisted ones wait to be sent by hand), and each post's
 * request history, loaded when a post is looked at and kept until something changes it.
 */
import { atom, map } from 'nanostores';
import type { AdminPost, RightsStatus } from '../../shared/admin-types.ts';
import type { RequestLanguage } from '../../shared/admin-types.ts';
import { api, ApiError, messageOf, type RightsRequest } from '../api.ts';
import { announce } from './announcer.ts';
import { clearSelection, postById, setRights, targets } from './inbox.ts';
import { now } from '../clock.ts';
import { t, tn } from '../i18n/i18n.ts';

/** The API takes at most this many posts per request call. */
const REQUEST_BATCH = 100;

export interface Asking {
  postIds: string[];
  /** Posts left out because their rights are granted and running: asking again would be refused. */
  skipped: string[];
  busy: boolean;
  /** The requests made, once made. */
  made: RightsRequest[] | null;
  error: ApiError | null;
}
/** The "Request rights" dialog: null when closed. */
export const $asking = atom<Asking | null>(null);
/** The language of the last request, offered again. */
export const $language = atom<RequestLanguage>('en');

export interface History {
  requests: RightsRequest[] | null;
  error: string | null;
}
/** Per post id: its requests, newest first. */
export const $history = map<Record<string, History | undefined>>({});

/** What the panel shows: granted rights whose window has ended read as expired. */
export type RightsView = RightsStatus | 'expired';

/**
 * The rights as they stand now: granted rights whose end date has passed read as expired, even
 * when the server said granted a while ago and the panel stayed open since.
 */
export function rightsOf(post: Pick<AdminPost, 'rights'>): RightsView {
  // The server may already say expired; the panel also catches rights that ended while it was open.
  const { status, expiresAt } = post.rights as { status: RightsView; expiresAt: string | null };
  return status === 'granted' && expiresAt !== null && Date.parse(expiresAt) <= now() ? 'expired' : status;
}

/** Whether asking makes sense: not while rights are granted and running. */
export const canAskFor = (post: Pick<AdminPost, 'rights'>) => rightsOf(post) !== 'granted';

/** Opens the "Request rights" dialog for the selection, else the post under the cursor. */
export function openAsking(postIds: string[] = targets()): void {
  if (postIds.length === 0) return;
  const granted = (id: string) => {
    const post = postById(id);
    return !!post && !canAskFor(post);
  };
  $asking.set({ postIds: postIds.filter((id) => !granted(id)), skipped: postIds.filter(granted), busy: false, made: null, error: null });
}

export const closeAsking = (): void => $asking.set(null);

export async function ask(language: RequestLanguage): Promise<void> {
  const asking = $asking.get();
  if (!asking || asking.busy || asking.postIds.length === 0) return;
  $language.set(language);
  $asking.set({ ...asking, busy: true, error: null });
  const made: RightsRequest[] = [];
  try {
    for (let i = 0; i < asking.postIds.length; i += REQUEST_BATCH) {
      made.push(...(await api.requestRights(asking.postIds.slice(i, i + REQUEST_BATCH), language)).requests);
    }
  } catch (error) {
    const refusal = error instanceof ApiError ? error : new ApiError(0, 'network', messageOf(error), undefined);
    // Requests made by earlier batches stand: show them with the refusal.
    $asking.set({ ...asking, busy: false, made: made.length > 0 ? made : null, error: refusal });
    afterMade(made);
    return;
  }
  $asking.set({ ...asking, busy: false, made, error: null });
  afterMade(made);
  // As after moderating: the action is done, the next one starts from the cursor.
  clearSelection();
  const byHand = made.filter((r) => r.channel === 'manual').length;
  announce(byHand ? tn('rights.askedByHand', made.length, { byHand }) : tn('rights.asked', made.length), false);
}

function afterMade(made: RightsRequest[]): void {
  if (made.length === 0) return;
  setRights(made.map((r) => r.postId), 'requested' satisfies RightsStatus);
  for (const request of made) {
    const known = $history.get()[request.postId]?.requests;
    if (known) $history.setKey(request.postId, { requests: [request, ...known], error: null });
    // The same race as in markSent: make sure the history the preview shows includes this request.
    void loadHistory(request.postId);
  }
}

export async function loadHistory(postId: string): Promise<void> {
  try {
    const { requests } = await api.rightsRequests(postId);
    $history.setKey(postId, { requests, error: null });
  } catch (error) {
    $history.setKey(postId, { requests: null, error: messageOf(error) });
  }
}

/** The merchandiser sent an assisted request by hand. */
export async function markSent(request: RightsRequest, via: 'comment' | 'direct_message' = 'comment'): Promise<void> {
  try {
    await api.markRequestSent(request.id, via);
  } catch (error) {
    announce(t('rights.notMarked', { reason: messageOf(error) }), false);
    return;
  }
  const sent: RightsRequest = { ...request, status: 'sent', sentVia: via, sentAt: new Date(now()).toISOString() };
  const replace = (list: RightsRequest[]) => list.map((r) => (r.id === request.id ? sent : r));
  const asking = $asking.get();
  if (asking?.made) $asking.set({ ...asking, made: replace(asking.made) });
  const known = $history.get()[request.postId]?.requests;
  if (known) $history.setKey(request.postId, { requests: replace(known), error: null });
  // A history load started before this change may land after it: read it again from the server.
  await loadHistory(request.postId);
  const author = postById(request.postId)?.author.username;
  announce(author ? t('rights.markedTo', { author }) : t('rights.marked'), false);
}
