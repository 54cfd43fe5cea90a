import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import type { GettingStarted as Checklist, GettingStartedStep } from '../../../shared/admin-types.ts';
import { api } from '../../api.ts';
import { PublicAddressWarning } from '../../components/readiness.tsx';
import { RefusedOrigins } from '../../components/refused-origins.tsx';
import { $session, can } from '../../stores/session.ts';

/** Each step in words, and the page where it is done. */
export const STEPS: Record<GettingStartedStep, { label: string; href: string; how: string }> = {
  instagram: { label: 'Connect Instagram', href: '/panel/instagram', how: 'the business account whose tags, mentions and hashtags you collect' },
  source: { label: 'Add a source', href: '/panel/sources', how: 'a hashtag, your @mentions or the posts you are tagged in' },
  brand: { label: 'Set your handle and approval hashtag', href: '/panel/settings', how: 'authors reply with them to grant rights' },
  terms: { label: 'Publish your usage terms', href: '/panel/rights', how: 'what an author agrees to when they grant rights' },
  catalog: { label: 'Add your products', href: '/panel/catalog', how: 'a product feed or a CSV, to tag products in photos' },
  gallery: { label: 'Create a gallery', href: '/panel/galleries', how: 'which posts show on your store, and how' },
  origins: { label: "Allow your store's address", href: '/panel/settings', how: 'so the gallery on your store can report visits' },
  embed: { label: 'Paste the embed code on your store', href: '/panel/galleries', how: 'this ticks itself when the gallery is first seen there' },
};

/** Where a step is done: once Instagram is connected, its page offers the handle and hashtag filled in from the account. */
function stepHref(id: GettingStartedStep, checklist: Checklist): string {
  const connected = checklist.steps.some((s) => s.id === 'instagram' && s.done);
  return id === 'brand' && connected ? '/panel/instagram' : STEPS[id].href;
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
        Getting started <span class="muted">{left === 1 ? '1 step left' : `${left} steps left`}</span>
      </h2>
      <ol>
        {checklist.steps.map(({ id, done }) => (
          <li key={id} data-step={id} data-done={done}>
            <span class="step-mark" aria-hidden="true">
              {done ? '✓' : '○'}
            </span>
            {done ? <s>{STEPS[id].label}</s> : <a href={stepHref(id, checklist)}>{STEPS[id].label}</a>}
            <span class="visually-hidden">{done ? ' (done)' : ' (to do)'}</span>
            <span class="muted"> — {STEPS[id].how}</span>
          </li>
        ))}
      </ol>
      {originsLeft && <RefusedOrigins canAllow={canConfigure} onAllowed={onOriginAllowed} />}
      {checklist.publicOriginProblem && <PublicAddressWarning problem={checklist.publicOriginProblem} />}
    </section>
  );
}
