import { useStore } from '@nanostores/preact';
import { useEffect, useRef } from 'preact/hooks';
import type { CatalogFeed, CatalogImport, CatalogImportSample } from '../../../shared/admin-types.ts';
import { money } from '../../components/money.ts';
import { DataTable } from '../../components/table.tsx';
import { $preview, applyPreview, closePreview, discardPreview, preview } from '../../stores/catalog.ts';
import { applyLabel, statusText, when } from './catalog-text.ts';
import { t } from '../../i18n/i18n.ts';

const KINDS = ['added', 'updated', 'unchanged', 'missing', 'invalid'] as const;

/**
 * What an import would change before it changes anything: counts and samples of added, updated
 * and missing products, every invalid row by line, field and reason; then Apply (skipping the
 * invalid rows when there are some) or Discard.
 */
export function ImportPreview({ feed }: { feed: CatalogFeed | undefined }) {
  const state = useStore($preview);
  const heading = useRef<HTMLHeadingElement>(null);
  const id = state?.import?.id;
  // Keyboard and screen-reader users land on the preview as soon as it is there.
  useEffect(() => {
    if (id) heading.current?.focus();
  }, [id]);
  if (!state) return null;
  const imp = state.import;
  const stale = state.error?.code === 'stale';
  const again = () => void preview(state.feedId, state.file);
  return (
    <section class="card stack import-preview" aria-labelledby="import-preview-title" aria-busy={state.busy}>
      <header class="page-head">
        <h2 id="import-preview-title" ref={heading} tabIndex={-1}>
          {feed ? t('catalog.importOf', { name: feed.name }) : t('catalog.importOfFeed')}
        </h2>
        <button type="button" class="link" onClick={closePreview}>
          {t('common.close')}
        </button>
      </header>
      {state.busy && !imp && <p class="muted">{t('catalog.reading')}</p>}
      {state.error && (
        <div class="form-error" role="alert">
          <p>{stale ? t('catalog.stale') : state.error.message}</p>
          {stale && (state.file || feed?.url) && (
            <button type="button" onClick={again}>
              {t('catalog.previewAgain')}
            </button>
          )}
        </div>
      )}
      {imp && <PreviewBody imp={imp} />}
      {imp?.status === 'previewed' && (
        <div class="actions">
          <button type="button" class="primary" disabled={state.busy || stale} onClick={() => void applyPreview(imp.invalid > 0)}>
            {applyLabel(imp.invalid)}
          </button>
          <button type="button" disabled={state.busy} onClick={() => void discardPreview()}>
            {t('catalog.discard')}
          </button>
        </div>
      )}
    </section>
  );
}

function PreviewBody({ imp }: { imp: CatalogImport }) {
  return (
    <>
      <p role="status">
        <strong>{statusText(imp.status)}</strong>
        <span class="muted">
          {' '}
          · {t('catalog.readOn', { date: when(imp.createdAt, '') })}
          {imp.appliedAt && t('catalog.appliedOn', { date: when(imp.appliedAt, '') })}
        </span>
      </p>
      <dl class="import-counts">
        {KINDS.map((key) => (
          <div key={key} data-kind={key}>
            <dt>{t(`catalog.kind.${key}`)}</dt>
            <dd>
              <strong>{imp[key]}</strong> {key !== 'unchanged' && <span class="muted">{t(`catalog.hint.${key}`)}</span>}
            </dd>
          </div>
        ))}
      </dl>
      {(['added', 'updated', 'missing'] as const).map((kind) =>
        imp.samples[kind].length > 0 ? (
          <div key={kind} class="samples" data-kind={kind}>
            <h3>{t(`catalog.example.${kind}`)}</h3>
            <ul class="plain">
              {imp.samples[kind].map((sample) => (
                <li key={sample.sku}>
                  {sample.title} <span class="muted">({sample.sku})</span> <SamplePrice sample={sample} />
                </li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
      {imp.errors.length > 0 && (
        <>
          <h3>{t('catalog.invalidTitle')}{imp.invalid > imp.errors.length && t('catalog.firstOf', { shown: imp.errors.length, total: imp.invalid })}</h3>
          <DataTable
            class="row-errors"
            rows={imp.errors}
            rowKey={(problem) => `${problem.line}:${problem.field ?? ''}:${problem.message}`}
            columns={[
              { label: t('import.lineLabel'), cell: (problem) => problem.line },
              { label: t('import.field'), cell: (problem) => (problem.field ? <code>{problem.field}</code> : '—') },
              { label: t('import.problem'), cell: (problem) => problem.message },
            ]}
          />
        </>
      )}
    </>
  );
}

const priceText = (price: CatalogImportSample['price']) => (price ? money(price.amount, price.currency) : t('catalog.noPrice'));

/** The price shoppers would pay, and for an update whose price moves, from what. */
function SamplePrice({ sample }: { sample: CatalogImportSample }) {
  const moved = sample.previousPrice !== null && priceText(sample.previousPrice) !== priceText(sample.price);
  return (
    <span class="sample-price" data-price>
      {moved && <del>{priceText(sample.previousPrice)}</del>} {priceText(sample.price)}
    </span>
  );
}
