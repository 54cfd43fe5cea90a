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

/** The attribution windows, in hours. */
const HOUR_FIELDS: { name: 'clickWindowHours' | 'viewWindowHours'; label: string; min: number; max: number }[] = [
  { name: 'clickWindowHours', label: 'Click attribution window (hours; 168 is 7 days)', min: 1, max: 720 },
  { name: 'viewWindowHours', label: 'View attribution window (hours; 0 counts no views)', min: 0, max: 168 },
];

export function SettingsPage() {
  const session = useStore($session);
  const owner = can(session, 'configure');
  return (
    <section aria-labelledby="settings-title" class="page narrow">
      <h1 id="settings-title">Settings</h1>
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
    announce('Settings saved.', false);
  });
  if (error) return <p role="alert">Could not load the settings: {error}</p>;
  if (!workspace) return <p class="muted">Loading…</p>;
  return (
    <>
      <form class="card stack" onSubmit={form.onSubmit} aria-labelledby="workspace-title">
        <h2 id="workspace-title">Workspace</h2>
        {!editable && <p class="muted">Only owners can change these settings.</p>}
        <FormError error={form.error} />
        <fieldset disabled={!editable} class="stack">
          <Field form={form} name="name" label="Brand name" required maxLength={100} defaultValue={workspace.name} />
          <Field form={form} name="instagramHandle" label="Instagram handle" placeholder="@yourbrand" defaultValue={workspace.instagramHandle ?? ''} />
          <Field
            form={form}
            name="approvalHashtag"
            label={
              <>
                Approval hashtag <span class="muted">(authors reply with it to grant rights)</span>
              </>
            }
            placeholder="#YesBrand"
            defaultValue={workspace.approvalHashtag ?? ''}
          />
          <label>
            Allowed site origins <span class="muted">(one per line, e.g. https://shop.example.com)</span>
            <textarea name="allowedOrigins" rows={3} defaultValue={workspace.allowedOrigins.join('\n')} aria-invalid={form.invalid('allowedOrigins')} />
          </label>
          <div class="row">
            {HOUR_FIELDS.map(({ name, label, min, max }) => (
              <Field
                key={name}
                form={form}
                name={`settings.${name}`}
                label={label}
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
              label="Holdout (% of visitors who see no gallery, to measure the lift; 0 to 50)"
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
              Count only orders confirmed by my server
            </label>
            <p id="confirmed-only-help" class="muted">
              Any browser can report a purchase, so when this is on, reports and "best performing" galleries count only the orders your server sends
              to POST /v1/orders and show browser-reported ones apart.
            </p>
          </div>
          <div>
            <label class="check-label">
              <input type="checkbox" name="settings.acceptPageOnlyForPrivateRequests" defaultChecked={workspace.settings.acceptPageOnlyForPrivateRequests} aria-describedby="page-only-help" />
              Accept consent confirmed on the rights page alone for requests sent by direct message
            </label>
            <p id="page-only-help" class="muted">
              Off, a post goes live only once its author confirms from their own Instagram account. On, a request you sent privately by direct message
              needs only the page; a link ever posted as a comment always needs the author's account. The choice is kept in the consent evidence.
            </p>
          </div>
          <ConsentDefaultField value={workspace.settings.consentDefault} />
          {editable && (
            <button type="submit" class="primary" disabled={form.busy}>
              Save settings
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
    announce('Password changed. Your other sessions were signed out.', false);
  });
  return (
    <form class="card stack" onSubmit={form.onSubmit} aria-labelledby="password-title">
      <h2 id="password-title">Your password</h2>
      <FormError error={form.error} />
      <Field form={form} name="currentPassword" label="Current password" type="password" required autoComplete="current-password" />
      <Field form={form} name="newPassword" label="New password (at least 10 characters)" type="password" required minLength={10} autoComplete="new-password" />
      <button type="submit" class="primary" disabled={form.busy}>
        Change password
      </button>
    </form>
  );
}
