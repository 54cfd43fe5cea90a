import type { MentionsWebhookSetup } from '../../../shared/admin-types.ts';
import type { Connection } from '../../api.ts';

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
        Webhook address: <code>{webhook.address}</code>
      </span>
      <br />
      {missing.length > 0 ? (
        <span class="danger">Set {missing.join(' and ')} on the server, then subscribe the Meta app to the mentions field.</span>
      ) : (
        <span class="muted">Verify token and app secret are set.</span>
      )}
      <br />
      <span class={last ? 'muted' : 'danger'} data-last-webhook>
        {last
          ? `Last webhook received ${new Date(last).toLocaleString()}.`
          : 'No webhook received yet: until Meta sends one to this address, @mentions do not arrive (see the README, "Instagram webhooks").'}
      </span>
    </span>
  );
}
