import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** The Campaigns page, fetched the first time it is opened, like Reports: out of the initial 60 KB. */
export function LazyCampaignsPage() {
  const [Page, setPage] = useState<FunctionComponent | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    import('./campaigns.tsx').then(
      ({ CampaignsPage }) => setPage(() => CampaignsPage),
      () => setFailed(true),
    );
  }, []);
  if (failed) return <p role="alert">The Campaigns page could not be loaded. Reload the page to try again.</p>;
  return Page ? <Page /> : <p class="muted">Loading the campaigns…</p>;
}
