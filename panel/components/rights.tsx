import { useState } from 'preact/hooks';
import type { AdminPost, AdminPostDetail } from '../../shared/admin-types.ts';
import type { RightsRequest } from '../api.ts';
import { markSent, rightsOf, type RightsView } from '../stores/rights.ts';
import { CopyField } from './copy-field.tsx';
import { t, formatDate, formatDateTime } from '../i18n/i18n.ts';

/** What each state of a post's rights is called, wherever the panel shows it. */
export const rightsLabel = (view: RightsView): string => t(`rights.view.${view}`);

export const requestStatusLabel = (status: RightsRequest['status']): string => t(`rights.request.${status}`);

const CONSENT_CHANNELS = ['comment_reply', 'rights_page', 'panel', 'import', 'submission'] as const;
/** How a grant was tied to its author: only the account proves who agreed. */
export const verificationLabel = (method: 'account' | 'page' | 'email'): string => t(`rights.verified.${method}`);
export const consentChannel = (channel: string) =>
  (CONSENT_CHANNELS as readonly string[]).includes(channel) ? t(`rights.channel.${channel as (typeof CONSENT_CHANNELS)[number]}`) : channel.replace(/_/g, ' ');

export const consentKind = (kind: AdminPostDetail['consent'][number]['kind']): string => t(`rights.consent.${kind}`);

export const day = (iso: string) => formatDate(iso);
export const moment = (iso: string) => formatDateTime(iso);

/** The rights in a few words, with the end date when there is one. */
export function rightsSummary(post: Pick<AdminPost, 'rights'>): string {
  const view = rightsOf(post);
  const { expiresAt } = post.rights;
  if (post.rights.erasureDueAt) return t('rights.erasureOn', { date: day(post.rights.erasureDueAt) });
  if (view === 'granted' && post.rights.verification === 'awaiting') return t('rights.awaiting');
  if (view === 'granted') return expiresAt ? t('rights.grantedUntil', { date: day(expiresAt) }) : t('rights.grantedForever');
  if (view === 'expired' && expiresAt) return t('rights.expiredOn', { date: day(expiresAt) });
  return rightsLabel(view);
}

export function RightsBadge({ post }: { post: Pick<AdminPost, 'rights'> }) {
  const view = rightsOf(post);
  return <span class={`badge rights-${view}`}>{t(`rights.badge.${view}`)}</span>;
}

/**
 * One request's way to the author. Vitrine itself replied on Instagram when the post @mentioned
 * the brand; for every other post (hashtag, tagged, uploads) Instagram allows no comment from the
 * API, so the merchandiser pastes the message under the post and says it is sent.
 */
export function RequestDelivery({ request, author, canAct }: { request: RightsRequest; author?: string | null; canAct: boolean }) {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  if (request.channel === 'api_comment') {
    return (
      <p class="delivery" data-request-id={request.id}>
        {request.sentAt ? t('rights.sentAsReplyOn', { date: moment(request.sentAt) }) : t('rights.sentAsReply')}
        {request.awaitingVerification && ` ${t('rights.agreedOnPage')}`}
      </p>
    );
  }
  const who = author ? t('rights.toAuthor', { author }) : '';
  if (request.status !== 'draft') {
    return (
      <p class="delivery" data-request-id={request.id}>
        {t(request.sentVia === 'direct_message' ? 'rights.sentByDm' : 'rights.sentByHand', { who, on: request.sentAt ? t('rights.onDate', { date: moment(request.sentAt) }) : '' })}
        {request.awaitingVerification && ` ${t('rights.agreedOnPage')}`}
      </p>
    );
  }
  // Analysts are told that a request exists, never its message: the link in it is the author's credential.
  const message = request.message;
  if (message === null) {
    return (
      <p class="delivery" data-request-id={request.id}>
        {t('rights.readyHidden', { who })}
      </p>
    );
  }
  const copyAndOpen = async () => {
    try {
      await navigator.clipboard.writeText(message);
      setNote(request.permalink ? t('rights.copiedPaste') : t('common.copied'));
    } catch {
      setNote(t('rights.copyFailed'));
    }
    // Still within the click's activation: browsers let it open a tab.
    if (request.permalink) window.open(request.permalink, '_blank', 'noopener,noreferrer');
  };
  const sent = async (via: 'comment' | 'direct_message') => {
    setBusy(true);
    await markSent(request, via);
    setBusy(false);
  };
  return (
    <div class="assisted stack" data-request-id={request.id}>
      <p class="muted">
        {t('rights.sendYourself', { who, noLink: request.permalink ? '' : t('rights.noLink') })}
      </p>
      <CopyField label={t('rights.messageIn', { language: request.language })} value={message} rows={4} />
      {canAct && (
        <div class="actions">
          <button type="button" onClick={() => void copyAndOpen()}>
            {request.permalink ? t('rights.copyAndOpen') : t('rights.copyMessage')}
          </button>
          <button type="button" class="primary" disabled={busy} onClick={() => void sent('comment')}>
            {t('rights.markSent')}
          </button>
          <button type="button" disabled={busy} onClick={() => void sent('direct_message')}>
            {t('rights.sentDm')}
          </button>
        </div>
      )}
      {note && (
        <p class="muted" role="status">
          {note}
        </p>
      )}
    </div>
  );
}
