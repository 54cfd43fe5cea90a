import { useStore } from '@nanostores/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { $currentId, $list, loadMore, retry } from '../../stores/inbox.ts';
import { PostRow, ROW_HEIGHT } from './post-row.tsx';
import { t } from '../../i18n/i18n.ts';

/** Rows rendered above and below the visible ones, so fast scrolling shows no blank rows. */
const OVERSCAN = 8;

/**
 * The inbox list, windowed: only the rows in view (plus a margin) are in the DOM, whatever
 * the number loaded. A sentinel after the last loaded row asks for the next page when it
 * scrolls into view. The listbox points at the cursor row with aria-activedescendant.
 */
export function PostList({ canModerate }: { canModerate: boolean }) {
  const { ids, loading, error, nextCursor } = useStore($list);
  const viewport = useRef<HTMLDivElement>(null);
  const sentinel = useRef<HTMLDivElement>(null);
  const [range, setRange] = useState({ start: 0, end: 30 });

  const measure = () => {
    const element = viewport.current;
    if (!element) return;
    const start = Math.max(0, Math.floor(element.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const end = Math.ceil((element.scrollTop + element.clientHeight) / ROW_HEIGHT) + OVERSCAN;
    setRange((old) => (old.start === start && old.end === end ? old : { start, end }));
  };

  useEffect(() => {
    measure();
    const resize = new ResizeObserver(measure);
    if (viewport.current) resize.observe(viewport.current);
    return () => resize.disconnect();
  }, []);

  useEffect(() => {
    const target = sentinel.current;
    if (!target || !viewport.current) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && loadMore(), {
      root: viewport.current,
      rootMargin: `${ROW_HEIGHT * 10}px`,
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, []);

  // Keeps the cursor row in view and announced, without re-rendering the list on each move.
  useEffect(
    () =>
      $currentId.subscribe((id) => {
        const element = viewport.current;
        if (!element) return;
        if (id) element.setAttribute('aria-activedescendant', `post-${id}`);
        else element.removeAttribute('aria-activedescendant');
        const index = id ? $list.get().ids.indexOf(id) : -1;
        if (index < 0) return;
        const top = index * ROW_HEIGHT;
        if (top < element.scrollTop) element.scrollTop = top;
        else if (top + ROW_HEIGHT > element.scrollTop + element.clientHeight) element.scrollTop = top + ROW_HEIGHT - element.clientHeight;
        measure();
      }),
    [],
  );

  const end = Math.min(ids.length, range.end);
  const shown = ids.slice(range.start, end);
  return (
    <div class="post-list-wrap">
      <div
        ref={viewport}
        class="post-list"
        role="listbox"
        aria-label={t('inbox.posts')}
        aria-multiselectable={canModerate}
        aria-busy={loading}
        tabIndex={0}
        onScroll={measure}
      >
        <div class="post-list-inner" style={{ height: `${ids.length * ROW_HEIGHT}px` }}>
          {shown.map((id, i) => (
            <PostRow key={id} id={id} index={range.start + i} total={ids.length} canModerate={canModerate} />
          ))}
          <div ref={sentinel} class="sentinel" aria-hidden="true" style={{ top: `${ids.length * ROW_HEIGHT}px` }} />
        </div>
      </div>
      <p class="list-status muted">
        {error ? (
          <>
            <span role="alert">{t('inbox.loadFailed', { reason: error })}</span>{' '}
            <button type="button" class="link" onClick={retry}>
              {t('common.retry')}
            </button>
          </>
        ) : loading ? (
          t('common.loading')
        ) : ids.length === 0 ? (
          t('inbox.none')
        ) : nextCursor === null ? (
          t('inbox.allLoaded', { count: ids.length })
        ) : (
          t('inbox.someLoaded', { count: ids.length })
        )}
      </p>
    </div>
  );
}
