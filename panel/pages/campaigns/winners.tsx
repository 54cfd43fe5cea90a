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
 * A campaign's winners with the message to send each one, in the campaign's language or the one
 * chosen here: Vitrine cannot message an Instagram account found by hashtag, so the merchant
 * copies the text, sends it, and marks it sent (recorded with who, and the claim deadline runs
 * from then).
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
              <Winner key={`${w.method}-${w.postId}`} campaignId={campaign.id} winner={w} canEdit={canEdit} onMarked={load} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function Winner({ campaignId, winner: w, canEdit, onMarked }: { campaignId: string; winner: AdminCampaignWinners['winners'][number]; canEdit: boolean; onMarked: () => Promise<void> }) {
  const mark = useSubmit(async () => {
    await api.markWinnerNotified(campaignId, w.postId);
    announce(t('campaigns.winners.marked', { who: w.author ? `@${w.author}` : w.postId }), false);
    await onMarked();
  });
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
      {w.message.short !== null && <CopyField label={t('campaigns.winners.short', { count: w.message.short.length })} value={w.message.short} rows={3} />}
      <CopyField label={t('campaigns.winners.subject')} value={w.message.subject} />
      <CopyField label={t('campaigns.winners.message')} value={w.message.text} rows={10} />
      {canEdit && !w.notifiedAt && (
        <form class="inline-form" onSubmit={mark.onSubmit}>
          <button type="submit" disabled={mark.busy}>
            {t('campaigns.winners.markSent')}
          </button>
          <FormError error={mark.error} />
        </form>
      )}
    </li>
  );
}
