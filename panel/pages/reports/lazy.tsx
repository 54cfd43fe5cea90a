import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';

/**
 * The Reports page, fetched the first time it is opened: its charts and tables stay out of the
 * panel's initial JavaScript (budgeted at 60 KB gzip), which moderators load on every visit.
 */
export function LazyReportsPage() {
  const [Page, setPage] = useState<FunctionComponent | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    import('./reports.tsx').then(
      ({ ReportsPage }) => setPage(() => ReportsPage),
      () => setFailed(true),
    );
  }, []);
  if (failed) return <p role="alert">{t('reports.lazyFailed')}</p>;
  return Page ? <Page /> : <p class="muted">{t('reports.lazyLoading')}</p>;
}
