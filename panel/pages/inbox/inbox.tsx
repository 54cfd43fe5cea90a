import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import type { ModerationRule, ModerationStatus } from '../../../shared/admin-types.ts';
import { api, type Source } from '../../api.ts';
import { isForFocusedControl } from '../../components/keys.ts';
import { $session, can } from '../../stores/session.ts';
import { $filters, $selectedCount, checkForNew, clearSelection, loadFirstPage, moderate, move, openDetail, toggleSelected, undo } from '../../stores/inbox.ts';
import { $router } from '../../stores/router.ts';
import { $history, openAsking } from '../../stores/rights.ts';
import { DetailDialog } from './detail-dialog.tsx';
import { Filters, StatusTabs } from './filters.tsx';
import { GettingStarted } from './getting-started.tsx';
import { HelpDialog } from './help-dialog.tsx';
import { NewPosts } from './new-posts.tsx';
import { PostList } from './post-list.tsx';
import { PostPreview } from './post-preview.tsx';
import { RequestDialog } from './request-dialog.tsx';
import { t } from '../../i18n/i18n.ts';

const NEW_POSTS_CHECK_MS = 30_000;

const MODERATION_KEYS: Record<string, ModerationStatus> = { a: 'approved', r: 'rejected', h: 'hidden', p: 'pending' };

/** Triage: status tabs, filters, the windowed list, the preview of the post under the cursor. */
export function InboxPage() {
  const session = useStore($session);
  const canModerate = can(session, 'moderate');
  const canAsk = can(session, 'rights');
  const [sources, setSources] = useState<Source[]>([]);
  const [help, setHelp] = useState(false);
  const [rules, setRules] = useState<ModerationRule[]>([]);

  useEffect(() => {
    // A campaign's entries are a link (`/panel/?campaign=<id>`, from the Campaigns page).
    const campaign = $router.get()?.search.campaign ?? '';
    if (campaign !== $filters.get().campaign) $filters.set({ ...$filters.get(), campaign });
    // Fresh on every visit: other members triage too, and a new session must not see the last one's list.
    void loadFirstPage();
    $history.set({});
    api.sources().then(
      ({ sources }) => setSources(sources),
      // The source filter is a convenience: the inbox works without it.
      () => setSources([]),
    );
    // Names the rule behind an automatic decision; without it the reason alone still shows.
    api.rules().then(
      ({ rules }) => setRules(rules),
      () => setRules([]),
    );
    document.querySelector<HTMLElement>('.post-list')?.focus();
  }, []);

  // Posts keep arriving while the merchandiser works: counted every half minute and whenever
  // the tab comes back into view, announced, and shown only when asked.
  useEffect(() => {
    const check = () => document.visibilityState === 'visible' && void checkForNew();
    const timer = setInterval(check, NEW_POSTS_CHECK_MS);
    document.addEventListener('visibilitychange', check);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', check);
    };
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isForFocusedControl(event)) return;
      // Enter and Space on a button or link are that control's own.
      if ((event.key === 'Enter' || event.key === ' ') && event.target instanceof Element && event.target.closest('button, a[href]')) return;
      const status = MODERATION_KEYS[event.key];
      if (status) {
        if (canModerate) void moderate(status);
      } else if (event.key === 'j' || event.key === 'ArrowDown') move(1);
      else if (event.key === 'k' || event.key === 'ArrowUp') move(-1);
      else if (event.key === 'x' && canModerate) toggleSelected();
      else if (event.key === 'u' && canModerate) void undo();
      else if (event.key === 'q' && canAsk) openAsking();
      else if (event.key === 'Enter') void openDetail();
      else if (event.key === 'Escape') clearSelection();
      else if (event.key === '?') setHelp(true);
      else if (event.key === '/') document.querySelector<HTMLInputElement>('.filters input[type=search]')?.focus();
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [canModerate, canAsk]);

  return (
    <section class="inbox" aria-labelledby="inbox-title">
      <header class="page-head">
        <h1 id="inbox-title">{t('nav.inbox')}</h1>
        <StatusTabs />
        <button type="button" class="link" onClick={() => setHelp(true)}>
          {t('inbox.shortcuts')} <kbd>?</kbd>
        </button>
      </header>
      {canModerate && <GettingStarted />}
      <Filters sources={sources} />
      <NewPosts />
      {canModerate && <BulkBar canAsk={canAsk} />}
      <div class="inbox-body">
        <PostList canModerate={canModerate} />
        <PostPreview canModerate={canModerate} canAsk={canAsk} rules={rules} />
      </div>
      <DetailDialog />
      <RequestDialog />
      <HelpDialog open={help} onClose={() => setHelp(false)} />
    </section>
  );
}

function BulkBar({ canAsk }: { canAsk: boolean }) {
  const count = useStore($selectedCount);
  if (count === 0) return null;
  return (
    <div class="bulk-bar" role="region" aria-label={t('inbox.selection')}>
      <strong>{t('inbox.selected', { count })}</strong>
      <button type="button" onClick={() => void moderate('approved')}>
        {t('inbox.approveAll')}
      </button>
      <button type="button" onClick={() => void moderate('rejected')}>
        {t('inbox.rejectAll')}
      </button>
      <button type="button" onClick={() => void moderate('hidden')}>
        {t('inbox.hideAll')}
      </button>
      {canAsk && (
        <button type="button" onClick={() => openAsking()}>
          {t('inbox.requestRights')} <kbd>q</kbd>
        </button>
      )}
      <button type="button" class="link" onClick={clearSelection}>
        {t('inbox.clear')} <kbd>Esc</kbd>
      </button>
    </div>
  );
}
