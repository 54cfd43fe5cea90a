import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { PublicProduct } from '../../../../shared/api-types.ts';
import { api, messageOf } from '../../../api.ts';
import { t } from '../../../i18n/i18n.ts';

/** Search waits for a pause in typing rather than asking the server at every key. */
const SEARCH_DELAY_MS = 150;
const SHOWN = 8;

/**
 * Picks the product for a hotspot just dropped: the post's suggested products while the query
 * is empty (its caption usually names them), else the catalog searched by title or SKU.
 * ↑/↓ choose, Enter picks, Esc cancels the hotspot.
 */
export function ProductSearch({ postId, onPick, onCancel }: { postId: string; onPick: (product: PublicProduct) => void; onCancel: () => void }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState('');
  const [results, setResults] = useState<PublicProduct[] | null>(null);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const term = q.trim();

  useEffect(() => input.current?.focus(), []);

  useEffect(() => {
    const request = new AbortController();
    const timer = setTimeout(() => {
      const found = term ? api.products(term, SHOWN, request.signal) : api.productSuggestions(postId, SHOWN, request.signal);
      found.then(
        ({ products }) => {
          setResults(products);
          setActive(0);
          setError(null);
        },
        (e: unknown) => !request.signal.aborted && setError(messageOf(e)),
      );
    }, term ? SEARCH_DELAY_MS : 0);
    return () => {
      clearTimeout(timer);
      request.abort();
    };
  }, [term, postId]);

  const options = results ?? [];
  const optionId = (index: number) => `${id}-option-${index}`;
  const status = error
    ? t('search.failed', { reason: error })
    : results === null
      ? t('common.loading')
      : options.length === 0
        ? term
          ? t('search.noMatch')
          : t('search.noSuggestion')
        : t(term ? 'search.found' : 'search.suggested', { count: options.length });

  return (
    <div class="product-search" role="group" aria-label={t('search.group')}>
      <label for={id}>{t('search.label')}</label>
      <input
        id={id}
        ref={input}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={options.length > 0}
        aria-controls={`${id}-list`}
        aria-activedescendant={options[active] ? optionId(active) : undefined}
        aria-describedby={`${id}-status`}
        value={q}
        onInput={(event) => setQ(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            const last = options.length - 1;
            setActive((index) => Math.max(0, Math.min(last, index + (event.key === 'ArrowDown' ? 1 : -1))));
          } else if (event.key === 'Enter') {
            event.preventDefault();
            const product = options[active];
            if (product) onPick(product);
          } else if (event.key === 'Escape') {
            // Cancels the hotspot only: the details dialog around stays open.
            event.preventDefault();
            event.stopPropagation();
            onCancel();
          }
        }}
      />
      <span id={`${id}-status`} class="muted" aria-live="polite">
        {status}
      </span>
      <ul id={`${id}-list`} role="listbox" class="plain" aria-label={term ? t('search.matching') : t('search.suggestedFor')}>
        {options.map((product, index) => (
          <li
            key={product.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            data-product-id={product.id}
            // The input keeps focus: a click picks without blurring it first.
            onPointerDown={(event) => event.preventDefault()}
            onClick={() => onPick(product)}
          >
            {product.title} <span class="muted">{product.sku}</span>
          </li>
        ))}
      </ul>
      <button type="button" class="link" onClick={onCancel}>
        {t('common.cancel')} <kbd>Esc</kbd>
      </button>
    </div>
  );
}
