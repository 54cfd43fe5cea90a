import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import type { CatalogFeed } from '../../../shared/admin-types.ts';
import { $feeds, $preview, loadFeeds, loadHistory } from '../../stores/catalog.ts';
import { $session, can } from '../../stores/session.ts';
import { AddFeedForm } from './add-feed-form.tsx';
import { FeedTable } from './feed-table.tsx';
import { ImportHistory } from './import-history.tsx';
import { ImportPreview } from './import-preview.tsx';
import { ProductTable } from './product-table.tsx';
import { t } from '../../i18n/i18n.ts';

/**
 * The product catalog: where products come from (feeds uploaded by hand or fetched from a URL
 * on a schedule), and each import as a preview of what it would change, applied only on request.
 */
export function CatalogPage() {
  const canEdit = can(useStore($session), 'curate');
  const { feeds, error } = useStore($feeds);
  const previewing = useStore($preview);
  const [shownId, setShownId] = useState<string | null>(null);
  useEffect(() => {
    void loadFeeds();
  }, []);

  const show = (feed: CatalogFeed) => {
    const next = shownId === feed.id ? null : feed.id;
    setShownId(next);
    if (next) void loadHistory(next);
  };
  const shown = feeds?.find((f) => f.id === shownId);
  const previewFeed = feeds?.find((f) => f.id === previewing?.feedId);

  return (
    <section aria-labelledby="catalog-title" class="page narrow catalog">
      <h1 id="catalog-title">{t('nav.catalog')}</h1>
      {error && <p role="alert">{t('catalog.loadFailed', { reason: error })}</p>}
      {feeds?.length === 0 && <p class="muted">{t('catalog.noFeed')}</p>}
      {feeds && feeds.length > 0 && <FeedTable feeds={feeds} canEdit={canEdit} shownId={shownId} onShow={show} />}
      <ImportPreview feed={previewFeed} />
      {shown && <ImportHistory feed={shown} />}
      {canEdit && <AddFeedForm />}
      {/* Read again whenever an import was applied to a feed. */}
      <ProductTable version={feeds?.map((f) => `${f.id}:${f.productCount}:${f.lastImportAt}`).join() ?? ''} />
    </section>
  );
}
