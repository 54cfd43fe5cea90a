import { useEffect, useState } from 'preact/hooks';
import type { RefusedOrigin } from '../../shared/admin-types.ts';
import { api, ApiError } from '../api.ts';
import { t, formatDateTime } from '../i18n/i18n.ts';

/**
 * The pages whose events Vitrine refused because their address is not allowed, shown where the
 * embed code is copied, each with a button that allows it (for owners; others are told who can).
 * Without this a merchant who pasted the code on their store sees empty reports and no reason.
 * Shows nothing when no page was refused, or when the list cannot be read.
 */
export function RefusedOrigins({ canAllow, onAllowed }: { canAllow: boolean; onAllowed?: () => void }) {
  const [origins, setOrigins] = useState<RefusedOrigin[]>([]);
  const [allowed, setAllowed] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.refusedOrigins().then(
      (answer) => setOrigins(answer.origins),
      () => setOrigins([]),
    );
  }, []);
  if (origins.length === 0 && allowed.length === 0) return null;

  const allow = async (origin: string) => {
    setError(null);
    try {
      await api.allowOrigin(origin);
      setOrigins((list) => list.filter((o) => o.origin !== origin));
      setAllowed((list) => [...list, origin]);
      onAllowed?.();
    } catch (thrown) {
      setError(thrown instanceof ApiError ? thrown.message.replace(/^origin: /, '') : t('origins.allowFailed'));
    }
  };

  return (
    <div class="refused-origins stack" role="group" aria-label={t('origins.group')}>
      {origins.length > 0 && (
        <div class="warning">
          <p>
            {origins.length === 1 ? t('origins.refused.one') : t('origins.refused.other')}
          </p>
          <ul>
            {origins.map((o) => (
              <li key={o.origin}>
                <code>{o.origin}</code> <span class="muted">{t('origins.lastRefused', { date: formatDateTime(o.lastSeenAt) })}</span>{' '}
                {canAllow ? (
                  <button type="button" onClick={() => void allow(o.origin)}>
                    {t('origins.allow', { origin: o.origin })}
                  </button>
                ) : (
                  <span class="muted">{t('origins.ownerCan')}</span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {allowed.length > 0 && (
        <p role="status">
          {t('origins.allowed', { origins: allowed.join(', ') })}
        </p>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
