import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import type { AdminPost, AdminPostDetail } from '../../../shared/admin-types.ts';
import { api, messageOf, type RightsRequest } from '../../api.ts';
import { consentChannel, consentKind, day, moment, requestStatusLabel, RequestDelivery, rightsSummary, verificationLabel } from '../../components/rights.tsx';
import { announce } from '../../stores/announcer.ts';
import { $history, canAskFor, loadHistory, rightsOf } from '../../stores/rights.ts';
import { t } from '../../i18n/i18n.ts';

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
    <section class="post-rights stack" aria-label={t('inbox.rights')}>
      <p class={`rights-status rights-${view}`} data-rights={draft ? 'draft' : view}>
        <strong>{t('postRights.label')}</strong> {draft ? t('postRights.draft') : rightsSummary(post)}
        {latest && !draft && view === 'requested' && (
          <span class="muted">
            {' '}
            — {latest.channel === 'api_comment' ? t('postRights.sentAsReply') : t('postRights.sentByHand')}
            {latest.sentAt && t('rights.onDate', { date: day(latest.sentAt) })}
          </span>
        )}
      </p>
      {view === 'author_replied' && latest?.replyText && (
        <blockquote class="reply">
          <span class="muted">{t('postRights.replied')}</span>
          <span class="reply-text">{latest.replyText}</span>
        </blockquote>
      )}
      {requests === null && <p class="muted">{t('postRights.loadFailed')}</p>}
      {draft && latest && <RequestDelivery request={latest} author={post.author.username} canAct={canAsk} />}
      {canAsk && canAskFor(post) && (
        <div class="actions">
          <button type="button" onClick={onAsk}>
            {view === 'none' ? t('inbox.requestRights') : t('postRights.again')} <kbd>q</kbd>
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
      <h3>{t('inbox.rights')}</h3>
      <p class={`rights-${rightsOf(post)}`}>{rightsSummary(post)}</p>
      <h4>{t('postRights.requests')}</h4>
      {requests === undefined ? (
        <p class="muted">{t('common.loading')}</p>
      ) : requests === null ? (
        <p class="muted">{t('postRights.loadFailed')}</p>
      ) : requests.length === 0 ? (
        <p class="muted">{t('postRights.never')}</p>
      ) : (
        <ol class="plain history">
          {requests.map((request) => (
            <li key={request.id}>
              <strong>{requestStatusLabel(request.status)}</strong>{' '}
              <span class="muted">
                {t(request.channel === 'api_comment' ? 'postRights.askedByReply' : 'postRights.askedByHand', { date: moment(request.createdAt), language: request.language })}
                {request.sentAt && t('postRights.sentOn', { date: moment(request.sentAt) })}
              </span>
              {request.replyText && (
                <blockquote class="reply">
                  <span class="muted">{t('postRights.reply')}</span> <span class="reply-text">{request.replyText}</span>
                </blockquote>
              )}
              <details>
                <summary>{t('postRights.message')}</summary>
                <p class="caption">{request.message}</p>
              </details>
            </li>
          ))}
        </ol>
      )}
      <h4>{t('postRights.consent')}</h4>
      {post.consent.length === 0 ? (
        <p class="muted">{t('postRights.none')}</p>
      ) : (
        <ol class="plain history">
          {[...post.consent].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt)).map((record) => (
            <li key={record.id}>
              <strong>{consentKind(record.kind)}</strong> {t('postRights.through', { channel: consentChannel(record.channel), date: moment(record.recordedAt) })}
              {record.verification && ` (${verificationLabel(record.verification)})`}
              {record.expiresAt && t('postRights.until', { date: day(record.expiresAt) })}
              {record.termsHash && <span class="muted"> · {t('postRights.fingerprint', { hash: record.termsHash.slice(0, 12) })}</span>}
            </li>
          ))}
        </ol>
      )}
      <div class="actions">
        {post.consent.length > 0 && <EvidenceButton filter={{ postId: post.id }} label={t('postRights.download')} />}
        {author && <EvidenceButton filter={{ author }} label={t('postRights.downloadAuthor', { author })} />}
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
      announce(t('postRights.downloadFailed', { reason: messageOf(error) }), false);
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
