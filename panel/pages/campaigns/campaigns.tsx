import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import type { AdminCampaign } from '../../../shared/admin-types.ts';
import { api, messageOf, type CampaignInput } from '../../api.ts';
import { Field, FormError, SelectField, text, useSubmit } from '../../components/form.tsx';
import { DataTable } from '../../components/table.tsx';
import { now } from '../../clock.ts';
import { formatDate, formatDateTime, formatNumber, t, tn } from '../../i18n/i18n.ts';
import { announce } from '../../stores/announcer.ts';
import { $session, can } from '../../stores/session.ts';
import { Winners } from './winners.tsx';

const statuses = () => ({ draft: t('campaigns.status.draft'), published: t('campaigns.status.published'), archived: t('campaigns.status.archived') });
/** A datetime-local input's value (local time) for an ISO instant, and back. */
const localInput = (iso: string) => {
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocal = (value: string) => (value ? new Date(value).toISOString() : '');

/** Campaigns (contests on a hashtag): the list, a form to create or edit one, its rules and its draw. */
export function CampaignsPage() {
  const canEdit = can(useStore($session), 'curate');
  const [campaigns, setCampaigns] = useState<AdminCampaign[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<AdminCampaign | 'new' | null>(null);
  useEffect(() => {
    api.campaigns().then(({ campaigns }) => setCampaigns(campaigns), (e: unknown) => setError(messageOf(e)));
  }, []);
  const saved = (campaign: AdminCampaign) => {
    setCampaigns((old) => [campaign, ...(old ?? []).filter((c) => c.id !== campaign.id)]);
    setEditing(campaign);
  };
  return (
    <section aria-labelledby="campaigns-title" class="page">
      <header class="page-head">
        <h1 id="campaigns-title">{t('campaigns.title')}</h1>
        {canEdit && (
          <button type="button" class="primary" onClick={() => setEditing('new')}>
            {t('campaigns.new')}
          </button>
        )}
      </header>
      {error && <p role="alert">{t('campaigns.loadFailed', { reason: error })}</p>}
      {campaigns?.length === 0 && <p class="muted">{t('campaigns.empty')}</p>}
      {campaigns && campaigns.length > 0 && (
        <DataTable
          rows={campaigns}
          rowKey={(c) => c.id}
          columns={[
            { label: t('campaigns.col.campaign'), cell: (c) => (<button type="button" class="link" onClick={() => setEditing(c)}>{c.name}</button>) },
            { label: t('campaigns.col.hashtag'), cell: (c) => <code>#{c.hashtag}</code> },
            { label: t('campaigns.col.dates'), cell: (c) => `${formatDate(c.startsAt)} – ${formatDate(c.endsAt)}` },
            { label: t('campaigns.col.status'), cell: (c) => statuses()[c.status] },
            { label: t('campaigns.col.entries'), cell: (c) => (<a href={`/panel/?campaign=${encodeURIComponent(c.id)}`}>{t('campaigns.entries', { total: formatNumber(c.entries.total), eligible: formatNumber(c.entries.eligible) })}</a>) },
            { label: t('campaigns.col.draw'), cell: (c) => t(`campaigns.drawState.${c.draw.state}`) },
          ]}
        />
      )}
      {editing && <CampaignEditor key={editing === 'new' ? 'new' : editing.id} campaign={editing === 'new' ? null : editing} canEdit={canEdit} onSaved={saved} />}
    </section>
  );
}

function CampaignEditor({ campaign, canEdit, onSaved }: { campaign: AdminCampaign | null; canEdit: boolean; onSaved: (c: AdminCampaign) => void }) {
  const form = useSubmit(async (data) => {
    const input: Omit<CampaignInput, 'id' | 'rules'> = {
      name: text(data, 'name'),
      hashtag: text(data, 'hashtag'),
      startsAt: fromLocal(text(data, 'startsAt')),
      endsAt: fromLocal(text(data, 'endsAt')),
      description: text(data, 'description'),
      prizes: text(data, 'prizes').split('\n').map((p) => p.trim()).filter(Boolean),
      status: text(data, 'status') as AdminCampaign['status'],
      winnerCount: Number(text(data, 'winnerCount')),
      entriesPerAuthor: Number(text(data, 'entriesPerAuthor')),
    };
    const rules = { language: 'en' as const, title: text(data, 'rulesTitle'), body: text(data, 'rulesBody') };
    const changedRules = rules.title && rules.body && (rules.title !== campaign?.rules.find((r) => r.language === 'en')?.title || rules.body !== campaign?.rules.find((r) => r.language === 'en')?.body);
    let result: AdminCampaign;
    if (campaign) {
      result = await api.updateCampaign(campaign.id, input);
      if (changedRules) {
        await api.publishCampaignRules(campaign.id, rules);
        result = (await api.campaigns()).campaigns.find((c) => c.id === campaign.id) ?? result;
      }
    } else {
      result = await api.createCampaign({ ...input, id: text(data, 'id'), ...(changedRules ? { rules } : {}) });
    }
    announce(t('campaigns.saved', { name: result.name }), false);
    onSaved(result);
  });
  const rules = campaign?.rules.find((r) => r.language === 'en');
  return (
    <section class="card" aria-label={campaign ? t('campaigns.editorLabel', { name: campaign.name }) : t('campaigns.new')}>
      <h2>{campaign ? campaign.name : t('campaigns.new')}</h2>
      <form class="stack" onSubmit={form.onSubmit}>
        <fieldset disabled={!canEdit}>
          {!campaign && <Field form={form} name="id" label={t('campaigns.field.id')} required maxLength={48} />}
          <Field form={form} name="name" label={t('campaigns.field.name')} required maxLength={100} defaultValue={campaign?.name ?? ''} />
          <Field form={form} name="hashtag" label={t('campaigns.field.hashtag')} required maxLength={101} defaultValue={campaign ? `#${campaign.hashtag}` : ''} />
          <label>
            {t('campaigns.field.starts')}
            <input type="datetime-local" name="startsAt" required aria-invalid={form.invalid('startsAt')} defaultValue={campaign ? localInput(campaign.startsAt) : ''} />
          </label>
          <label>
            {t('campaigns.field.ends')}
            <input type="datetime-local" name="endsAt" required aria-invalid={form.invalid('endsAt')} defaultValue={campaign ? localInput(campaign.endsAt) : ''} />
          </label>
          <label>
            {t('campaigns.field.description')}
            <textarea name="description" maxLength={5000} aria-invalid={form.invalid('description')} defaultValue={campaign?.description ?? ''} />
          </label>
          <label>
            {t('campaigns.field.prizes')}
            <textarea name="prizes" aria-invalid={form.invalid('prizes')} defaultValue={campaign?.prizes.join('\n') ?? ''} />
          </label>
          <SelectField form={form} name="status" label={t('campaigns.field.status')} options={statuses()} defaultValue={campaign?.status ?? 'draft'} />
          <Field form={form} name="winnerCount" label={t('campaigns.field.winners')} type="number" min={1} max={100} defaultValue={String(campaign?.winnerCount ?? 1)} />
          <Field form={form} name="entriesPerAuthor" label={t('campaigns.field.entriesPerAuthor')} type="number" min={1} max={100} defaultValue={String(campaign?.entriesPerAuthor ?? 1)} />
          <Field form={form} name="rulesTitle" label={t('campaigns.field.rulesTitle')} maxLength={200} defaultValue={rules?.title ?? ''} />
          <label>
            {t('campaigns.field.rulesBody')}
            <textarea name="rulesBody" maxLength={20000} aria-invalid={form.invalid('rules.body')} defaultValue={rules?.body ?? ''} />
          </label>
          {rules && (
            <p class="muted">
              {t('campaigns.rulesVersion', { version: rules.version })} <code>{rules.contentHash}</code>
            </p>
          )}
          {canEdit && (
            <button type="submit" class="primary" disabled={form.busy}>
              {campaign ? t('common.save') : t('campaigns.create')}
            </button>
          )}
        </fieldset>
        <FormError error={form.error} />
      </form>
      {campaign && <Draw campaign={campaign} canEdit={canEdit} onSaved={onSaved} />}
      {campaign && <Winners campaign={campaign} canEdit={canEdit} />}
    </section>
  );
}

/** Schedule and run the draw; the seed's hash is public once scheduled, the seed once drawn. */
function Draw({ campaign, canEdit, onSaved }: { campaign: AdminCampaign; canEdit: boolean; onSaved: (c: AdminCampaign) => void }) {
  const { draw } = campaign;
  const refresh = async () => onSaved((await api.campaigns()).campaigns.find((c) => c.id === campaign.id) ?? campaign);
  const schedule = useSubmit(async (data) => {
    await api.scheduleDraw(campaign.id, fromLocal(text(data, 'at')));
    announce(t('campaigns.draw.scheduled'), false);
    await refresh();
  });
  const run = useSubmit(async () => {
    await api.runDraw(campaign.id);
    announce(t('campaigns.draw.ran'), false);
    await refresh();
  });
  const due = draw.at !== null && Date.parse(draw.at) <= now();
  return (
    <section aria-label={t('campaigns.draw')}>
      <h3>{t('campaigns.draw')}</h3>
      <p class="muted">
        {t('campaigns.draw.checkBefore')} <a href={`/v1/campaigns/${encodeURIComponent(campaign.id)}/draw`}>/v1/campaigns/{campaign.id}/draw</a> {t('campaigns.draw.checkAfter')}
      </p>
      {draw.seedHash && (
        <p>
          {t('campaigns.draw.seedHash')} <code>{draw.seedHash}</code>
        </p>
      )}
      {draw.state !== 'drawn' && canEdit && (
        <form class="inline-form" onSubmit={schedule.onSubmit}>
          <label>
            {t('campaigns.draw.at')}
            <input type="datetime-local" name="at" required aria-invalid={schedule.invalid('at')} defaultValue={draw.at ? localInput(draw.at) : localInput(campaign.endsAt)} />
          </label>
          <button type="submit" disabled={schedule.busy}>
            {draw.at ? t('campaigns.draw.reschedule') : t('campaigns.draw.schedule')}
          </button>
          <FormError error={schedule.error} />
        </form>
      )}
      {draw.state === 'scheduled' && canEdit && (
        <form class="inline-form" onSubmit={run.onSubmit}>
          <button type="submit" class="primary" disabled={run.busy || !due}>
            {t('campaigns.draw.run')}
          </button>
          {!due && <span class="muted">{t('campaigns.draw.due', { at: formatDateTime(draw.at!) })}</span>}
          <FormError error={run.error} />
        </form>
      )}
      {draw.state === 'drawn' && (
        <>
          <p>
            {t('campaigns.draw.seed')} <code>{draw.seed}</code>
          </p>
          <p>
            {tn('campaigns.draw.drawn', draw.entryIds?.length ?? 0, { at: formatDateTime(draw.drawnAt!) })}
          </p>
        </>
      )}
    </section>
  );
}
