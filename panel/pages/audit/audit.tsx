import { useEffect, useState } from 'preact/hooks';
import { api, messageOf, type AuditEntry } from '../../api.ts';

const PAGE = 50;

/** What changed, who changed it and when, newest first; older entries on demand. */
export function AuditPage() {
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [more, setMore] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = async (before: number | null) => {
    setBusy(true);
    try {
      const page = await api.audit(before, PAGE);
      setEntries((old) => [...old, ...page.entries]);
      setMore(page.entries.length === PAGE);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => void load(null), []);
  const last = entries[entries.length - 1];
  return (
    <section aria-labelledby="audit-title" class="page">
      <h1 id="audit-title">Audit log</h1>
      {error && <p role="alert">Could not load the audit log: {error}</p>}
      <table class="audit">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Target</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>{new Date(entry.at).toLocaleString()}</td>
              <td>{entry.actorEmail ?? entry.actorKind}</td>
              <td>
                <code>{entry.action}</code>
              </td>
              <td>
                {entry.targetType}
                {entry.targetId && <span class="muted"> {entry.targetId}</span>}
              </td>
              <td class="change">
                {entry.before != null && <span class="muted">{JSON.stringify(entry.before)} → </span>}
                {entry.after != null && JSON.stringify(entry.after)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length === 0 && !busy && !error && <p class="muted">Nothing recorded yet.</p>}
      {more && last && (
        <button type="button" disabled={busy} onClick={() => void load(last.at)}>
          Older entries
        </button>
      )}
    </section>
  );
}
