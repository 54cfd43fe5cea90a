import { useEffect, useState } from 'preact/hooks';
import type { WebhookEndpoint, WebhookEvent } from '../../../shared/admin-types.ts';
import { api, messageOf, WEBHOOK_EVENTS } from '../../api.ts';
import { CopyField } from '../../components/copy-field.tsx';
import { Field, FormError, text, useSubmit } from '../../components/form.tsx';
import { DataTable } from '../../components/table.tsx';
import { announce } from '../../stores/announcer.ts';
import { now } from '../../clock.ts';

const EVENTS = Object.entries(WEBHOOK_EVENTS) as [WebhookEvent, string][];

/**
 * Outgoing webhooks (owners only): Vitrine POSTs each chosen event to the merchant's own system,
 * signed with a secret that is shown once, when the endpoint is added.
 */
export function WebhookSettings() {
  const [endpoints, setEndpoints] = useState<WebhookEndpoint[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The secret of the endpoint just added: kept in this component only, gone once dismissed. */
  const [created, setCreated] = useState<{ id: string; url: string; secret: string } | null>(null);
  useEffect(() => {
    api.webhooks().then(({ endpoints }) => setEndpoints(endpoints), (e: unknown) => setError(messageOf(e)));
  }, []);
  const form = useSubmit(async (data, element) => {
    const added = await api.createWebhook({ url: text(data, 'url'), events: data.getAll('events') as WebhookEvent[] });
    const { secret, ...endpoint } = added;
    setEndpoints((old) => [...(old ?? []), { ...endpoint, enabled: true, createdAt: new Date(now()).toISOString() }]);
    setCreated({ id: added.id, url: added.url, secret });
    element.reset();
    announce('Added the webhook. Copy its secret now: it is shown only once.', false);
  });
  const remove = async (endpoint: WebhookEndpoint) => {
    try {
      await api.deleteWebhook(endpoint.id);
      setEndpoints((old) => (old ?? []).filter((e) => e.id !== endpoint.id));
      if (created?.id === endpoint.id) setCreated(null);
      announce(`Removed the webhook to ${endpoint.url}.`, false);
    } catch (e) {
      announce(`Could not remove the webhook: ${messageOf(e)}`, false);
    }
  };
  return (
    <section class="card stack webhooks" aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">Outgoing webhooks</h2>
      <p class="muted">
        Vitrine sends a <code>POST</code> with a JSON body to your system when an author grants, declines or withdraws rights, or has a post
        erased. Each delivery carries <code>X-Vitrine-Event</code> and <code>X-Vitrine-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</code>,
        where <code>v1</code> is HMAC-SHA256, under the endpoint’s secret, of <code>t</code>, a dot and the raw body (<code>"t.body"</code>).
        Recompute it, compare in constant time, and refuse old <code>t</code> values. Failed deliveries are retried.
      </p>
      {created && (
        <div class="secret-once stack" role="region" aria-label="New webhook secret">
          <p>
            <strong>Copy the secret of {created.url} now.</strong> It is shown only this once: Vitrine keeps it sealed and cannot show it again. To
            change it, remove the webhook and add it again.
          </p>
          <CopyField label="Signing secret" value={created.secret} />
          <div class="actions">
            <button type="button" onClick={() => setCreated(null)}>
              I have stored it
            </button>
          </div>
        </div>
      )}
      {error && <p role="alert">Could not load the webhooks: {error}</p>}
      {endpoints && endpoints.length === 0 && <p class="muted">No webhook yet.</p>}
      {endpoints && endpoints.length > 0 && (
        <DataTable
          rows={endpoints}
          rowKey={(e) => e.id}
          columns={[
            { label: 'URL', cell: (e) => <code>{e.url}</code> },
            { label: 'Events', cell: (e) => e.events.map((event) => WEBHOOK_EVENTS[event] ?? event).join(', ') },
            { label: 'State', cell: (e) => (e.enabled ? 'Enabled' : 'Disabled') },
            { label: 'Added', cell: (e) => new Date(e.createdAt).toLocaleDateString() },
            {
              label: '',
              cell: (e) => (
                <button type="button" class="link danger" onClick={() => void remove(e)}>
                  Remove
                </button>
              ),
            },
          ]}
        />
      )}
      <form class="stack" onSubmit={form.onSubmit} aria-labelledby="add-webhook-title">
        <h3 id="add-webhook-title">Add a webhook</h3>
        <FormError error={form.error} />
        <Field form={form} name="url" label="URL (https)" type="url" required placeholder="https://shop.example.com/hooks/vitrine" />
        <fieldset class="stack">
          <legend>Events</legend>
          {EVENTS.map(([value, label]) => (
            <label key={value} class="check-label">
              <input type="checkbox" name="events" value={value} defaultChecked aria-invalid={form.invalid('events')} />
              {label} <code class="muted">{value}</code>
            </label>
          ))}
        </fieldset>
        <button type="submit" class="primary" disabled={form.busy}>
          Add webhook
        </button>
      </form>
    </section>
  );
}
