import { useEffect, useState } from 'preact/hooks';
import type { AuditEntry } from '../../../shared/admin-types.ts';
import { api, messageOf } from '../../api.ts';
import { DataTable } from '../../components/table.tsx';
import { t, formatDateTime } from '../../i18n/i18n.ts';

const PAGE = 50;

/** What changed, who changed it and when, newest first; older entries on demand. */
export function AuditPage() {
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = async (after: string | null) => {
    setBusy(true);
    try {
      const page = await api.audit(after, PAGE);
      setEntries((old) => [...old, ...page.entries]);
      setCursor(page.nextCursor);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => void load(null), []);
  return (
    <section aria-labelledby="audit-title" class="page">
      <h1 id="audit-title">{t('nav.audit')}</h1>
      {error && <p role="alert">{t('audit.loadFailed', { reason: error })}</p>}
      <DataTable
        class="audit"
        rows={entries}
        rowKey={(entry) => entry.id}
        columns={[
          { label: t('audit.when'), cell: (entry) => formatDateTime(entry.at) },
          { label: t('audit.who'), cell: (entry) => entry.actorEmail ?? entry.actorKind },
          { label: t('audit.what'), cell: (entry) => <code>{entry.action}</code> },
          {
            label: t('audit.target'),
            cell: (entry) => (
              <>
                {entry.targetType}
                {entry.targetId && <span class="muted"> {entry.targetId}</span>}
              </>
            ),
          },
          {
            label: t('audit.change'),
            class: 'change',
            cell: (entry) => (
              <>
                {entry.before != null && <span class="muted">{JSON.stringify(entry.before)} → </span>}
                {entry.after != null && JSON.stringify(entry.after)}
              </>
            ),
          },
        ]}
      />
      {entries.length === 0 && !busy && !error && <p class="muted">{t('audit.none')}</p>}
      {cursor && (
        <button type="button" disabled={busy} onClick={() => void load(cursor)}>
          {t('audit.older')}
        </button>
      )}
    </section>
  );
}
