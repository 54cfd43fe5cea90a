import { useEffect, useState } from 'preact/hooks';
import type { WebhookEndpoint, WebhookEvent } from '../../../shared/admin-types.ts';
import { api, messageOf, WEBHOOK_EVENTS } from '../../api.ts';

const eventLabel = (event: WebhookEvent): string => (event in WEBHOOK_EVENTS ? t(`webhook.event.${event}`) : event);
import { CopyField } from '../../components/copy-field.tsx';
import { Field, FormError, text, useSubmit } from '../../components/form.tsx';
import { DataTable } from '../../components/table.tsx';
import { announce } from '../../stores/announcer.ts';
import { now } from '../../clock.ts';
import { t, formatDate } from '../../i18n/i18n.ts';

const EVENTS = Object.keys(WEBHOOK_EVENTS) as WebhookEvent[];

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
    announce(t('webhook.added'), false);
  });
  const remove = async (endpoint: WebhookEndpoint) => {
    try {
      await api.deleteWebhook(endpoint.id);
      setEndpoints((old) => (old ?? []).filter((e) => e.id !== endpoint.id));
      if (created?.id === endpoint.id) setCreated(null);
      announce(t('webhook.removed', { url: endpoint.url }), false);
    } catch (e) {
      announce(t('webhook.removeFailed', { reason: messageOf(e) }), false);
    }
  };
  return (
    <section class="card stack webhooks" aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">{t('webhook.title')}</h2>
      <p class="muted">
        {t('webhook.help1')} {t('webhook.help2')} <code>X-Vitrine-Event</code> {t('webhook.and')} <code>X-Vitrine-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</code>
        {t('webhook.help3')}
      </p>
      {created && (
        <div class="secret-once stack" role="region" aria-label={t('webhook.newSecret')}>
          <p>
            <strong>{t('webhook.copyNow', { url: created.url })}</strong> {t('webhook.once')}
          </p>
          <CopyField label={t('webhook.secret')} value={created.secret} />
          <div class="actions">
            <button type="button" onClick={() => setCreated(null)}>
              {t('webhook.stored')}
            </button>
          </div>
        </div>
      )}
      {error && <p role="alert">{t('webhook.loadFailed', { reason: error })}</p>}
      {endpoints && endpoints.length === 0 && <p class="muted">{t('webhook.none')}</p>}
      {endpoints && endpoints.length > 0 && (
        <DataTable
          rows={endpoints}
          rowKey={(e) => e.id}
          columns={[
            { label: 'URL', cell: (e) => <code>{e.url}</code> },
            { label: t('webhook.events'), cell: (e) => e.events.map(eventLabel).join(', ') },
            { label: t('webhook.state'), cell: (e) => (e.enabled ? t('webhook.enabled') : t('webhook.disabled')) },
            { label: t('common.added'), cell: (e) => formatDate(e.createdAt) },
            {
              label: '',
              cell: (e) => (
                <button type="button" class="link danger" onClick={() => void remove(e)}>
                  {t('tagger.remove')}
                </button>
              ),
            },
          ]}
        />
      )}
      <form class="stack" onSubmit={form.onSubmit} aria-labelledby="add-webhook-title">
        <h3 id="add-webhook-title">{t('webhook.add')}</h3>
        <FormError error={form.error} />
        <Field form={form} name="url" label={t('webhook.url')} type="url" required placeholder="https://shop.example.com/hooks/vitrine" />
        <fieldset class="stack">
          <legend>{t('webhook.events')}</legend>
          {EVENTS.map((value) => (
            <label key={value} class="check-label">
              <input type="checkbox" name="events" value={value} defaultChecked aria-invalid={form.invalid('events')} />
              {eventLabel(value)} <code class="muted">{value}</code>
            </label>
          ))}
        </fieldset>
        <button type="submit" class="primary" disabled={form.busy}>
          {t('webhook.submit')}
        </button>
      </form>
    </section>
  );
}
