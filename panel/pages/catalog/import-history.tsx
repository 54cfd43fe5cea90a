import { useStore } from '@nanostores/preact';
import type { CatalogFeed } from '../../../shared/admin-types.ts';
import { DataTable } from '../../components/table.tsx';
import { $history, openImport } from '../../stores/catalog.ts';
import { importCounts, statusText, triggerText, when } from './catalog-text.ts';
import { t } from '../../i18n/i18n.ts';

/** A feed's recent imports, newest first; one still waiting can be opened and applied. */
export function ImportHistory({ feed }: { feed: CatalogFeed }) {
  const imports = useStore($history)[feed.id];
  return (
    <section class="stack import-history" aria-labelledby="import-history-title">
      <h2 id="import-history-title">{t('catalog.importsOf', { name: feed.name })}</h2>
      {!imports ? (
        <p class="muted">{t('common.loading')}</p>
      ) : imports.length === 0 ? (
        <p class="muted">{t('catalog.noImport')}</p>
      ) : (
        <DataTable
          rows={imports}
          rowKey={(imp) => imp.id}
          columns={[
            { label: t('catalog.read'), cell: (imp) => when(imp.createdAt, '') },
            { label: t('catalog.how'), cell: (imp) => triggerText(imp.trigger) },
            { label: t('catalog.changes'), cell: (imp) => importCounts(imp) },
            { label: t('preview.status'), cell: (imp) => statusText(imp.status) },
            {
              label: '',
              cell: (imp) => (
                <button type="button" class="link" onClick={() => openImport(imp)}>
                  {imp.status === 'previewed' ? t('catalog.review') : t('preview.details')}
                </button>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
