import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import type { GettingStarted as Checklist, GettingStartedStep } from '../../../shared/admin-types.ts';
import { api } from '../../api.ts';
import { PublicAddressWarning } from '../../components/readiness.tsx';
import { RefusedOrigins } from '../../components/refused-origins.tsx';
import { $session, can } from '../../stores/session.ts';
import { t, tn } from '../../i18n/i18n.ts';

/** The page where each step is done. */
const STEP_PAGES: Record<GettingStartedStep, string> = {
  instagram: '/panel/instagram',
  webhooks: '/panel/instagram',
  source: '/panel/sources',
  brand: '/panel/settings',
  terms: '/panel/rights',
  catalog: '/panel/catalog',
  gallery: '/panel/galleries',
  origins: '/panel/settings',
  embed: '/panel/galleries',
};

/** Each step in words, and the page where it is done. */
export const step = (id: GettingStartedStep): { label: string; href: string; how: string } => ({ label: t(`steps.${id}.label`), href: STEP_PAGES[id], how: t(`steps.${id}.how`) });

/** Where a step is done: once Instagram is connected, its page offers the handle and hashtag filled in from the account. */
function stepHref(id: GettingStartedStep, checklist: Checklist): string {
  const connected = checklist.steps.some((s) => s.id === 'instagram' && s.done);
  return id === 'brand' && connected ? '/panel/instagram' : STEP_PAGES[id];
}

/**
 * A new workspace's checklist, at the top of the inbox until every step is done. Each step is
 * read from the server (never ticked by hand), afresh on every visit and whenever the merchant
 * comes back to the tab.
 */
export function GettingStarted() {
  const [checklist, setChecklist] = useState<Checklist | null>(null);
  useEffect(() => {
    const load = () => api.gettingStarted().then(setChecklist, () => setChecklist(null));
    const onVisible = () => document.visibilityState === 'visible' && void load();
    void load();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);
  return checklist && <ChecklistView checklist={checklist} onOriginAllowed={() => void api.gettingStarted().then(setChecklist)} />;
}

/**
 * The checklist as the server answered it; nothing once every step is done but a bad public
 * address. While the store's address is not allowed, the pages whose visits were refused are
 * listed with it, one click from allowed.
 */
export function ChecklistView({ checklist, onOriginAllowed }: { checklist: Checklist; onOriginAllowed?: () => void }) {
  const canConfigure = can(useStore($session), 'configure');
  const originsLeft = checklist.steps.some((s) => s.id === 'origins' && !s.done);
  const left = checklist.steps.filter((s) => !s.done).length;
  if (left === 0) return checklist.publicOriginProblem ? <PublicAddressWarning problem={checklist.publicOriginProblem} /> : null;
  return (
    <section class="card getting-started" aria-labelledby="getting-started-title">
      <h2 id="getting-started-title">
        {t('steps.title')} <span class="muted">{tn('steps.left', left)}</span>
      </h2>
      <ol>
        {checklist.steps.map(({ id, done }) => (
          <li key={id} data-step={id} data-done={done}>
            <span class="step-mark" aria-hidden="true">
              {done ? '✓' : '○'}
            </span>
            {done ? <s>{step(id).label}</s> : <a href={stepHref(id, checklist)}>{step(id).label}</a>}
            <span class="visually-hidden">{done ? t('steps.done') : t('steps.todo')}</span>
            <span class="muted"> — {step(id).how}</span>
          </li>
        ))}
      </ol>
      {originsLeft && <RefusedOrigins canAllow={canConfigure} onAllowed={onOriginAllowed} />}
      {checklist.publicOriginProblem && <PublicAddressWarning problem={checklist.publicOriginProblem} />}
    </section>
  );
}
