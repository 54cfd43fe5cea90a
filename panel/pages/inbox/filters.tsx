import { useStore } from '@nanostores/preact';
import { useEffect, useRef } from 'preact/hooks';
import type { ModerationStatus, RightsStatus } from '../../../shared/admin-types.ts';
import type { PostFilters, Source } from '../../api.ts';
import { $filters, $list, EMPTY_FILTERS, loadFirstPage, setFilter, STATUS_LABELS } from '../../stores/inbox.ts';

const STATUSES = Object.keys(STATUS_LABELS) as ModerationStatus[];
/** The API filters on the stored status, where rights that ran out are still granted. */
const RIGHTS: Record<RightsStatus, string> = {
  none: 'Not requested',
  requested: 'Requested',
  author_replied: 'Author replied',
  granted: 'Granted (running or expired)',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
};
/** Search waits for a pause in typing rather than asking the server at every key. */
const SEARCH_DELAY_MS = 250;

export function StatusTabs() {
  const status = useStore($filters, { keys: ['status'] }).status;
  const counts = useStore($list).counts;
  return (
    <nav class="tabs" aria-label="Moderation status">
      {STATUSES.map((value) => (
        <button type="button" key={value} aria-pressed={status === value} onClick={() => setFilter('status', value)}>
          {STATUS_LABELS[value]}
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
        Search
        <input
          ref={search}
          type="search"
          name="q"
          placeholder="Caption or @username  ( / )"
          onInput={(e) => {
            const value = e.currentTarget.value;
            clearTimeout(timer.current);
            timer.current = setTimeout(() => setFilter('q', value), SEARCH_DELAY_MS);
          }}
        />
      </label>
      {select('source', 'Source', [['', 'All sources'], ...sources.map((s): [string, string] => [s.id, `${s.kind}: ${s.label}`])])}
      {select('rights', 'Rights', [['', 'Any rights'], ...(Object.entries(RIGHTS) as [string, string][])])}
      {select('hasProducts', 'Products', [
        ['', 'Any'],
        ['true', 'Tagged'],
        ['false', 'Untagged'],
      ])}
      {select('mediaType', 'Media', [
        ['', 'Any media'],
        ['image', 'Image'],
        ['video', 'Video'],
        ['carousel', 'Carousel'],
      ])}
      <label>
        From
        <input type="date" value={filters.from} max={filters.to || undefined} onChange={(e) => setFilter('from', e.currentTarget.value)} />
      </label>
      <label>
        To
        <input type="date" value={filters.to} min={filters.from || undefined} onChange={(e) => setFilter('to', e.currentTarget.value)} />
      </label>
      {filters.campaign && <span class="muted">Entries of the campaign {filters.campaign}</span>}
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
          Clear filters
        </button>
      )}
    </form>
  );
}
