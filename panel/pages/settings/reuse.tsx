import { useEffect, useState } from 'preact/hooks';
import type { AdminReuseFeeds } from '../../../shared/admin-types.ts';
import { api, messageOf } from '../../api.ts';
import { CopyField } from '../../components/copy-field.tsx';
import { announce } from '../../stores/announcer.ts';

const FEED_NAMES = { ads: 'ads feed', email: 'email block URLs' } as const;

/**
 * Reuse beyond the store (owners and merchandisers see it; owners rotate): the ads feed for
 * Merchant Center and each gallery's email block, behind secret URLs. Only posts whose author's
 * consent covers that use appear, and a withdrawn or expired consent leaves at the next fetch.
 */
export function ReuseSettings({ canRotate }: { canRotate: boolean }) {
  const [feeds, setFeeds] = useState<AdminReuseFeeds | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api.reuseFeeds().then(setFeeds, (e: unknown) => setError(messageOf(e)));
  }, []);
  const rotate = async (feed: 'ads' | 'email') => {
    if (!confirm(`Replace the ${FEED_NAMES[feed]}? The current ${feed === 'ads' ? 'URL stops' : 'URLs stop'} working at once.`)) return;
    setBusy(true);
    try {
      setFeeds(await api.rotateReuseFeed(feed));
      announce(`New ${FEED_NAMES[feed]}: update them where they are used.`, false);
    } catch (e) {
      announce(`Could not rotate the ${FEED_NAMES[feed]}: ${messageOf(e)}`, false);
    } finally {
      setBusy(false);
    }
  };
  const rotateButton = (feed: 'ads' | 'email') =>
    canRotate && (
      <div class="actions">
        <button type="button" disabled={busy} onClick={() => void rotate(feed)}>
          Rotate {FEED_NAMES[feed]}
        </button>
      </div>
    );
  return (
    <section class="card stack reuse" aria-labelledby="reuse-title">
      <h2 id="reuse-title">Reuse</h2>
      <p class="muted">
        Use approved photos in ads and emails where their authors agreed to it. Only posts whose consent covers <strong>ads</strong> appear in
        the ads feed, and only posts whose consent covers <strong>email</strong> in the email blocks; a withdrawn or expired consent leaves
        both at the next fetch. Which uses authors agree to is set in the usage terms (Rights). These URLs are secret: anyone who has one can
        read that feed, so rotate it if it leaks.
      </p>
      {error && <p role="alert">Could not load the reuse URLs: {error}</p>}
      {feeds && (
        <>
          <h3>Ads feed</h3>
          <p class="muted">
            A Google Merchant Center supplemental feed (TSV): it adds <code>additional_image_link</code> (up to 10 photos) to the products
            of your primary feed, by <code>id</code>.
          </p>
          <CopyField label="Ads feed URL" value={feeds.ads.url} />
          {rotateButton('ads')}
          <h3>Email blocks</h3>
          <p class="muted">
            The top posts of a gallery as HTML for your email service provider. Add <code>?limit=</code> from 1 to 24 (6 by default).
          </p>
          {feeds.email.galleries.length === 0 && <p class="muted">No gallery yet.</p>}
          {feeds.email.galleries.map((g) => (
            <CopyField key={g.id} label={`Email block: ${g.name}`} value={g.url} />
          ))}
          {rotateButton('email')}
        </>
      )}
    </section>
  );
}
