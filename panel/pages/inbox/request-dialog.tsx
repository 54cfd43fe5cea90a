import { useStore } from '@nanostores/preact';
import { useEffect, useRef } from 'preact/hooks';
import type { RequestLanguage } from '../../../shared/admin-types.ts';
import { REQUEST_LANGUAGES, type ApiError } from '../../api.ts';
import { Dialog } from '../../components/dialog.tsx';
import { PublicAddressWarning, useReadiness } from '../../components/readiness.tsx';
import { RequestDelivery } from '../../components/rights.tsx';
import { postById } from '../../stores/inbox.ts';
import { $asking, $language, ask, closeAsking, type Asking } from '../../stores/rights.ts';
import { step } from './getting-started.tsx';
import { t, tn } from '../../i18n/i18n.ts';

const author = (postId: string) => postById(postId)?.author.username ?? null;

/**
 * "Request rights" for one post or the selection: the language of the message, then what each
 * request needs — nothing when Vitrine replied on Instagram itself, else the message to send by hand.
 */
export function RequestDialog() {
  const asking = useStore($asking);
  return (
    <Dialog open={asking !== null} onClose={closeAsking} title={t('inbox.requestRights')}>
      {asking && (asking.made ? <Made asking={asking} made={asking.made} /> : <Ask asking={asking} />)}
    </Dialog>
  );
}

/** What a rights request needs from the workspace before it can be made. */
const PREREQUISITES = ['brand', 'terms'] as const;

function Ask({ asking }: { asking: Asking }) {
  const language = useStore($language);
  const readiness = useReadiness();
  const missing = PREREQUISITES.filter((id) => readiness?.steps.some((s) => s.id === id && !s.done));
  const n = asking.postIds.length;
  const only = n === 1 ? author(asking.postIds[0]!) : null;
  return (
    <form
      class="stack request-form"
      onSubmit={(event) => {
        event.preventDefault();
        void ask(new FormData(event.currentTarget).get('language') as RequestLanguage);
      }}
    >
      <p>
        {n === 0
          ? t('request.nothing')
          : n === 1
            ? only
              ? t('request.askOne', { author: only })
              : t('request.askUnknown')
            : t('request.askMany', { count: n })}
      </p>
      {asking.skipped.length > 0 && <p class="muted">{tn('request.skipped', asking.skipped.length)}</p>}
      {missing.length > 0 && (
        <div class="warning missing-prerequisites" role="note">
          {t('request.before')}
          <ul>
            {missing.map((id) => (
              <li key={id}>
                <a href={step(id).href} onClick={closeAsking}>
                  {step(id).label}
                </a>{' '}
                — {step(id).how}
              </li>
            ))}
          </ul>
        </div>
      )}
      {readiness?.publicOriginProblem && <PublicAddressWarning problem={readiness.publicOriginProblem} />}
      <fieldset class="row">
        <legend>{t('request.language')}</legend>
        {(Object.entries(REQUEST_LANGUAGES) as [RequestLanguage, string][]).map(([value, label]) => (
          <label key={value} class="check-label">
            <input type="radio" name="language" value={value} defaultChecked={value === language} />
            {label}
          </label>
        ))}
      </fieldset>
      <p class="muted">
        {t('request.how')}
      </p>
      {asking.error && <Refusal error={asking.error} />}
      <div class="actions">
        {/* Never disabled while busy: a disabled button drops focus out of the dialog, and keys would reach the inbox. */}
        <button type="submit" class="primary" autofocus disabled={n === 0} aria-busy={asking.busy}>
          {asking.busy ? t('request.busy') : n > 1 ? t('request.submitMany', { count: n }) : t('inbox.requestRights')}
        </button>
        <button type="button" onClick={closeAsking}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function Made({ asking, made }: { asking: Asking; made: NonNullable<Asking['made']> }) {
  const ref = useRef<HTMLDivElement>(null);
  // The form and its focused button are gone: focus stays in the dialog, so keys stay out of the inbox.
  useEffect(() => ref.current?.focus(), []);
  const byHand = made.filter((r) => r.channel === 'manual' && r.status === 'draft').length;
  return (
    <div class="stack request-made" ref={ref} tabIndex={-1}>
      <p role="status">
        {tn('request.made', made.length)} {byHand > 0 ? tn('request.byHand', byHand) : ''}
      </p>
      {asking.error && <Refusal error={asking.error} />}
      <ol class="plain made">
        {made.map((request) => (
          <li key={request.id} data-post-id={request.postId}>
            <strong>{author(request.postId) ? `@${author(request.postId)}` : t('common.unknownAuthor')}</strong>
            <RequestDelivery request={request} author={author(request.postId)} canAct />
          </li>
        ))}
      </ol>
      <div class="actions">
        <button type="button" onClick={closeAsking}>
          {t('request.done')} <kbd>Esc</kbd>
        </button>
      </div>
    </div>
  );
}

/** The API's refusal, and where to fix its cause. */
function Refusal({ error }: { error: ApiError }) {
  const fix =
    error.code === 'not_configured' ? (
      <a href="/panel/settings" onClick={closeAsking}>
        {t('request.fixBrand')}
      </a>
    ) : error.code === 'no_terms' ? (
      <a href="/panel/rights" onClick={closeAsking}>
        {t('request.fixTerms')}
      </a>
    ) : error.code === 'already_granted' ? (
      t('request.fixGranted')
    ) : null;
  return (
    <div class="form-error" role="alert">
      {error.message}
      {fix && <> — {fix}</>}
    </div>
  );
}
