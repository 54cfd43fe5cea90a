import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import type { AdminPost, AdminPostDetail } from '../../../shared/admin-types.ts';
import { api, messageOf, type RightsRequest } from '../../api.ts';
import { CONSENT_KINDS, consentChannel, day, moment, REQUEST_STATUS_LABELS, RequestDelivery, rightsSummary, VERIFICATIONS } from '../../components/rights.tsx';
import { announce } from '../../stores/announcer.ts';
import { $history, canAskFor, loadHistory, rightsOf } from '../../stores/rights.ts';

/** Wait this long on a post before asking for its history: j/k through the inbox asks nothing. */
const HISTORY_DELAY_MS = 200;

/**
 * A post's requests, newest first: loaded once the post has any, after a short pause on it, and
 * kept; `fresh` loads them again on mount (the details: an author may have answered since).
 */
function useHistory(post: Pick<AdminPost, 'id' | 'rights'>, delay: number, fresh = false): RightsRequest[] | null | undefined {
  const history = useStore($history, { keys: [post.id] })[post.id];
  const asked = post.rights.status !== 'none';
  useEffect(() => {
    if (asked && fresh) void loadHistory(post.id);
  }, [post.id]);
  useEffect(() => {
    if (!asked || history || fresh) return;
    const timer = setTimeout(() => void loadHistory(post.id), delay);
    return () => clearTimeout(timer);
  }, [post.id, asked, !history]);
  if (!asked) return [];
  return history?.error ? null : history?.requests;
}

/**
 * The rights of the post under the cursor: where they stand, the author's reply if any, and the
 * request waiting to be sent by hand, with the action to ask (again).
 */
export function PostRights({ post, canAsk, onAsk }: { post: AdminPost; canAsk: boolean; onAsk: () => void }) {
  const requests = useHistory(post, HISTORY_DELAY_MS);
  const latest = requests?.[0];
  const view = rightsOf(post);
  const draft = view === 'requested' && latest?.status === 'draft';
  return (
    <section class="post-rights stack" aria-label="Rights">
      <p class={`rights-status rights-${view}`} data-rights={draft ? 'draft' : view}>
        <strong>Rights:</strong> {draft ? 'Request ready, not sent yet' : rightsSummary(post)}
        {latest && !draft && view === 'requested' && (
          <span class="muted">
            {' '}
            — {latest.channel === 'api_comment' ? 'sent as a reply on Instagram' : 'sent by hand'}
            {latest.sentAt && ` on ${day(latest.sentAt)}`}
          </span>
        )}
      </p>
      {view === 'author_replied' && latest?.replyText && (
        <blockquote class="reply">
          <span class="muted">The author answered, without the words that grant rights:</span>
          <span class="reply-text">{latest.replyText}</span>
        </blockquote>
      )}
      {requests === null && <p class="muted">Could not load the requests.</p>}
      {draft && latest && <RequestDelivery request={latest} author={post.author.username} canAct={canAsk} />}
      {canAsk && canAskFor(post) && (
        <div class="actions">
          <button type="button" onClick={onAsk}>
            {view === 'none' ? 'Request rights' : 'Request again'} <kbd>q</kbd>
          </button>
        </div>
      )}
    </section>
  );
}

/** Everything that happened to a post's rights: the requests and the consent records, with the evidence to download. */
export function RightsHistory({ post }: { post: AdminPostDetail }) {
  const requests = useHistory(post, 0, true);
  const author = post.author.username;
  return (
    <div class="rights-history">
      <h3>Rights</h3>
      <p class={`rights-${rightsOf(post)}`}>{rightsSummary(post)}</p>
      <h4>Requests, newest first</h4>
      {requests === undefined ? (
        <p class="muted">Loading…</p>
      ) : requests === null ? (
        <p class="muted">Could not load the requests.</p>
      ) : requests.length === 0 ? (
        <p class="muted">Never requested.</p>
      ) : (
        <ol class="plain history">
          {requests.map((request) => (
            <li key={request.id}>
              <strong>{REQUEST_STATUS_LABELS[request.status]}</strong>{' '}
              <span class="muted">
                asked on {moment(request.createdAt)} in {request.language}, {request.channel === 'api_comment' ? 'by a reply on Instagram' : 'by hand'}
                {request.sentAt && `, sent ${moment(request.sentAt)}`}
              </span>
              {request.replyText && (
                <blockquote class="reply">
                  <span class="muted">Reply:</span> <span class="reply-text">{request.replyText}</span>
                </blockquote>
              )}
              <details>
                <summary>Message</summary>
                <p class="caption">{request.message}</p>
              </details>
            </li>
          ))}
        </ol>
      )}
      <h4>Consent records, newest first</h4>
      {post.consent.length === 0 ? (
        <p class="muted">None.</p>
      ) : (
        <ol class="plain history">
          {[...post.consent].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt)).map((record) => (
            <li key={record.id}>
              <strong>{CONSENT_KINDS[record.kind]}</strong> through {consentChannel(record.channel)} on {moment(record.recordedAt)}
              {record.verification && ` (${VERIFICATIONS[record.verification]})`}
              {record.expiresAt && `, until ${day(record.expiresAt)}`}
              {record.termsHash && <span class="muted"> · terms fingerprint {record.termsHash.slice(0, 12)}</span>}
            </li>
          ))}
        </ol>
      )}
      <div class="actions">
        {post.consent.length > 0 && <EvidenceButton filter={{ postId: post.id }} label="Download consent evidence (JSON)" />}
        {author && <EvidenceButton filter={{ author }} label={`All of @${author}’s consent evidence (JSON)`} />}
      </div>
    </div>
  );
}

/** Downloads the export as a file, or says why there is none (an author with no records answers 404). */
function EvidenceButton({ filter, label }: { filter: { postId: string } | { author: string }; label: string }) {
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const { blob, filename } = await api.consentEvidence(filter);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = filename;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (error) {
      announce(`No evidence downloaded: ${messageOf(error)}`, false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" disabled={busy} onClick={() => void download()}>
      {label}
    </button>
  );
}
