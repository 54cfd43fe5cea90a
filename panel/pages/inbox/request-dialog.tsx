import { useStore } from '@nanostores/preact';
import { useEffect, useRef } from 'preact/hooks';
import type { RequestLanguage } from '../../../shared/admin-types.ts';
import { REQUEST_LANGUAGES, type ApiError } from '../../api.ts';
import { Dialog } from '../../components/dialog.tsx';
import { PublicAddressWarning, useReadiness } from '../../components/readiness.tsx';
import { RequestDelivery } from '../../components/rights.tsx';
import { postById } from '../../stores/inbox.ts';
import { $asking, $language, ask, closeAsking, type Asking } from '../../stores/rights.ts';
import { STEPS } from './getting-started.tsx';

const author = (postId: string) => postById(postId)?.author.username ?? null;
const posts = (n: number) => (n === 1 ? '1 post' : `${n} posts`);

/**
 * "Request rights" for one post or the selection: the language of the message, then what each
 * request needs — nothing when Vitrine replied on Instagram itself, else the message to send by hand.
 */
export function RequestDialog() {
  const asking = useStore($asking);
  return (
    <Dialog open={asking !== null} onClose={closeAsking} title="Request rights">
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
          ? 'Nothing to ask: rights are already granted.'
          : n === 1
            ? `Ask ${only ? `@${only}` : 'the author'} for the right to show this post.`
            : `Ask the authors of ${posts(n)} for the right to show them.`}
      </p>
      {asking.skipped.length > 0 && <p class="muted">{posts(asking.skipped.length)} with rights granted and running left out.</p>}
      {missing.length > 0 && (
        <div class="warning missing-prerequisites" role="note">
          Before you can ask:
          <ul>
            {missing.map((id) => (
              <li key={id}>
                <a href={STEPS[id].href} onClick={closeAsking}>
                  {STEPS[id].label}
                </a>{' '}
                — {STEPS[id].how}
              </li>
            ))}
          </ul>
        </div>
      )}
      {readiness?.publicOriginProblem && <PublicAddressWarning problem={readiness.publicOriginProblem} />}
      <fieldset class="row">
        <legend>Language of the message</legend>
        {(Object.entries(REQUEST_LANGUAGES) as [RequestLanguage, string][]).map(([value, label]) => (
          <label key={value} class="check-label">
            <input type="radio" name="language" value={value} defaultChecked={value === language} />
            {label}
          </label>
        ))}
      </fieldset>
      <p class="muted">
        A post that @mentions the brand gets the message as a reply on Instagram. Instagram lets no app comment on the others (hashtag, tagged,
        uploaded): you get their message to paste under the post yourself. Each message links the terms on a signed page where the author agrees,
        declines or later withdraws.
      </p>
      {asking.error && <Refusal error={asking.error} />}
      <div class="actions">
        {/* Never disabled while busy: a disabled button drops focus out of the dialog, and keys would reach the inbox. */}
        <button type="submit" class="primary" autofocus disabled={n === 0} aria-busy={asking.busy}>
          {asking.busy ? 'Requesting…' : n > 1 ? `Request rights for ${posts(n)}` : 'Request rights'}
        </button>
        <button type="button" onClick={closeAsking}>
          Cancel
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
        {made.length === 1 ? 'Request made.' : `${made.length} requests made.`}{' '}
        {byHand > 0 ? `${byHand === 1 ? 'One waits' : `${byHand} wait`} for you to send by hand.` : ''}
      </p>
      {asking.error && <Refusal error={asking.error} />}
      <ol class="plain made">
        {made.map((request) => (
          <li key={request.id} data-post-id={request.postId}>
            <strong>{author(request.postId) ? `@${author(request.postId)}` : 'Unknown author'}</strong>
            <RequestDelivery request={request} author={author(request.postId)} canAct />
          </li>
        ))}
      </ol>
      <div class="actions">
        <button type="button" onClick={closeAsking}>
          Done <kbd>Esc</kbd>
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
        Set the brand’s Instagram handle and approval hashtag in Settings
      </a>
    ) : error.code === 'no_terms' ? (
      <a href="/panel/rights" onClick={closeAsking}>
        Publish usage terms on the Rights page
      </a>
    ) : error.code === 'already_granted' ? (
      'Unselect those posts (x) and ask again.'
    ) : null;
  return (
    <div class="form-error" role="alert">
      {error.message}
      {fix && <> — {fix}</>}
    </div>
  );
}
