import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import type { WorkspaceView } from '../../../shared/admin-types.ts';
import { api, messageOf } from '../../api.ts';
import { Field, FormError, text, useSubmit } from '../../components/form.tsx';
import { announce } from '../../stores/announcer.ts';
import { $session, can } from '../../stores/session.ts';
import { InstagramDataSettings } from './instagram-data.tsx';
import { ConsentDefaultField, VisitorErasure } from './shopper-privacy.tsx';
import { PurchaseSnippet } from './purchase-snippet.tsx';
import { ReuseSettings } from './reuse.tsx';
import { WebhookSettings } from './webhooks.tsx';
import { t } from '../../i18n/i18n.ts';

/** The attribution windows, in hours. */
const HOUR_FIELDS: { name: 'clickWindowHours' | 'viewWindowHours'; min: number; max: number }[] = [
  { name: 'clickWindowHours', min: 1, max: 720 },
  { name: 'viewWindowHours', min: 0, max: 168 },
];

export function SettingsPage() {
  const session = useStore($session);
  const owner = can(session, 'configure');
  return (
    <section aria-labelledby="settings-title" class="page narrow">
      <h1 id="settings-title">{t('nav.settings')}</h1>
      <WorkspaceSettings />
      {can(session, 'curate') && <ReuseSettings canRotate={owner} />}
      <InstagramDataSettings />
      {owner && <WebhookSettings />}
      {owner && <VisitorErasure />}
      <PasswordChange />
    </section>
  );
}

/** The brand, its Instagram handle, where the widget may be embedded, attribution windows and which orders count. */
function WorkspaceSettings() {
  const session = useStore($session);
  const editable = can(session, 'configure');
  const [workspace, setWorkspace] = useState<WorkspaceView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.workspace().then(setWorkspace, (e: unknown) => setError(messageOf(e)));
  }, []);
  const form = useSubmit(async (data) => {
    const handle = text(data, 'instagramHandle').replace(/^@/, '');
    const hashtag = text(data, 'approvalHashtag').replace(/^#/, '');
    const updated = await api.updateWorkspace({
      name: text(data, 'name'),
      instagramHandle: handle || null,
      approvalHashtag: hashtag || null,
      allowedOrigins: text(data, 'allowedOrigins')
        .split(/\s+/)
        .filter(Boolean),
      settings: {
        clickWindowHours: Number(text(data, 'settings.clickWindowHours')),
        viewWindowHours: Number(text(data, 'settings.viewWindowHours')),
        // Entered as a percentage; stored as a share (0..0.5).
        holdoutShare: Number(text(data, 'settings.holdoutShare')) / 100,
        confirmedOrdersOnly: data.get('settings.confirmedOrdersOnly') === 'on',
        acceptPageOnlyForPrivateRequests: data.get('settings.acceptPageOnlyForPrivateRequests') === 'on',
        consentDefault: data.get('settings.consentDefault') === 'granted' ? 'granted' : 'denied',
      },
    });
    setWorkspace(updated);
    const current = $session.get();
    if (current) $session.set({ ...current, workspace: { ...current.workspace, name: updated.name } });
    announce(t('settings.saved'), false);
  });
  if (error) return <p role="alert">{t('settings.loadFailed', { reason: error })}</p>;
  if (!workspace) return <p class="muted">{t('common.loading')}</p>;
  return (
    <>
      <form class="card stack" onSubmit={form.onSubmit} aria-labelledby="workspace-title">
        <h2 id="workspace-title">{t('settings.workspace')}</h2>
        {!editable && <p class="muted">{t('settings.ownersOnly')}</p>}
        <FormError error={form.error} />
        <fieldset disabled={!editable} class="stack">
          <Field form={form} name="name" label={t('settings.brandName')} required maxLength={100} defaultValue={workspace.name} />
          <Field form={form} name="instagramHandle" label={t('settings.handle')} placeholder={t('settings.handlePlaceholder')} defaultValue={workspace.instagramHandle ?? ''} />
          <Field
            form={form}
            name="approvalHashtag"
            label={
              <>
                {t('settings.hashtag')} <span class="muted">{t('settings.hashtagHint')}</span>
              </>
            }
            placeholder={t('settings.hashtagPlaceholder')}
            defaultValue={workspace.approvalHashtag ?? ''}
          />
          <label>
            {t('settings.origins')} <span class="muted">{t('settings.originsHint')}</span>
            <textarea name="allowedOrigins" rows={3} defaultValue={workspace.allowedOrigins.join('\n')} aria-invalid={form.invalid('allowedOrigins')} />
          </label>
          <div class="row">
            {HOUR_FIELDS.map(({ name, min, max }) => (
              <Field
                key={name}
                form={form}
                name={`settings.${name}`}
                label={t(`settings.${name}`)}
                type="number"
                min={min}
                max={max}
                required
                defaultValue={String(workspace.settings[name])}
              />
            ))}
            <Field
              form={form}
              name="settings.holdoutShare"
              label={t('settings.holdout')}
              type="number"
              min={0}
              max={50}
              required
              defaultValue={String(Math.round(workspace.settings.holdoutShare * 100))}
            />
          </div>
          <div>
            <label class="check-label">
              <input type="checkbox" name="settings.confirmedOrdersOnly" defaultChecked={workspace.settings.confirmedOrdersOnly} aria-describedby="confirmed-only-help" />
              {t('settings.confirmedOnly')}
            </label>
            <p id="confirmed-only-help" class="muted">
              {t('settings.confirmedOnlyHelp')}
            </p>
          </div>
          <div>
            <label class="check-label">
              <input type="checkbox" name="settings.acceptPageOnlyForPrivateRequests" defaultChecked={workspace.settings.acceptPageOnlyForPrivateRequests} aria-describedby="page-only-help" />
              {t('settings.pageOnly')}
            </label>
            <p id="page-only-help" class="muted">
              {t('settings.pageOnlyHelp')}
            </p>
          </div>
          <ConsentDefaultField value={workspace.settings.consentDefault} />
          {editable && (
            <button type="submit" class="primary" disabled={form.busy}>
              {t('settings.save')}
            </button>
          )}
        </fieldset>
      </form>
      <PurchaseSnippet workspaceId={workspace.id} />
    </>
  );
}

function PasswordChange() {
  const form = useSubmit(async (data, element) => {
    await api.changePassword({ currentPassword: String(data.get('currentPassword') ?? ''), newPassword: String(data.get('newPassword') ?? '') });
    element.reset();
    announce(t('password.changed'), false);
  });
  return (
    <form class="card stack" onSubmit={form.onSubmit} aria-labelledby="password-title">
      <h2 id="password-title">{t('password.title')}</h2>
      <FormError error={form.error} />
      <Field form={form} name="currentPassword" label={t('password.current')} type="password" required autoComplete="current-password" />
      <Field form={form} name="newPassword" label={t('password.new')} type="password" required minLength={10} autoComplete="new-password" />
      <button type="submit" class="primary" disabled={form.busy}>
        {t('password.submit')}
      </button>
    </form>
  );
}
