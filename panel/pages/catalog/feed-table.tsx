import { useStore } from '@nanostores/preact';
import { useRef } from 'preact/hooks';
import type { CatalogFeed } from '../../../shared/admin-types.ts';
import { DataTable } from '../../components/table.tsx';
import { $preview, changeFeed, preview, reviewWaiting } from '../../stores/catalog.ts';
import { FORMATS, refreshHours, refreshText, when } from './catalog-text.ts';
import { t } from '../../i18n/i18n.ts';

/** A URL feed is fetched on one of these schedules, or only when someone asks ("Refresh now"). */
const refreshChoices = (): Record<string, string> => ({ ...refreshHours(), '': t('catalog.whenAsked') });

/**
 * The feeds with their product count, last import, next refresh and last error, and what can
 * be done with each: upload a new file, fetch the URL now, see its imports.
 */
export function FeedTable({ feeds, canEdit, shownId, onShow }: { feeds: CatalogFeed[]; canEdit: boolean; shownId: string | null; onShow: (feed: CatalogFeed) => void }) {
  const current = useStore($preview);
  const busy = current?.busy ?? false;
  // The import on screen now needs no reminder on its feed.
  const previewing = current?.import?.status === 'previewed' ? current.import.id : null;
  return (
    <DataTable
      class="feeds"
      rows={feeds}
      rowKey={(feed) => feed.id}
      columns={[
        {
          label: t('catalog.feed'),
          cell: (feed) => (
            <span data-feed-id={feed.id}>
              <strong>{feed.name}</strong>
              <br />
              <span class="muted">{FORMATS[feed.format]}</span>
              {feed.url && (
                <>
                  <br />
                  <code class="feed-url">{feed.url}</code>
                </>
              )}
            </span>
          ),
        },
        { label: t('inbox.products'), cell: (feed) => feed.productCount },
        {
          label: t('catalog.lastImport'),
          cell: (feed) => (
            <>
              {when(feed.lastImportAt, t('catalog.never'))}
              {feed.waitingImportId && previewing !== feed.waitingImportId && (
                <p class="waiting-import" data-waiting>
                  {t('catalog.waiting')}{' '}
                  <button type="button" class="link" onClick={() => void reviewWaiting(feed)}>
                    {t('catalog.reviewIt')}
                  </button>
                </p>
              )}
            </>
          ),
        },
        {
          label: t('catalog.nextRefresh'),
          cell: (feed) => (
            <>
              {feed.url && feed.refreshHours && feed.nextRunAt ? when(feed.nextRunAt, '') : refreshText(feed)}
              {canEdit && feed.url && (
                <>
                  <br />
                  <select
                    aria-label={t('catalog.howOften', { name: feed.name })}
                    value={String(feed.refreshHours ?? '')}
                    onChange={(e) => void changeFeed(feed, { refreshHours: Number(e.currentTarget.value) || null })}
                  >
                    {Object.entries(refreshChoices()).map(([hours, label]) => (
                      <option key={hours} value={hours}>
                        {label}
                      </option>
                    ))}
                  </select>
                </>
              )}
              {!canEdit && feed.url && feed.refreshHours && (
                <>
                  <br />
                  <span class="muted">{refreshText(feed)}</span>
                </>
              )}
            </>
          ),
        },
        {
          label: t('catalog.lastError'),
          cell: (feed) =>
            feed.lastError ? (
              <span class="danger" role="note">
                {feed.lastError}
              </span>
            ) : (
              '—'
            ),
        },
        {
          label: '',
          cell: (feed) => (
            <div class="row">
              {canEdit && <UploadButton feed={feed} disabled={busy} />}
              {canEdit && feed.url && (
                <button type="button" disabled={busy} onClick={() => void preview(feed.id, null)}>
                  {t('catalog.refreshNow')}
                </button>
              )}
              <button type="button" class="link" aria-pressed={shownId === feed.id} onClick={() => onShow(feed)}>
                {t('catalog.imports')}
              </button>
            </div>
          ),
        },
      ]}
    />
  );
}

/** A button that opens the file chooser; the chosen file is previewed as the feed's next import. */
function UploadButton({ feed, disabled }: { feed: CatalogFeed; disabled: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        class="visually-hidden"
        tabIndex={-1}
        aria-label={t('catalog.fileFor', { name: feed.name })}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void preview(feed.id, file);
        }}
      />
      <button type="button" disabled={disabled} onClick={() => input.current?.click()}>
        {t('catalog.uploadFile')}
      </button>
    </>
  );
}
