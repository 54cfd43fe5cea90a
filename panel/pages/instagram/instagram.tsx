import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf, type Connection, type HashtagQuota } from '../../api.ts';
import { Dialog } from '../../components/dialog.tsx';
import { Field, FormError, text, useSubmit } from '../../components/form.tsx';
import { HashtagQuotaView } from '../../components/hashtag-quota.tsx';
import { announce } from '../../stores/announcer.ts';
import { $session, can } from '../../stores/session.ts';
import { BrandFromConnection } from './brand-from-connection.tsx';
import { now } from '../../clock.ts';
import { t, tn, formatDate } from '../../i18n/i18n.ts';

const statusLabel = (status: Connection['status']): string => t(`ig.status.${status}`);
/** Warn this long before the 60-day token runs out. */
const WARN_BEFORE_MS = 7 * 24 * 3_600_000;

/**
 * The Instagram business accounts Vitrine collects through. Tokens go in (connect, reconnect)
 * and never come back: the page shows each account's state, its token's expiry, and the
 * hashtag quota; an expired or revoked account says why and offers to reconnect.
 */
export function InstagramPage() {
  const session = useStore($session);
  const canCollect = can(session, 'collect');
  const canConfigure = can(session, 'configure');
  const [connections, setConnections] = useState<Connection[] | null>(null);
  const [quotas, setQuotas] = useState<Record<string, HashtagQuota>>({});
  const [error, setError] = useState<string | null>(null);
  const reload = () =>
    api.connections().then(({ connections }) => {
      setConnections(connections);
      for (const connection of connections) {
        api.hashtagQuota(connection.id).then((quota) => setQuotas((old) => ({ ...old, [connection.id]: quota })), () => undefined);
      }
    }, (e: unknown) => setError(messageOf(e)));
  useEffect(() => void reload(), []);
  const active = connections?.find((c) => c.status === 'active');

  const [disconnecting, setDisconnecting] = useState<Connection | null>(null);

  return (
    <section aria-labelledby="instagram-title" class="page narrow">
      <h1 id="instagram-title">{t('ig.title')}</h1>
      <p class="muted">{t('ig.intro')}</p>
      {error && <p role="alert">{t('ig.loadFailed', { reason: error })}</p>}
      {connections?.length === 0 && <p class="muted">{t('ig.none')}</p>}
      {connections?.map((connection) => (
        <article key={connection.id} class={`card stack connection status-${connection.status}`} aria-labelledby={`conn-${connection.id}`} data-connection-id={connection.id}>
          <header class="page-head">
            <h2 id={`conn-${connection.id}`}>@{connection.username}</h2>
            <span class={`badge conn-${connection.status}`}>{statusLabel(connection.status)}</span>
            <span class="muted">{t('ig.userId', { id: connection.igUserId })}</span>
          </header>
          <TokenState connection={connection} />
          {canCollect && connection.status !== 'active' && <ReconnectForm connection={connection} onDone={reload} open />}
          <HashtagQuotaView quota={quotas[connection.id]} username={connection.username} />
          {canCollect && (
            <div class="row">
              {connection.status === 'active' && <ReconnectForm connection={connection} onDone={reload} open={false} />}
              <button type="button" class="link danger" onClick={() => setDisconnecting(connection)}>
                {t('ig.disconnect')}
              </button>
            </div>
          )}
        </article>
      ))}
      {canCollect && <DisconnectDialog connection={disconnecting} canDeleteData={canConfigure} onClose={() => setDisconnecting(null)} onDone={reload} />}
      {canConfigure && active && <BrandFromConnection connection={active} />}
      {/* Once an account is connected, connecting another is the rare case: folded away. */}
      {canCollect && connections?.length === 0 && <ConnectForm onDone={reload} />}
      {canCollect && connections && connections.length > 0 && (
        <details class="connect-another">
          <summary>{t('ig.another')}</summary>
          <ConnectForm onDone={reload} />
        </details>
      )}
    </section>
  );
}

/**
 * Disconnecting stops collection; owners may also delete what was collected through the account
 * (Meta asks for it when a connection is removed). Posts with granted rights stay either way.
 */
export function DisconnectDialog({ connection, canDeleteData, onClose, onDone }: { connection: Connection | null; canDeleteData: boolean; onClose: () => void; onDone: () => Promise<unknown> }) {
  const form = useSubmit(async (data) => {
    if (!connection) return;
    if (data.get('deleteData') === 'on') {
      const { erased } = await api.disconnectDeletingData(connection.id);
      announce(tn('ig.disconnectedDeleted', erased, { username: connection.username }), false);
    } else {
      await api.disconnect(connection.id);
      announce(t('ig.disconnected', { username: connection.username }), false);
    }
    onClose();
    await onDone();
  });
  return (
    <Dialog open={connection !== null} onClose={onClose} title={t('ig.disconnectTitle', { username: connection?.username ?? '' })}>
      <form class="stack disconnect" onSubmit={form.onSubmit}>
        <p>{t('ig.disconnectHelp')}</p>
        <FormError error={form.error} />
        {canDeleteData && (
          <div>
            <label class="check-label">
              <input type="checkbox" name="deleteData" aria-describedby="delete-data-help" />
              {t('ig.deleteData')}
            </label>
            <p id="delete-data-help" class="muted">
              {t('ig.deleteDataHelp')}
            </p>
          </div>
        )}
        <div class="row">
          <button type="submit" class="danger" disabled={form.busy}>
            {t('ig.disconnect')}
          </button>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** When the token runs out, or why collection is paused: prominent, with Instagram's reason. */
function TokenState({ connection }: { connection: Connection }) {
  const expiresAt = new Date(connection.tokenExpiresAt);
  if (connection.status !== 'active') {
    return (
      <div class="alert" role="alert">
        <strong>{t('ig.paused', { username: connection.username, status: statusLabel(connection.status).toLowerCase() })}</strong>{' '}
        {connection.statusReason ?? t('ig.reconnectToResume')}
      </div>
    );
  }
  const soon = expiresAt.getTime() - now() < WARN_BEFORE_MS;
  return (
    <p class={soon ? 'alert warn' : 'muted'}>
      {t(soon ? 'ig.expiresSoon' : 'ig.validUntil', { date: formatDate(expiresAt) })}
    </p>
  );
}


function ConnectForm({ onDone }: { onDone: () => Promise<unknown> }) {
  const form = useSubmit(async (data, element) => {
    const connection = await api.connect({ igUserId: text(data, 'igUserId'), accessToken: text(data, 'accessToken') });
    element.reset();
    announce(t('ig.connected', { username: connection.username }), false);
    await onDone();
  });
  return (
    <form class="card stack" onSubmit={form.onSubmit} aria-labelledby="connect-title">
      <h2 id="connect-title">{t('ig.connectTitle')}</h2>
      <FormError error={form.error} />
      <Field form={form} name="igUserId" label={t('ig.accountId')} required placeholder="17841400000000000" autoComplete="off" />
      <TokenField form={form} />
      <button type="submit" class="primary" disabled={form.busy}>
        {t('ig.connect')}
      </button>
    </form>
  );
}

/** The same connection call with a fresh token: it resumes the sources the old token had paused. */
function ReconnectForm({ connection, onDone, open }: { connection: Connection; onDone: () => Promise<unknown>; open: boolean }) {
  const form = useSubmit(async (data, element) => {
    await api.connect({ igUserId: connection.igUserId, accessToken: text(data, 'accessToken') });
    element.reset();
    announce(t('ig.reconnected', { username: connection.username }), false);
    await onDone();
  });
  const body = (
    <form class="stack" onSubmit={form.onSubmit} aria-label={t('ig.reconnectLabel', { username: connection.username })}>
      <FormError error={form.error} />
      <TokenField form={form} />
      <button type="submit" class="primary" disabled={form.busy}>
        {open ? t('ig.reconnect') : t('ig.renew')}
      </button>
    </form>
  );
  if (open) return body;
  return (
    <details class="renew">
      <summary>{t('ig.renew')}</summary>
      {body}
    </details>
  );
}

function TokenField({ form }: { form: ReturnType<typeof useSubmit> }) {
  return (
    <>
      <Field form={form} name="accessToken" label={t('ig.token')} type="password" required minLength={20} autoComplete="off" />
      <span class="muted">{t('ig.tokenHelp')}</span>
    </>
  );
}
