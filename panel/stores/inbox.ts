/**
 * The inbox: the loaded posts of the current view, the keyboard cursor, the selection and the
 * last moderation (for undo). Built to stay fast with 10,000 loaded posts:
 * - posts live in a plain Map, and the list store holds only their ids;
 * - each row listens to its own key of `$marks` (current, selected), so moving the cursor or
 *   selecting re-renders the one or two rows concerned, never the list.
 */
import { atom, map } from 'nanostores';
import type { AdminPost, AdminPostDetail, ModerationResult, ModerationStatus, RightsStatus } from '../../shared/admin-types.ts';
import { api, messageOf, type PostFilters } from '../api.ts';
import { announce } from './announcer.ts';
import { t, tn } from '../i18n/i18n.ts';

export const PAGE_SIZE = 50;
/** The API takes at most this many ids per moderation call. */
const MODERATION_BATCH = 500;
/** Load the next page once the cursor comes this close to the end of what is loaded. */
const PREFETCH_ROWS = 10;

export const STATUSES: readonly ModerationStatus[] = ['pending', 'approved', 'rejected', 'hidden'];

export const EMPTY_FILTERS: PostFilters = { status: 'pending', q: '', source: '', rights: '', hasProducts: '', mediaType: '', from: '', to: '', campaign: '' };
export const $filters = map<PostFilters>({ ...EMPTY_FILTERS });

export interface InboxList {
  ids: string[];
  counts: Record<ModerationStatus, number> | null;
  nextCursor: string | null;
  loading: boolean;
  error: string | null;
}
export const $list = atom<InboxList>({ ids: [], counts: null, nextCursor: null, loading: false, error: null });

export const CURRENT = 1;
export const SELECTED = 2;
/** Per post id: a bit set of CURRENT and SELECTED; absent when neither. */
export const $marks = map<Record<string, number | undefined>>({});
export const $currentId = atom<string | null>(null);
export const $selectedCount = atom(0);

export interface Detail {
  id: string;
  post: AdminPostDetail | null;
  error: string | null;
}
/** The post opened with Enter, with its products and consent records once loaded. */
export const $detail = atom<Detail | null>(null);

const posts = new Map<string, AdminPost>();
export const postById = (id: string): AdminPost | undefined => posts.get(id);

interface LastAction {
  status: ModerationStatus;
  previous: ModerationResult['previous'];
  /** The view the action was taken in, and the posts it took out of it, at their index. */
  viewKey: string;
  removed: { post: AdminPost; index: number }[];
}
let lastAction: LastAction | null = null;
let pageRequest: AbortController | null = null;

function mark(id: string, bit: number, on: boolean): void {
  const flags = $marks.get()[id] ?? 0;
  const next = on ? flags | bit : flags & ~bit;
  $marks.setKey(id, next === 0 ? undefined : next);
}

export function setCurrent(id: string | null): void {
  const previous = $currentId.get();
  if (previous === id) return;
  if (previous) mark(previous, CURRENT, false);
  if (id) mark(id, CURRENT, true);
  $currentId.set(id);
}

export function selectedIds(): string[] {
  return Object.entries($marks.get())
    .filter(([, flags]) => ((flags ?? 0) & SELECTED) !== 0)
    .map(([id]) => id);
}

export function toggleSelected(id: string | null = $currentId.get()): void {
  if (!id) return;
  const on = (($marks.get()[id] ?? 0) & SELECTED) === 0;
  mark(id, SELECTED, on);
  $selectedCount.set($selectedCount.get() + (on ? 1 : -1));
}

export function clearSelection(): void {
  for (const id of selectedIds()) mark(id, SELECTED, false);
  $selectedCount.set(0);
}

export function setFilter<K extends keyof PostFilters>(key: K, value: PostFilters[K]): void {
  $filters.set({ ...$filters.get(), [key]: value });
  void loadFirstPage();
}

/**
 * Posts collected into the current view since it loaded, not shown yet: the inbox announces
 * them ("12 new posts — show") instead of moving the list under the merchandiser's cursor.
 */
export const $newCount = atom(0);

/** The newest post in view (the list is newest collected first), or 0 for an empty view. */
const shownSince = (): number => {
  const top = $list.get().ids[0];
  const post = top ? posts.get(top) : undefined;
  return post ? Date.parse(post.collectedAt) : 0;
};

/** Asks how many posts arrived in this view since the newest one shown. */
export async function checkForNew(): Promise<void> {
  const { loading, error } = $list.get();
  if (loading || error) return;
  const status = $filters.get().status;
  try {
    const page = await api.posts($filters.get(), null, 1, undefined, shownSince());
    $newCount.set(page.counts[status]);
  } catch {
    // A missed check is caught up by the next one.
  }
}

/** Puts the new posts on top, keeping the cursor and the selection where they are. */
export async function showNew(): Promise<void> {
  try {
    const page = await api.posts($filters.get(), null, 100, undefined, shownSince());
    const fresh = page.posts.filter((post) => !posts.has(post.id));
    for (const post of fresh) posts.set(post.id, post);
    const list = $list.get();
    const status = $filters.get().status;
    $list.set({ ...list, ids: [...fresh.map((p) => p.id), ...list.ids], counts: list.counts && { ...list.counts, [status]: list.counts[status] + fresh.length } });
    $newCount.set(0);
    announce(tn('inbox.newShown', fresh.length), false);
    // More than a page arrived: the rest is counted again.
    if (page.nextCursor) void checkForNew();
  } catch (error) {
    announce(t('inbox.newFailed', { reason: messageOf(error) }), false);
  }
}

/** Loads the first page of the current view, replacing everything loaded before. */
export async function loadFirstPage(): Promise<void> {
  pageRequest?.abort();
  $newCount.set(0);
  posts.clear();
  $marks.set({});
  $currentId.set(null);
  $selectedCount.set(0);
  $list.set({ ...$list.get(), ids: [], nextCursor: null, loading: true, error: null });
  await loadPage(null);
  const first = $list.get().ids[0];
  if (first && !$currentId.get()) setCurrent(first);
}

export function loadMore(): void {
  const { loading, nextCursor, error } = $list.get();
  if (loading || error || nextCursor === null) return;
  $list.set({ ...$list.get(), loading: true });
  void loadPage(nextCursor);
}

/** After a failed load: the first page again when nothing loaded, else the next one. */
export function retry(): void {
  const list = $list.get();
  if (list.ids.length === 0) {
    void loadFirstPage();
    return;
  }
  $list.set({ ...list, error: null });
  loadMore();
}

async function loadPage(cursor: string | null): Promise<void> {
  const request = new AbortController();
  pageRequest = request;
  try {
    const page = await api.posts($filters.get(), cursor, PAGE_SIZE, request.signal);
    if (request.signal.aborted) return;
    const ids = [...$list.get().ids];
    for (const post of page.posts) {
      // A post can come twice when moderation shifted the pages in between.
      if (!posts.has(post.id)) ids.push(post.id);
      posts.set(post.id, post);
    }
    $list.set({ ids, counts: page.counts, nextCursor: page.nextCursor, loading: false, error: null });
  } catch (error) {
    if (request.signal.aborted) return;
    $list.set({ ...$list.get(), loading: false, error: messageOf(error) });
  }
}

/** Moves the cursor by `delta` rows, loading the next page as it nears the end. */
export function move(delta: number): void {
  const { ids } = $list.get();
  if (ids.length === 0) return;
  const current = $currentId.get();
  const index = current ? ids.indexOf(current) : -1;
  const next = Math.min(ids.length - 1, Math.max(0, index + delta));
  setCurrent(ids[next] ?? null);
  if (next >= ids.length - PREFETCH_ROWS) loadMore();
}

/** The selection if there is one, else the post under the cursor. */
export function targets(): string[] {
  const selected = selectedIds();
  if (selected.length > 0) return $list.get().ids.filter((id) => selected.includes(id));
  const current = $currentId.get();
  return current ? [current] : [];
}

export async function moderate(status: ModerationStatus, ids: string[] = targets()): Promise<void> {
  if (ids.length === 0) return;
  try {
    const previous: ModerationResult['previous'] = [];
    for (let i = 0; i < ids.length; i += MODERATION_BATCH) {
      previous.push(...(await api.moderate(ids.slice(i, i + MODERATION_BATCH), status)).previous);
    }
    const list = $list.get();
    // Every post in a view has the view's status, so an action either leaves them all in it
    // (nothing to do) or takes them all out.
    const removed = status === $filters.get().status ? [] : ids.flatMap((id) => {
      const post = posts.get(id);
      return post ? [{ post, index: list.ids.indexOf(id) }] : [];
    });
    clearSelection();
    const currentIndex = list.ids.indexOf($currentId.get() ?? '');
    for (const { post } of removed) {
      posts.delete(post.id);
      $marks.setKey(post.id, undefined);
    }
    const gone = new Set(removed.map((r) => r.post.id));
    const remaining = list.ids.filter((id) => !gone.has(id));
    $list.set({ ...list, ids: remaining, counts: recount(list.counts, previous.map((p) => [p.status, status])) });
    if (gone.has($currentId.get() ?? '')) {
      $currentId.set(null);
      // The cursor moves on to the post that took the place of the one that left.
      setCurrent(remaining[Math.min(currentIndex, remaining.length - 1)] ?? null);
    }
    if (remaining.length - remaining.indexOf($currentId.get() ?? '') <= PREFETCH_ROWS) loadMore();
    lastAction = { status, previous, viewKey: viewKey(), removed };
    announce(tn(`inbox.done.${status}`, ids.length), true);
  } catch (error) {
    announce(t('common.nothingChanged', { reason: messageOf(error) }), false);
  }
}

/** Sends every post of the last action back to the status it had, and back to its place. */
export async function undo(): Promise<void> {
  const action = lastAction;
  if (!action) {
    announce(t('inbox.nothingToUndo'), false);
    return;
  }
  const byStatus = new Map<ModerationStatus, string[]>();
  for (const { id, status } of action.previous) byStatus.set(status, [...(byStatus.get(status) ?? []), id]);
  try {
    for (const [status, ids] of byStatus) {
      for (let i = 0; i < ids.length; i += MODERATION_BATCH) await api.moderate(ids.slice(i, i + MODERATION_BATCH), status);
    }
  } catch (error) {
    announce(t('inbox.undoFailed', { reason: messageOf(error) }), false);
    return;
  }
  lastAction = null;
  announce(t('inbox.undone'), false);
  // The filters changed since: the old places mean nothing in this view, so load it afresh.
  if (action.viewKey !== viewKey()) return loadFirstPage();
  const list = $list.get();
  const ids = [...list.ids];
  for (const { post, index } of [...action.removed].sort((a, b) => a.index - b.index)) {
    if (posts.has(post.id)) continue;
    posts.set(post.id, post);
    ids.splice(Math.min(index, ids.length), 0, post.id);
  }
  $list.set({ ...list, ids, counts: recount(list.counts, action.previous.map((p) => [action.status, p.status])) });
  const first = action.removed[0]?.post.id;
  if (first) setCurrent(first);
}

const viewKey = () => JSON.stringify($filters.get());

/** The tab counts after posts moved between statuses, as `[from, to]` pairs. */
function recount(counts: InboxList['counts'], moves: [ModerationStatus, ModerationStatus][]): InboxList['counts'] {
  if (!counts) return counts;
  const next = { ...counts };
  for (const [from, to] of moves) {
    if (from === to) continue;
    next[from] -= 1;
    next[to] += 1;
  }
  return next;
}

/**
 * Records a change of rights made from here (a request), on the loaded posts and the open
 * details, and re-renders the rows. The posts stay in the view whatever its rights filter: they
 * leave it on the next load, so the merchandiser sees what they just did.
 */
export function setRights(ids: string[], status: RightsStatus): void {
  for (const id of ids) {
    const post = posts.get(id);
    if (post) posts.set(id, { ...post, rights: { ...post.rights, status, expiresAt: null } });
  }
  const detail = $detail.get();
  if (detail?.post && ids.includes(detail.id)) $detail.set({ ...detail, post: { ...detail.post, rights: { ...detail.post.rights, status, expiresAt: null } } });
  $list.set({ ...$list.get() });
}

/** Records a post's new number of tagged products on its loaded row (tagging happens in the details). */
export function setProductCount(id: string, productCount: number): void {
  const post = posts.get(id);
  if (!post || post.productCount === productCount) return;
  posts.set(id, { ...post, productCount });
  $list.set({ ...$list.get() });
}

/** Reads one loaded post again (e.g. after retrying its media) and re-renders its row and preview. */
export async function reloadPost(id: string): Promise<void> {
  if (!posts.has(id)) return;
  posts.set(id, await api.post(id));
  $list.set({ ...$list.get() });
}

export async function openDetail(id: string | null = $currentId.get()): Promise<void> {
  if (!id) return;
  $detail.set({ id, post: null, error: null });
  try {
    const post = await api.post(id);
    if ($detail.get()?.id === id) $detail.set({ id, post, error: null });
  } catch (error) {
    if ($detail.get()?.id === id) $detail.set({ id, post: null, error: messageOf(error) });
  }
}

export const closeDetail = (): void => $detail.set(null);
