/**
 * The catalog page's state: the feeds, the import being looked at (a preview waits for Apply
 * or Discard), and each feed's recent imports. Only this module calls the catalog API.
 */
import { atom, map } from 'nanostores';
import type { CatalogFeed, CatalogImport } from '../../shared/admin-types.ts';
import type { FeedInput } from '../../shared/admin-types.ts';
import { api, ApiError, messageOf } from '../api.ts';
import { importCounts } from '../pages/catalog/catalog-text.ts';
import { announce } from './announcer.ts';
import { t } from '../i18n/i18n.ts';

export const $feeds = atom<{ feeds: CatalogFeed[] | null; error: string | null }>({ feeds: null, error: null });

export interface Preview {
  feedId: string;
  import: CatalogImport | null;
  /** The uploaded file, kept so a stale preview can be made again; null for a URL fetch. */
  file: Blob | null;
  busy: boolean;
  error: ApiError | null;
}
export const $preview = atom<Preview | null>(null);

/** Recent imports per feed id, loaded when the feed's history is opened. */
export const $history = map<Record<string, CatalogImport[] | undefined>>({});

const refusal = (error: unknown) => (error instanceof ApiError ? error : new ApiError(0, 'network', messageOf(error), undefined));

export async function loadFeeds(): Promise<void> {
  try {
    $feeds.set({ feeds: (await api.catalogFeeds()).feeds, error: null });
  } catch (error) {
    $feeds.set({ ...$feeds.get(), error: messageOf(error) });
  }
}

export async function loadHistory(feedId: string): Promise<void> {
  try {
    $history.setKey(feedId, (await api.feedImports(feedId)).imports);
  } catch (error) {
    announce(t('catalog.importsFailed', { reason: messageOf(error) }), false);
  }
}

/** Adds a feed; its first import is previewed next (a file, or its URL fetched now). */
export async function addFeed(input: FeedInput): Promise<CatalogFeed> {
  const { feed } = await api.createFeed(input);
  $feeds.set({ feeds: [feed, ...($feeds.get().feeds ?? [])], error: null });
  announce(t('catalog.feedAdded', { name: feed.name }), false);
  return feed;
}

export async function changeFeed(feed: CatalogFeed, patch: Parameters<typeof api.updateFeed>[1]): Promise<void> {
  try {
    const { feed: changed } = await api.updateFeed(feed.id, patch);
    $feeds.set({ feeds: ($feeds.get().feeds ?? []).map((f) => (f.id === changed.id ? changed : f)), error: null });
    announce(t('catalog.feedSaved', { name: changed.name }), false);
  } catch (error) {
    announce(t('common.nothingChanged', { reason: messageOf(error) }), false);
  }
}

/** Reads the file (or fetches the feed's URL when there is none) into a preview of what would change. */
export async function preview(feedId: string, file: Blob | null): Promise<void> {
  $preview.set({ feedId, import: null, file, busy: true, error: null });
  try {
    const { import: previewed } = await api.previewImport(feedId, file ?? undefined);
    $preview.set({ feedId, import: previewed, file, busy: false, error: null });
    announce(t('catalog.previewReady', { counts: importCounts(previewed) }), false);
  } catch (error) {
    $preview.set({ feedId, import: null, file, busy: false, error: refusal(error) });
  }
  // The feed now has a preview waiting, or (a fetch that failed) a last error.
  void loadFeeds();
}

async function settle(action: () => Promise<{ import: CatalogImport }>, done: (imp: CatalogImport) => string): Promise<void> {
  const current = $preview.get();
  if (!current?.import) return;
  $preview.set({ ...current, busy: true, error: null });
  try {
    const { import: settled } = await action();
    $preview.set({ ...current, import: settled, busy: false });
    announce(done(settled), false);
    await Promise.all([loadFeeds(), loadHistory(current.feedId)]);
  } catch (error) {
    $preview.set({ ...current, busy: false, error: refusal(error) });
  }
}

export const applyPreview = (skipInvalid: boolean): Promise<void> => {
  const id = $preview.get()?.import?.id;
  return id ? settle(() => api.applyImport(id, skipInvalid), (imp) => t('catalog.applied', { counts: importCounts(imp) })) : Promise.resolve();
};

export const discardPreview = (): Promise<void> => {
  const id = $preview.get()?.import?.id;
  return id ? settle(() => api.discardImport(id), () => t('catalog.discarded')) : Promise.resolve();
};

/** Shows an import from a feed's history (a preview left waiting can still be applied). */
export const openImport = (imp: CatalogImport): void => $preview.set({ feedId: imp.feedId, import: imp, file: null, busy: false, error: null });

export const closePreview = (): void => $preview.set(null);

/** Opens the preview a feed has waiting for review (made earlier, maybe by someone else). */
export async function reviewWaiting(feed: CatalogFeed): Promise<void> {
  if (!feed.waitingImportId) return;
  try {
    openImport((await api.catalogImport(feed.waitingImportId)).import);
  } catch (error) {
    announce(t('catalog.openFailed', { reason: messageOf(error) }), false);
  }
}
