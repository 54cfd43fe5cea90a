import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import type { MentionsWebhookSetup } from '../../../shared/admin-types.ts';
import { api, messageOf, type Connection, type HashtagQuota, type Source } from '../../api.ts';
import { HashtagQuotaView } from '../../components/hashtag-quota.tsx';
import { DataTable } from '../../components/table.tsx';
import { announce } from '../../stores/announcer.ts';
import { $session, can } from '../../stores/session.ts';
import { AddSourceForm, INTERVALS } from './add-source.tsx';
import { ImportForm } from './import-form.tsx';
import { UploadForm } from './upload-form.tsx';
import { WebhookSetup } from './webhook-setup.tsx';

const BY_HAND = new Set<Source['kind']>(['manual', 'import']);
const when = (iso: string | null, none: string) => (iso ? new Date(iso).toLocaleString() : none);

/** What one run found, in words. */
function runSummary(result: { created: number; linked: number; error: string | null }): string {
  if (result.error) return `Collection failed: ${result.error}`;
  const found = result.created === 1 ? '1 new post' : `${result.created} new posts`;
  return result.linked > 0 ? `Found ${found}; ${result.linked} seen again.` : `Found ${found}.`;
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
      announce(`Nothing changed: ${messageOf(e)}`, false);
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
      setRunFailures((old) => ({ ...old, [source.id]: `Could not collect: ${messageOf(e)}` }));
    } finally {
      setBusy(null);
    }
  };
  const added = async (source: Source) => {
    setSources((old) => [...(old ?? []), source]);
    await loadQuota(source.connectionId);
  };

  const account = (source: Source) => {
    if (BY_HAND.has(source.kind)) return <span class="muted">by hand</span>;
    const connection = connections?.find((c) => c.id === source.connectionId);
    return connection ? `@${connection.username}` : <span class="danger">no account connected</span>;
  };
  const active = (connections ?? []).filter((c) => c.status === 'active');

  return (
    <section aria-labelledby="sources-title" class="page narrow">
      <h1 id="sources-title">Sources</h1>
      {error && <p role="alert">Could not load the sources: {error}</p>}
      {connections?.length === 0 && (
        <p class="muted">
          No Instagram account is connected: <a href="/panel/instagram">connect one</a> to collect hashtags, tagged photos and @mentions. Imports and uploads work without one.
        </p>
      )}
      {connections
        ?.filter((c) => c.status !== 'active')
        .map((c) => (
          <p key={c.id} class="alert" role="alert">
            Collection from @{c.username} is paused: {c.statusReason ?? 'reconnect the account'} <a href="/panel/instagram">Reconnect it</a>.
          </p>
        ))}
      {connections?.map((c) => (
        <HashtagQuotaView key={c.id} quota={quotas[c.id]} username={c.username} />
      ))}
      {canCollect && active.length > 0 && <AddSourceForm connections={active} quotas={quotas} onAdded={(s) => void added(s)} />}
      {sources && sources.length === 0 && <p class="muted">No sources yet.</p>}
      {sources && sources.length > 0 && (
        <DataTable
          class="sources"
          rows={sources}
          rowKey={(source) => source.id}
          columns={[
            {
              label: 'Source',
              cell: (source) => (
                <span data-source-id={source.id}>
                  <strong>{source.label}</strong> <span class="muted">{source.kind}</span>
                </span>
              ),
            },
            { label: 'Account', cell: account },
            {
              label: 'Schedule',
              cell: (source) =>
                BY_HAND.has(source.kind) ? (
                  '—'
                ) : canCollect ? (
                  <select
                    aria-label={`How often to collect ${source.label}`}
                    value={String(source.intervalSeconds)}
                    onChange={(e) => {
                      const seconds = Number(e.currentTarget.value);
                      void change(source, { intervalSeconds: seconds }, `${source.label}: ${INTERVALS[seconds] ?? `every ${seconds} s`}.`);
                    }}
                  >
                    {intervalOptions(source.intervalSeconds)}
                  </select>
                ) : (
                  (INTERVALS[source.intervalSeconds] ?? `every ${source.intervalSeconds} s`)
                ),
            },
            {
              label: 'State',
              cell: (source) =>
                BY_HAND.has(source.kind) ? (
                  '—'
                ) : (
                  <>
                    {source.enabled ? 'Collecting' : 'Paused'}
                    <br />
                    <span class="muted">
                      Last run {when(source.lastRunAt, 'never')}
                      {source.enabled && source.nextRunAt && `; next ${when(source.nextRunAt, '')}`}
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
                      {busy === source.id ? 'Collecting…' : 'Collect now'}
                    </button>
                    <button
                      type="button"
                      class="link"
                      onClick={() => void change(source, { enabled: !source.enabled }, `${source.label}: ${source.enabled ? 'paused' : 'collecting again'}.`)}
                    >
                      {source.enabled ? 'Pause' : 'Resume'}
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
  const entries = Object.entries(INTERVALS);
  if (!INTERVALS[current]) entries.push([String(current), `Every ${current} s`]);
  return entries.map(([value, label]) => (
    <option key={value} value={value}>
      {label}
    </option>
  ));
}
