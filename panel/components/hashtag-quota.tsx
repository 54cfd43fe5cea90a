import type { HashtagQuota } from '../api.ts';
import { t, formatDateWith } from '../i18n/i18n.ts';

const day = (iso: string) => formatDateWith(iso, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/**
 * Instagram lets an account search 30 different hashtags in a rolling 7 days: how many are
 * used, which, and when each slot frees, so nobody adds a 31st to find it refused.
 */
export function HashtagQuotaView({ quota, username }: { quota: HashtagQuota | undefined; username: string }) {
  if (!quota) return <p class="quota muted">{t('quota.loading', { username })}</p>;
  const full = quota.used >= quota.limit;
  return (
    <div class={`quota${full ? ' is-full' : ''}`} data-quota-used={quota.used}>
      <p role="status">
        <strong>
          {t('quota.used', { used: quota.used, limit: quota.limit })}
        </strong>{' '}
        <span class="muted">{t('quota.by', { username })}</span>
        {full && quota.hashtags[0] && <> — {t('quota.full', { date: day(quota.hashtags[0].freesAt) })}</>}
      </p>
      {quota.hashtags.length > 0 && (
        <details>
          <summary>{t('quota.which')}</summary>
          <ul class="plain">
            {quota.hashtags.map((h) => (
              <li key={h.hashtag}>
                #{h.hashtag} <span class="muted">{t('quota.frees', { date: day(h.freesAt) })}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
