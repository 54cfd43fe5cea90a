import { useEffect, useState } from 'preact/hooks';
import type { AdminCampaign, AdminCampaignWinners } from '../../../shared/admin-types.ts';
import { api, messageOf } from '../../api.ts';
import { CopyField } from '../../components/copy-field.tsx';
import { FormError, useSubmit } from '../../components/form.tsx';
import { formatDate, formatDateTime, t } from '../../i18n/i18n.ts';
import { announce } from '../../stores/announcer.ts';

const LANGUAGES = { en: 'English', fr: 'Français' } as const;
type Language = keyof typeof LANGUAGES;

/**
 * A campaign's winners with the message to send each one, in the campaign's language (a
 * submission's winner: their own) or the one chosen here: Vitrine cannot message an Instagram
 * account found by hashtag, so the merchant copies the text, sends it, and marks it sent
 * (recorded with who, and the claim deadline runs from then). A winner who entered on the
 * campaign page left a confirmed address: where the server sends mail, Vitrine emails them.
 */
export function Winners({ campaign, canEdit }: { campaign: AdminCampaign; canEdit: boolean }) {
  const [answer, setAnswer] = useState<AdminCampaignWinners | null>(null);
  const [language, setLanguage] = useState<Language | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  // The winners change with a draw or a jury's pick: read again whenever the campaign's list does.
  const picked = campaign.winners.map((w) => `${w.method}:${w.postId}:${w.rank}`).join(',');
  const load = () => api.campaignWinners(campaign.id, language).then(setAnswer, (e: unknown) => setError(messageOf(e)));
  useEffect(() => {
    if (picked) void load();
  }, [campaign.id, picked, language]);
  if (!picked) return null;
  return (
    <section aria-label={t('campaigns.winners')}>
      <h3>{t('campaigns.winners')}</h3>
      <p class="muted">{t('campaigns.winners.howToSend', { days: answer?.claimDays ?? 14 })}</p>
      {error && <p role="alert">{t('campaigns.winners.loadFailed', { reason: error })}</p>}
      {answer && (
        <>
          <label>
            {t('campaigns.winners.language')}{' '}
            <select value={answer.language} onChange={(e) => setLanguage(e.currentTarget.value as Language)}>
              {Object.entries(LANGUAGES).map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <ol class="stack">
            {answer.winners.map((w) => (
              <Winner key={`${w.method}-${w.postId}`} campaignId={campaign.id} winner={w} canEdit={canEdit} mail={answer.mail} language={language} campaignLanguage={answer.language} onMarked={load} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

interface WinnerProps {
  campaignId: string;
  winner: AdminCampaignWinners['winners'][number];
  canEdit: boolean;
  /** The server sends mail. */
  mail: boolean;
  /** The language chosen here; undefined: each winner's own. */
  language: Language | undefined;
  campaignLanguage: Language;
  onMarked: () => Promise<void>;
}

function Winner({ campaignId, winner: w, canEdit, mail, language, campaignLanguage, onMarked }: WinnerProps) {
  const mark = useSubmit(async () => {
    await api.markWinnerNotified(campaignId, w.postId);
    announce(t('campaigns.winners.marked', { who: w.author ? `@${w.author}` : w.postId }), false);
    await onMarked();
  });
  const email = useSubmit(async () => {
    const sent = await api.emailWinner(campaignId, w.postId, language);
    announce(t('campaigns.winners.emailed', { to: sent.to, who: w.author ? `@${w.author}` : w.postId }), false);
    await onMarked();
  });
  const canEmail = canEdit && mail && w.email === 'on_record' && !w.notifiedAt;
  const who = w.author ? `@${w.author}` : t('campaigns.winners.unknownAuthor');
  return (
    <li aria-label={t('campaigns.winners.heading', { rank: w.rank, who })}>
      <h4>
        {t('campaigns.winners.heading', { rank: w.rank, who })}{' '}
        <span class="muted">({w.method === 'draw' ? t('campaigns.winner.drawn') : t('campaigns.winner.jury', { name: w.pickedBy ?? t('campaigns.winner.formerMember') })})</span>
      </h4>
      {w.prize && <p>{t('campaigns.winners.prize', { prize: w.prize })}</p>}
      {/* Only Instagram's own https permalinks are linked. */}
      {w.permalink?.startsWith('https://') && (
        <p>
          <a href={w.permalink} target="_blank" rel="noopener noreferrer">
            {t('campaigns.winners.post')}
          </a>
        </p>
      )}
      <p>
        {w.notifiedAt
          ? t('campaigns.winners.told', { at: formatDateTime(w.notifiedAt), name: w.notifiedBy ?? t('campaigns.winner.formerMember'), date: formatDate(w.claimBy) })
          : t('campaigns.winners.notTold', { date: formatDate(w.claimBy) })}
      </p>
      {w.email === 'on_record' && w.emailMasked && <p>{t('campaigns.winners.emailOnRecord', { address: w.emailMasked })}</p>}
      {w.email === 'erased' && !w.notifiedAt && <p class="muted">{t('campaigns.winners.emailErased')}</p>}
      {w.email === 'on_record' && !mail && !w.notifiedAt && <p class="muted">{t('campaigns.winners.noMail')}</p>}
      {!language && w.message.language !== campaignLanguage && <p class="muted">{t('campaigns.winners.inLanguage', { language: LANGUAGES[w.message.language] })}</p>}
      {w.message.short !== null && <CopyField label={t('campaigns.winners.short', { count: w.message.short.length })} value={w.message.short} rows={3} />}
      <CopyField label={t('campaigns.winners.subject')} value={w.message.subject} />
      <CopyField label={t('campaigns.winners.message')} value={w.message.text} rows={10} />
      {canEmail && (
        <form class="inline-form" onSubmit={email.onSubmit}>
          <button type="submit" disabled={email.busy || mark.busy}>
            {t('campaigns.winners.sendEmail')}
          </button>
          <FormError error={email.error} />
        </form>
      )}
      {canEdit && !w.notifiedAt && (
        <form class="inline-form" onSubmit={mark.onSubmit}>
          <button type="submit" disabled={mark.busy || email.busy}>
            {t('campaigns.winners.markSent')}
          </button>
          <FormError error={mark.error} />
        </form>
      )}
    </li>
  );
}
