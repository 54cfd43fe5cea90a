import { useEffect, useState } from 'preact/hooks';
import type { AdminReuseFeeds } from '../../../shared/admin-types.ts';
import { api, messageOf } from '../../api.ts';
import { CopyField } from '../../components/copy-field.tsx';
import { announce } from '../../stores/announcer.ts';
import { t } from '../../i18n/i18n.ts';


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
    if (!confirm(t(`reuse.${feed}.confirm`))) return;
    setBusy(true);
    try {
      setFeeds(await api.rotateReuseFeed(feed));
      announce(t(`reuse.${feed}.rotated`), false);
    } catch (e) {
      announce(t(`reuse.${feed}.failed`, { reason: messageOf(e) }), false);
    } finally {
      setBusy(false);
    }
  };
  const rotateButton = (feed: 'ads' | 'email') =>
    canRotate && (
      <div class="actions">
        <button type="button" disabled={busy} onClick={() => void rotate(feed)}>
          {t(`reuse.${feed}.rotate`)}
        </button>
      </div>
    );
  return (
    <section class="card stack reuse" aria-labelledby="reuse-title">
      <h2 id="reuse-title">{t('reuse.title')}</h2>
      <p class="muted">
        {t('reuse.help')}
      </p>
      {error && <p role="alert">{t('reuse.loadFailed', { reason: error })}</p>}
      {feeds && (
        <>
          <h3>{t('reuse.adsTitle')}</h3>
          <p class="muted">
            {t('reuse.adsHelp')}
          </p>
          <CopyField label={t('reuse.adsUrl')} value={feeds.ads.url} />
          {rotateButton('ads')}
          <h3>{t('reuse.emailTitle')}</h3>
          <p class="muted">
            {t('reuse.emailHelp')}
          </p>
          {feeds.email.galleries.length === 0 && <p class="muted">{t('reuse.noGallery')}</p>}
          {feeds.email.galleries.map((g) => (
            <CopyField key={g.id} label={t('reuse.emailBlock', { name: g.name })} value={g.url} />
          ))}
          {rotateButton('email')}
        </>
      )}
    </section>
  );
}
