import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import type { MentionsWebhookSetup } from '../../../shared/admin-types.ts';
import { api, messageOf, type Connection, type HashtagQuota, type Source } from '../../api.ts';
import { HashtagQuotaView } from '../../components/hashtag-quota.tsx';
import { DataTable } from '../../components/table.tsx';
import { announce } from '../../stores/announcer.ts';
import { $session, can } from '../../stores/session.ts';
import { AddSourceForm, intervals, intervalText } from './add-source.tsx';
import { ImportForm } from './import-form.tsx';
import { UploadForm } from './upload-form.tsx';
import { WebhookSetup } from './webhook-setup.tsx';
import { t, formatDateTime } from '../../i18n/i18n.ts';

const BY_HAND = new Set<Source['kind']>(['manual', 'import']);
const when = (iso: string | null, none: string) => (iso ? formatDateTime(iso) : none);

/** What one run found, in words. */
function runSummary(result: { created: number; linked: number; error: string | null }): string {
  if (result.error) return t('sources.failed', { reason: result.error });
  const found = result.created === 1 ? t('sources.newPost') : t('sources.newPosts', { count: result.created });
  return result.linked > 0 ? t('sources.foundAgain', { found, again: result.linked }) : t('sources.found', { found });
}

/**
 * Where posts come from: the Instagram sources (hashtags, tagged photos, @mentions, own posts)
 * with their schedule, last run and last error, and "Collect now"; the hashtag quota before a
 * hashtag is added; imports from a file and manual uploads. Analysts only read.
 */
export function SourcesPage() {
  const canCollect = can(useStore($session), 'collect');
  const [sources, setSources] = useState<Source[] | null>(null);
  const [connections, setConnections] = useState<Connection[] | null>(null);
  const [quotas, setQuotas] = useState<Record<string, HashtagQuota>>({});
  const [runFailures, setRunFailures] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const loadQuota = (connectionId: string | null) =>
    connectionId
      ? api.hashtagQuota(connectionId).then((quota) => setQuotas((old) => ({ ...old, [connectionId]: quota })), () => undefined)
      : Promise.resolve();
  const [webhook, setWebhook] = useState<MentionsWebhookSetup | null>(null);
  const loadSources = () =>
    api.sources().then(
      ({ sources, webhook }) => {
        setSources(sources);
        setWebhook(webhook);
      },
      (e: unknown) => setError(messageOf(e)),
    );
  useEffect(() => {
    void loadSources();
    api.connections().then(({ connections }) => {
      setConnections(connections);
      for (const connection of connections) void loadQuota(connection.id);
    }, (e: unknown) => setError(messageOf(e)));
  }, []);

  const replace = (source: Source) => setSources((old) => (old ?? []).map((s) => (s.id === source.id ? source : s)));
  const change = async (source: Source, patch: { enabled?: boolean; intervalSeconds?: number }, done: string) => {
    try {
      replace(await api.updateSource(source.id, patch));
      announce(done, false);
    } catch (e) {
      announce(t('common.nothingChanged', { reason: messageOf(e) }), false);
    }
  };
  const run = async (source: Source) => {
    setBusy(source.id);
    try {
      const result = await api.runSource(source.id);
      replace(result.source);
      // The row shows the run from the source itself (kept by the server); this says it aloud.
      setRunFailures(({ [source.id]: _done, ...others }) => others);
      announce(`${source.label}: ${runSummary(result)}`, false);
      await loadQuota(source.connectionId);
    } catch (e) {
      setRunFailures((old) => ({ ...old, [source.id]: t('sources.couldNotCollect', { reason: messageOf(e) }) }));
    } finally {
      setBusy(null);
    }
  };
  const added = async (source: Source) => {
    setSources((old) => [...(old ?? []), source]);
    await loadQuota(source.connectionId);
  };

  const account = (source: Source) => {
    if (BY_HAND.has(source.kind)) return <span class="muted">{t('sources.byHand')}</span>;
    const connection = connections?.find((c) => c.id === source.connectionId);
    return connection ? `@${connection.username}` : <span class="danger">{t('sources.noAccount')}</span>;
  };
  const active = (connections ?? []).filter((c) => c.status === 'active');

  return (
    <section aria-labelledby="sources-title" class="page narrow">
      <h1 id="sources-title">{t('nav.sources')}</h1>
      {error && <p role="alert">{t('sources.loadFailed', { reason: error })}</p>}
      {connections?.length === 0 && (
        <p class="muted">
          {t('sources.noConnection')} <a href="/panel/instagram">{t('sources.connectOne')}</a> {t('sources.noConnectionAfter')}
        </p>
      )}
      {connections
        ?.filter((c) => c.status !== 'active')
        .map((c) => (
          <p key={c.id} class="alert" role="alert">
            {t('ig.paused', { username: c.username, status: c.statusReason ?? t('sources.reconnectAccount') })} <a href="/panel/instagram">{t('sources.reconnectIt')}</a>
          </p>
        ))}
      {connections?.map((c) => (
        <HashtagQuotaView key={c.id} quota={quotas[c.id]} username={c.username} />
      ))}
      {canCollect && active.length > 0 && <AddSourceForm connections={active} quotas={quotas} onAdded={(s) => void added(s)} />}
      {sources && sources.length === 0 && <p class="muted">{t('galleries.noSources')}</p>}
      {sources && sources.length > 0 && (
        <DataTable
          class="sources"
          rows={sources}
          rowKey={(source) => source.id}
          columns={[
            {
              label: t('inbox.source'),
              cell: (source) => (
                <span data-source-id={source.id}>
                  <strong>{source.label}</strong> <span class="muted">{source.kind}</span>
                </span>
              ),
            },
            { label: t('sources.account'), cell: account },
            {
              label: t('sources.schedule'),
              cell: (source) =>
                BY_HAND.has(source.kind) ? (
                  '—'
                ) : canCollect ? (
                  <select
                    aria-label={t('sources.howOftenFor', { label: source.label })}
                    value={String(source.intervalSeconds)}
                    onChange={(e) => {
                      const seconds = Number(e.currentTarget.value);
                      void change(source, { intervalSeconds: seconds }, `${source.label}: ${intervalText(seconds)}.`);
                    }}
                  >
                    {intervalOptions(source.intervalSeconds)}
                  </select>
                ) : (
                  intervalText(source.intervalSeconds)
                ),
            },
            {
              label: t('webhook.state'),
              cell: (source) =>
                BY_HAND.has(source.kind) ? (
                  '—'
                ) : (
                  <>
                    {source.enabled ? t('sources.collecting') : t('sources.paused')}
                    <br />
                    <span class="muted">
                      {t('sources.lastRun', { date: when(source.lastRunAt, t('sources.never')) })}
                      {source.enabled && source.nextRunAt && t('sources.nextRun', { date: when(source.nextRunAt, '') })}
                    </span>
                    {source.lastError && (
                      <span class="source-error danger" role="note">
                        <br />
                        {source.lastError}
                        {source.lastErrorAt && ` (${when(source.lastErrorAt, '')})`}
                      </span>
                    )}
                    {(runFailures[source.id] || (source.lastRun && !source.lastError)) && (
                      <span class="run-result" role="status">
                        <br />
                        {runFailures[source.id] || runSummary({ ...source.lastRun!, error: null })}
                      </span>
                    )}
                    {source.kind === 'mentions' && webhook && <WebhookSetup webhook={webhook} connection={connections?.find((c) => c.id === source.connectionId)} />}
                  </>
                ),
            },
            {
              label: '',
              cell: (source) =>
                canCollect &&
                !BY_HAND.has(source.kind) && (
                  <div class="row">
                    <button type="button" disabled={busy === source.id || !source.connectionId} onClick={() => void run(source)}>
                      {busy === source.id ? t('sources.collectingNow') : t('sources.collectNow')}
                    </button>
                    <button
                      type="button"
                      class="link"
                      onClick={() => void change(source, { enabled: !source.enabled }, `${source.label}: ${source.enabled ? t('sources.nowPaused') : t('sources.nowCollecting')}.`)}
                    >
                      {source.enabled ? t('sources.pause') : t('sources.resume')}
                    </button>
                  </div>
                ),
            },
          ]}
        />
      )}
      {canCollect && (
        <>
          <ImportForm onImported={() => void loadSources()} />
          <UploadForm onUploaded={() => void loadSources()} />
        </>
      )}
    </section>
  );
}

/** The usual schedules, plus the source's own when it is another. */
function intervalOptions(current: number) {
  const entries = Object.entries(intervals());
  if (!intervals()[current]) entries.push([String(current), intervalText(current)]);
  return entries.map(([value, label]) => (
    <option key={value} value={value}>
      {label}
    </option>
  ));
}
