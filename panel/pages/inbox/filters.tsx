import { useStore } from '@nanostores/preact';
import { useEffect, useRef } from 'preact/hooks';
import type { ModerationStatus, RightsStatus } from '../../../shared/admin-types.ts';
import type { PostFilters, Source } from '../../api.ts';
import { $filters, $list, EMPTY_FILTERS, loadFirstPage, setFilter, STATUSES } from '../../stores/inbox.ts';
import { t } from '../../i18n/i18n.ts';

/** The API filters on the stored status, where rights that ran out are still granted. */
const RIGHTS: readonly RightsStatus[] = ['none', 'requested', 'author_replied', 'granted', 'declined', 'withdrawn'];
/** Search waits for a pause in typing rather than asking the server at every key. */
const SEARCH_DELAY_MS = 250;

export function StatusTabs() {
  const status = useStore($filters, { keys: ['status'] }).status;
  const counts = useStore($list).counts;
  return (
    <nav class="tabs" aria-label={t('inbox.statusTabs')}>
      {STATUSES.map((value) => (
        <button type="button" key={value} aria-pressed={status === value} onClick={() => setFilter('status', value)}>
          {t(`status.${value}`)}
          {counts && <span class="count">{counts[value]}</span>}
        </button>
      ))}
    </nav>
  );
}

export function Filters({ sources }: { sources: Source[] }) {
  const filters = useStore($filters);
  const search = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const select = <K extends keyof PostFilters>(key: K, label: string, options: [PostFilters[K], string][]) => (
    <label>
      {label}
      <select value={filters[key]} onChange={(e) => setFilter(key, e.currentTarget.value as PostFilters[K])}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  const active = (Object.keys(EMPTY_FILTERS) as (keyof PostFilters)[]).some((k) => k !== 'status' && filters[k] !== EMPTY_FILTERS[k]);

  return (
    <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
      <label class="search">
        {t('inbox.search')}
        <input
          ref={search}
          type="search"
          name="q"
          placeholder={t('inbox.searchPlaceholder')}
          onInput={(e) => {
            const value = e.currentTarget.value;
            clearTimeout(timer.current);
            timer.current = setTimeout(() => setFilter('q', value), SEARCH_DELAY_MS);
          }}
        />
      </label>
      {select('source', t('inbox.source'), [['', t('inbox.allSources')], ...sources.map((s): [string, string] => [s.id, `${s.kind}: ${s.label}`])])}
      {select('rights', t('inbox.rights'), [['', t('inbox.anyRights')], ...RIGHTS.map((value): [string, string] => [value, t(`inbox.rightsFilter.${value}`)])])}
      {select('hasProducts', t('inbox.products'), [
        ['', t('inbox.any')],
        ['true', t('inbox.tagged')],
        ['false', t('inbox.untagged')],
      ])}
      {select('mediaType', t('inbox.media'), [
        ['', t('inbox.anyMedia')],
        ['image', t('inbox.image')],
        ['video', t('media.video')],
        ['carousel', t('inbox.carousel')],
      ])}
      <label>
        {t('inbox.from')}
        <input type="date" value={filters.from} max={filters.to || undefined} onChange={(e) => setFilter('from', e.currentTarget.value)} />
      </label>
      <label>
        {t('inbox.to')}
        <input type="date" value={filters.to} min={filters.from || undefined} onChange={(e) => setFilter('to', e.currentTarget.value)} />
      </label>
      {filters.campaign && <span class="muted">{t('inbox.campaignEntries', { campaign: filters.campaign })}</span>}
      {active && (
        <button
          type="button"
          class="link"
          onClick={() => {
            if (search.current) search.current.value = '';
            $filters.set({ ...EMPTY_FILTERS, status: filters.status });
            void loadFirstPage();
          }}
        >
          {t('inbox.clearFilters')}
        </button>
      )}
    </form>
  );
}
