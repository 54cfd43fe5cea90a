import type { HashtagQuota } from '../api.ts';

const day = (iso: string) => new Date(iso).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/**
 * Instagram lets an account search 30 different hashtags in a rolling 7 days: how many are
 * used, which, and when each slot frees, so nobody adds a 31st to find it refused.
 */
export function HashtagQuotaView({ quota, username }: { quota: HashtagQuota | undefined; username: string }) {
  if (!quota) return <p class="quota muted">Loading the hashtag quota of @{username}…</p>;
  const full = quota.used >= quota.limit;
  return (
    <div class={`quota${full ? ' is-full' : ''}`} data-quota-used={quota.used}>
      <p role="status">
        <strong>
          {quota.used} of {quota.limit} hashtags used this week
        </strong>{' '}
        <span class="muted">by @{username}</span>
        {full && quota.hashtags[0] && <> — the next slot frees on {day(quota.hashtags[0].freesAt)}; hashtags already counted can still be collected.</>}
      </p>
      {quota.hashtags.length > 0 && (
        <details>
          <summary>Which hashtags</summary>
          <ul class="plain">
            {quota.hashtags.map((h) => (
              <li key={h.hashtag}>
                #{h.hashtag} <span class="muted">frees its slot on {day(h.freesAt)}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
