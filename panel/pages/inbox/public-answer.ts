/**
 * The inbox's answer to "do shoppers see this post?", with the reasons when they don't: a bare
 * "No" leaves the merchandiser guessing which of approval, rights or storage is missing. The
 * server decides publicness (`isPublic`); this only explains it from the same facts.
 */
import { stillStoring } from '../../components/media.tsx';
import type { AdminPost, RightsStatus } from '../../../shared/admin-types.ts';
import { formatDate, t } from '../../i18n/i18n.ts';

const MODERATION = { pending: 'public.pending', rejected: 'public.rejected', hidden: 'public.hidden' } as const;

const RIGHTS = {
  none: 'public.rights.none',
  requested: 'public.rights.requested',
  author_replied: 'public.rights.author_replied',
  declined: 'public.rights.declined',
  withdrawn: 'public.rights.withdrawn',
} as const satisfies Record<Exclude<RightsStatus, 'granted'>, string>;

/** Why shoppers do not see the post, in the order the merchandiser can act on. */
export function hiddenBecause(post: AdminPost, now: number): string[] {
  const reasons: string[] = [];
  if (post.moderation.status !== 'approved') reasons.push(t(MODERATION[post.moderation.status]));
  // An erasure its author asked for outranks everything: the post will not come back.
  if (post.rights.erasureDueAt) reasons.push(t('public.erasure', { date: formatDate(post.rights.erasureDueAt) }));
  else if (post.rights.status !== 'granted') reasons.push(t(RIGHTS[post.rights.status]));
  else if (post.rights.expiresAt && Date.parse(post.rights.expiresAt) <= now) reasons.push(t('public.ended', { date: formatDate(post.rights.expiresAt) }));
  else if (post.rights.verification === 'awaiting') reasons.push(t('public.awaiting'));
  if (post.sourceDeleted) reasons.push(t('public.deleted'));
  if (post.media.length === 0) {
    const waiting = post.mediaIssues.length === 0 || stillStoring(post);
    reasons.push(waiting ? t('public.notStored') : t('public.unstorable'));
  }
  return reasons;
}

/**
 * "Yes", qualified when no gallery exists yet (a public post is shown only through a gallery);
 * otherwise "No: …" with every reason. `galleryCount` is null while it is unknown.
 */
export function publicAnswer(post: AdminPost, galleryCount: number | null, now: number): string {
  if (post.isPublic) {
    return galleryCount === 0 ? t('public.noGallery') : t('public.yes');
  }
  const reasons = hiddenBecause(post, now);
  // The server said no for a reason these facts do not show (e.g. erased at the author's request).
  return reasons.length > 0 ? t('public.noBecause', { reasons: reasons.join(t('public.separator')) }) : t('public.no');
}
