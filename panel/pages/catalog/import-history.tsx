import { useStore } from '@nanostores/preact';
import type { CatalogFeed } from '../../../shared/admin-types.ts';
import { DataTable } from '../../components/table.tsx';
import { $history, openImport } from '../../stores/catalog.ts';
import { importCounts, STATUS_TEXT, TRIGGER_TEXT, when } from './catalog-text.ts';

/** A feed's recent imports, newest first; one still waiting can be opened and applied. */
export function ImportHistory({ feed }: { feed: CatalogFeed }) {
  const imports = useStore($history)[feed.id];
  return (
    <section class="stack import-history" aria-labelledby="import-history-title">
      <h2 id="import-history-title">Imports of {feed.name}</h2>
      {!imports ? (
        <p class="muted">Loading…</p>
      ) : imports.length === 0 ? (
        <p class="muted">No import yet.</p>
      ) : (
        <DataTable
          rows={imports}
          rowKey={(imp) => imp.id}
          columns={[
            { label: 'Read', cell: (imp) => when(imp.createdAt, '') },
            { label: 'How', cell: (imp) => TRIGGER_TEXT[imp.trigger] },
            { label: 'Changes', cell: (imp) => importCounts(imp) },
            { label: 'Status', cell: (imp) => STATUS_TEXT[imp.status] },
            {
              label: '',
              cell: (imp) => (
                <button type="button" class="link" onClick={() => openImport(imp)}>
                  {imp.status === 'previewed' ? 'Review' : 'Details'}
                </button>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
