import type { MentionsWebhookSetup } from '../../../shared/admin-types.ts';
import type { Connection } from '../../api.ts';
import { t, formatDateTime } from '../../i18n/i18n.ts';

/**
 * @mentions arrive only through Meta's webhook (the Graph API lists no mentions to poll): where
 * Meta must send them, whether this server can accept them, and whether any ever came.
 */
export function WebhookSetup({ webhook, connection }: { webhook: MentionsWebhookSetup; connection: Connection | undefined }) {
  const missing = [!webhook.handshakeReady && 'VITRINE_IG_VERIFY_TOKEN', !webhook.signaturesChecked && 'VITRINE_IG_APP_SECRET'].filter(Boolean);
  const last = connection?.lastWebhookAt ?? null;
  return (
    <span class="webhook-setup" data-webhook>
      <br />
      <span class="muted">
        {t('hook.address')} <code>{webhook.address}</code>
      </span>
      <br />
      {missing.length > 0 ? (
        <span class="danger">{t('hook.missing', { names: missing.join(` ${t('webhook.and')} `) })}</span>
      ) : (
        <span class="muted">{t('hook.ready')}</span>
      )}
      <br />
      <span class={last ? 'muted' : 'danger'} data-last-webhook>
        {last
          ? t('hook.last', { date: formatDateTime(last) })
          : t('hook.none')}
      </span>
    </span>
  );
}
