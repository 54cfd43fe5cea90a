import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { PublicProduct } from '../../shared/api-types.ts';
import { api, messageOf } from '../api.ts';
import { t } from '../i18n/i18n.ts';

/** Search waits for a pause in typing rather than asking the server at every key. */
const SEARCH_DELAY_MS = 200;
const RESULTS = 8;

type Chosen = Pick<PublicProduct, 'id' | 'title' | 'sku'>;

/**
 * Chooses products by searching the catalog (title, SKU or brand). The chosen ids go into the
 * form as hidden inputs named `name`, so the form reads them with `getAll(name)`.
 */
export function ProductPicker({ name, label, initialIds, invalid, disabled }: { name: string; label: string; initialIds: string[]; invalid: boolean; disabled?: boolean }) {
  const id = useId();
  const [chosen, setChosen] = useState<Chosen[]>(() => initialIds.map((pid) => ({ id: pid, title: pid, sku: '' })));
  const [q, setQ] = useState('');
  const [results, setResults] = useState<PublicProduct[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const search = useRef<HTMLInputElement>(null);

  // Names the products chosen before (the gallery stores ids only).
  useEffect(() => {
    if (initialIds.length === 0) return;
    api.productsByIds(initialIds).then(
      ({ products }) => setChosen((old) => old.map((c) => products.find((p) => p.id === c.id) ?? c)),
      () => undefined,
    );
  }, []);

  useEffect(() => {
    const term = q.trim();
    if (!term) {
      setResults(null);
      return;
    }
    const request = new AbortController();
    const timer = setTimeout(() => {
      api.products(term, RESULTS, request.signal).then(
        ({ products }) => {
          setResults(products);
          setError(null);
        },
        (e: unknown) => !request.signal.aborted && setError(messageOf(e)),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      request.abort();
    };
  }, [q]);

  const add = (product: PublicProduct) => {
    setChosen((old) => (old.some((c) => c.id === product.id) ? old : [...old, product]));
    setQ('');
    search.current?.focus();
  };
  const remove = (product: Chosen) => setChosen((old) => old.filter((c) => c.id !== product.id));
  const offered = (results ?? []).filter((p) => !chosen.some((c) => c.id === p.id));

  return (
    <fieldset class="product-picker stack" disabled={disabled}>
      <legend>{label}</legend>
      {chosen.length === 0 ? (
        <span class="muted">{t('picker.none')}</span>
      ) : (
        <ul class="chips plain" aria-label={t('picker.chosen')}>
          {chosen.map((product) => (
            <li key={product.id} class="chip" data-product-id={product.id}>
              {product.title}
              {product.sku && <span class="muted"> {product.sku}</span>}
              <input type="hidden" name={name} value={product.id} />
              <button type="button" class="link" aria-label={t('tagger.removeTitle', { title: product.title })} onClick={() => remove(product)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label for={id}>{t('picker.find')}</label>
      <input
        id={id}
        ref={search}
        type="search"
        data-field={name}
        value={q}
        autoComplete="off"
        aria-invalid={invalid}
        aria-describedby={`${id}-status`}
        onInput={(e) => setQ(e.currentTarget.value)}
        onKeyDown={(e) => {
          // Enter picks the first match instead of submitting the whole form.
          if (e.key !== 'Enter') return;
          e.preventDefault();
          if (offered[0]) add(offered[0]);
        }}
      />
      <span id={`${id}-status`} class="muted" aria-live="polite">
        {error ? t('search.failed', { reason: error }) : results === null ? '' : offered.length === 0 ? t('picker.noMatch') : t('picker.found', { count: offered.length })}
      </span>
      {offered.length > 0 && (
        <ul class="plain picker-results" aria-label={t('search.matching')}>
          {offered.map((product) => (
            <li key={product.id}>
              <button type="button" class="link" onClick={() => add(product)}>
                {t('picker.add', { title: product.title })} <span class="muted">({product.sku})</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
