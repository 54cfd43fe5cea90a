import { useId, useState } from 'preact/hooks';
import { api, ApiError, messageOf, type ImportFormat, type ImportReport } from '../../api.ts';
import { SelectField } from '../../components/form.tsx';
import { DataTable } from '../../components/table.tsx';
import { announce } from '../../stores/announcer.ts';

const FORMATS: Record<ImportFormat, string> = { csv: 'CSV', tsv: 'TSV (tab-separated)', json: 'JSON' };

/** The format a file's name says, else CSV. */
function formatOf(name: string): ImportFormat {
  const extension = name.toLowerCase().split('.').pop();
  return extension === 'json' ? 'json' : extension === 'tsv' || extension === 'tab' ? 'tsv' : 'csv';
}

const lines = (numbers: number[]) => (numbers.length === 1 ? `line ${numbers[0]}` : `lines ${numbers.join(', ')}`);

/**
 * Imports posts from a file in two steps: a dry run checks every row and reports each problem
 * with its line, field and reason; then the valid rows are imported (the others skipped), or the
 * merchandiser fixes the file and checks it again.
 */
export function ImportForm({ onImported }: { onImported: () => void }) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat>('csv');
  const [label, setLabel] = useState('');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [done, setDone] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api.importFile(file, { format, dryRun, skipInvalid: !dryRun, label: label.trim() || file.name });
      if (dryRun) setReport(result);
      else {
        setReport(null);
        setDone(result);
        announce(`Imported ${result.imported === 1 ? '1 post' : `${result.imported} posts`}: they wait in the inbox.`, false);
        onImported();
      }
    } catch (e) {
      // A refusal for bad rows still carries the report, line by line.
      const body = e instanceof ApiError ? (e.body as { report?: ImportReport } | undefined) : undefined;
      if (body?.report) setReport(body.report);
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const fresh = report ? report.valid - report.duplicates.length : 0;
  return (
    <section class="card stack import-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Import posts from a file</h2>
      <p class="muted">
        A CSV, TSV or JSON file with one post per row: <code>image_url</code> (https, required), <code>author</code>, <code>caption</code>, <code>permalink</code>,{' '}
        <code>published_at</code>. Imported posts wait in the inbox.
      </p>
      <form
        class="row"
        aria-label="Check an import file"
        onSubmit={(e) => {
          e.preventDefault();
          void send(true);
        }}
      >
        <label>
          File
          <input
            type="file"
            name="file"
            required
            accept=".csv,.tsv,.json,text/csv,text/tab-separated-values,application/json"
            onChange={(e) => {
              const chosen = e.currentTarget.files?.[0] ?? null;
              setFile(chosen);
              if (chosen) setFormat(formatOf(chosen.name));
              setReport(null);
              setDone(null);
              setError(null);
            }}
          />
        </label>
        <SelectField name="format" label="Format" options={FORMATS} value={format} onChange={(value) => setFormat(value as ImportFormat)} />
        <label>
          Name <span class="muted">(the source it shows as)</span>
          <input name="label" maxLength={100} placeholder={file?.name ?? 'Import'} value={label} onInput={(e) => setLabel(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={!file || busy}>
          Check the file
        </button>
      </form>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {report && (
        <div class="import-report stack" role="region" aria-label="Import check">
          <p role="status">
            <strong>
              {report.total} rows: {report.valid} valid
              {report.duplicates.length > 0 && `, ${report.duplicates.length} imported before`}
              {report.errors.length > 0 && `, ${report.errors.length} with problems`}.
            </strong>
          </p>
          {report.duplicates.length > 0 && <p class="muted">Already imported, skipped: {lines(report.duplicates)}.</p>}
          {report.errors.length > 0 && (
            <DataTable
              class="row-errors"
              rows={report.errors}
              rowKey={(problem) => `${problem.line}:${problem.field}`}
              columns={[
                { label: 'Line', cell: (problem) => problem.line },
                { label: 'Field', cell: (problem) => <code>{problem.field}</code> },
                { label: 'Problem', cell: (problem) => problem.reason },
              ]}
            />
          )}
          <div class="row">
            {fresh > 0 && (
              <button type="button" class="primary" disabled={busy} onClick={() => void send(false)}>
                Import {fresh === 1 ? '1 valid row' : `${fresh} valid rows`}
              </button>
            )}
            {fresh === 0 && <span class="muted">Nothing new to import.</span>}
            {report.errors.length > 0 && <span class="muted">or fix the file and check it again.</span>}
          </div>
        </div>
      )}
      {done && (
        <p role="status" class="import-done">
          Imported {done.imported === 1 ? '1 post' : `${done.imported} posts`}
          {done.errors.length > 0 && `, skipped ${done.errors.length} invalid ${done.errors.length === 1 ? 'row' : 'rows'}`}
          {done.duplicates.length > 0 && ` and ${done.duplicates.length} imported before`}. They wait in the <a href="/panel/">inbox</a>.
        </p>
      )}
    </section>
  );
}
