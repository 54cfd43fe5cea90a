import { useId, useState } from 'preact/hooks';
import { api, ApiError, messageOf, type ImportFormat, type ImportReport } from '../../api.ts';
import { SelectField } from '../../components/form.tsx';
import { DataTable } from '../../components/table.tsx';
import { announce } from '../../stores/announcer.ts';
import { t, tn } from '../../i18n/i18n.ts';

const formats = (): Record<ImportFormat, string> => ({ csv: 'CSV', tsv: t('import.tsv'), json: 'JSON' });

/** The format a file's name says, else CSV. */
function formatOf(name: string): ImportFormat {
  const extension = name.toLowerCase().split('.').pop();
  return extension === 'json' ? 'json' : extension === 'tsv' || extension === 'tab' ? 'tsv' : 'csv';
}

const lines = (numbers: number[]) => (numbers.length === 1 ? t('import.line', { n: numbers[0]! }) : t('import.lines', { list: numbers.join(', ') }));

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
        announce(tn('import.imported', result.imported), false);
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
      <h2 id={`${id}-title`}>{t('import.title')}</h2>
      <p class="muted">
        {t('import.help')} <code>image_url</code> {t('import.required')}, <code>author</code>, <code>caption</code>, <code>permalink</code>,{' '}
        <code>published_at</code>. {t('import.wait')}
      </p>
      <form
        class="row"
        aria-label={t('import.checkLabel')}
        onSubmit={(e) => {
          e.preventDefault();
          void send(true);
        }}
      >
        <label>
          {t('import.file')}
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
        <SelectField name="format" label={t('import.format')} options={formats()} value={format} onChange={(value) => setFormat(value as ImportFormat)} />
        <label>
          {t('members.name')} <span class="muted">{t('import.nameHint')}</span>
          <input name="label" maxLength={100} placeholder={file?.name ?? t('import.defaultName')} value={label} onInput={(e) => setLabel(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={!file || busy}>
          {t('import.check')}
        </button>
      </form>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {report && (
        <div class="import-report stack" role="region" aria-label={t('import.report')}>
          <p role="status">
            <strong>
              {t('import.summary', { total: report.total, valid: report.valid })}
              {report.duplicates.length > 0 && t('import.before', { count: report.duplicates.length })}
              {report.errors.length > 0 && t('import.problems', { count: report.errors.length })}.
            </strong>
          </p>
          {report.duplicates.length > 0 && <p class="muted">{t('import.skipped', { lines: lines(report.duplicates) })}</p>}
          {report.errors.length > 0 && (
            <DataTable
              class="row-errors"
              rows={report.errors}
              rowKey={(problem) => `${problem.line}:${problem.field}`}
              columns={[
                { label: t('import.lineLabel'), cell: (problem) => problem.line },
                { label: t('import.field'), cell: (problem) => <code>{problem.field}</code> },
                { label: t('import.problem'), cell: (problem) => problem.reason },
              ]}
            />
          )}
          <div class="row">
            {fresh > 0 && (
              <button type="button" class="primary" disabled={busy} onClick={() => void send(false)}>
                {tn('import.submit', fresh)}
              </button>
            )}
            {fresh === 0 && <span class="muted">{t('import.nothing')}</span>}
            {report.errors.length > 0 && <span class="muted">{t('import.orFix')}</span>}
          </div>
        </div>
      )}
      {done && (
        <p role="status" class="import-done">
          {tn('import.done', done.imported)}
          {done.errors.length > 0 && tn('import.doneSkipped', done.errors.length)}
          {done.duplicates.length > 0 && t('import.doneBefore', { count: done.duplicates.length })}. {t('import.waitIn')} <a href="/panel/">{t('import.inbox')}</a>.
        </p>
      )}
    </section>
  );
}
