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

const STATUS_LABELS: Record<Connection['status'], string> = {
  active: 'Connected',
  expired: 'Token expired',
  revoked: 'Access revoked',
  error: 'Error',
};
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
      <h1 id="instagram-title">Instagram accounts</h1>
      <p class="muted">Vitrine collects hashtags, tagged photos and @mentions through your Instagram business account. Its access token lasts 60 days.</p>
      {error && <p role="alert">Could not load the accounts: {error}</p>}
      {connections?.length === 0 && <p class="muted">No account is connected yet.</p>}
      {connections?.map((connection) => (
        <article key={connection.id} class={`card stack connection status-${connection.status}`} aria-labelledby={`conn-${connection.id}`} data-connection-id={connection.id}>
          <header class="page-head">
            <h2 id={`conn-${connection.id}`}>@{connection.username}</h2>
            <span class={`badge conn-${connection.status}`}>{STATUS_LABELS[connection.status]}</span>
            <span class="muted">Instagram user id {connection.igUserId}</span>
          </header>
          <TokenState connection={connection} />
          {canCollect && connection.status !== 'active' && <ReconnectForm connection={connection} onDone={reload} open />}
          <HashtagQuotaView quota={quotas[connection.id]} username={connection.username} />
          {canCollect && (
            <div class="row">
              {connection.status === 'active' && <ReconnectForm connection={connection} onDone={reload} open={false} />}
              <button type="button" class="link danger" onClick={() => setDisconnecting(connection)}>
                Disconnect
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
          <summary>Connect another account</summary>
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
      announce(`Disconnected @${connection.username} and deleted the data of ${erased} ${erased === 1 ? 'post' : 'posts'} collected through it.`, false);
    } else {
      await api.disconnect(connection.id);
      announce(`Disconnected @${connection.username}.`, false);
    }
    onClose();
    await onDone();
  });
  return (
    <Dialog open={connection !== null} onClose={onClose} title={`Disconnect @${connection?.username ?? ''}?`}>
      <form class="stack disconnect" onSubmit={form.onSubmit}>
        <p>Its sources stop collecting. Posts already collected stay unless you delete them below.</p>
        <FormError error={form.error} />
        {canDeleteData && (
          <div>
            <label class="check-label">
              <input type="checkbox" name="deleteData" aria-describedby="delete-data-help" />
              Also delete the data collected through it
            </label>
            <p id="delete-data-help" class="muted">
              Media, captions and usernames of the posts this account found are deleted for good, unless their authors granted rights or another
              connected account found them too.
            </p>
          </div>
        )}
        <div class="row">
          <button type="submit" class="danger" disabled={form.busy}>
            Disconnect
          </button>
          <button type="button" onClick={onClose}>
            Cancel
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
        <strong>Collection from @{connection.username} is paused: {STATUS_LABELS[connection.status].toLowerCase()}.</strong>{' '}
        {connection.statusReason ?? 'Reconnect the account to resume collection.'}
      </div>
    );
  }
  const soon = expiresAt.getTime() - now() < WARN_BEFORE_MS;
  return (
    <p class={soon ? 'alert warn' : 'muted'}>
      {soon ? 'The access token expires soon: ' : 'The access token is valid until '}
      {expiresAt.toLocaleDateString()}
      {soon ? '. Renew it below to keep collecting.' : '.'}
    </p>
  );
}

const TOKEN_HELP = 'A long-lived Instagram Graph API token (from Meta’s login flow or the Graph API Explorer). It is stored encrypted and never shown again.';

function ConnectForm({ onDone }: { onDone: () => Promise<unknown> }) {
  const form = useSubmit(async (data, element) => {
    const connection = await api.connect({ igUserId: text(data, 'igUserId'), accessToken: text(data, 'accessToken') });
    element.reset();
    announce(`Connected @${connection.username}.`, false);
    await onDone();
  });
  return (
    <form class="card stack" onSubmit={form.onSubmit} aria-labelledby="connect-title">
      <h2 id="connect-title">Connect an account</h2>
      <FormError error={form.error} />
      <Field form={form} name="igUserId" label="Instagram business account id (numeric)" required placeholder="17841400000000000" autoComplete="off" />
      <TokenField form={form} />
      <button type="submit" class="primary" disabled={form.busy}>
        Connect
      </button>
    </form>
  );
}

/** The same connection call with a fresh token: it resumes the sources the old token had paused. */
function ReconnectForm({ connection, onDone, open }: { connection: Connection; onDone: () => Promise<unknown>; open: boolean }) {
  const form = useSubmit(async (data, element) => {
    await api.connect({ igUserId: connection.igUserId, accessToken: text(data, 'accessToken') });
    element.reset();
    announce(`Reconnected @${connection.username}: collection resumes.`, false);
    await onDone();
  });
  const body = (
    <form class="stack" onSubmit={form.onSubmit} aria-label={`Reconnect @${connection.username}`}>
      <FormError error={form.error} />
      <TokenField form={form} />
      <button type="submit" class="primary" disabled={form.busy}>
        {open ? 'Reconnect' : 'Renew the token'}
      </button>
    </form>
  );
  if (open) return body;
  return (
    <details class="renew">
      <summary>Renew the token</summary>
      {body}
    </details>
  );
}

function TokenField({ form }: { form: ReturnType<typeof useSubmit> }) {
  return (
    <>
      <Field form={form} name="accessToken" label="Access token" type="password" required minLength={20} autoComplete="off" />
      <span class="muted">{TOKEN_HELP}</span>
    </>
  );
}
