import { useEffect, useState } from 'preact/hooks';
import type { ConnectionView, WorkspaceView } from '../../../shared/admin-types.ts';
import { api } from '../../api.ts';
import { Field, FormError, text, useSubmit } from '../../components/form.tsx';
import { announce } from '../../stores/announcer.ts';
import { t } from '../../i18n/i18n.ts';

/** `#YesMaisonlumen` for @maison.lumen: a hashtag an author can type, naming the brand. */
export function suggestedHashtag(username: string): string {
  const letters = username.replace(/[^\p{L}\p{N}_]/gu, '');
  return `Yes${letters.charAt(0).toUpperCase()}${letters.slice(1)}`;
}

/**
 * Right after connecting, the brand's handle and approval hashtag (which rights requests need)
 * offered from the connected account, to review and save in one step. Shown while either is
 * missing; Settings changes them later.
 */
export function BrandFromConnection({ connection }: { connection: ConnectionView }) {
  const [workspace, setWorkspace] = useState<WorkspaceView | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    api.workspace().then(setWorkspace, () => setWorkspace(null));
  }, []);
  const form = useSubmit(async (data) => {
    const updated = await api.updateWorkspace({ instagramHandle: text(data, 'instagramHandle') || null, approvalHashtag: text(data, 'approvalHashtag') || null });
    setWorkspace(updated);
    setSaved(true);
    announce(t('brand.announce', { hashtag: updated.approvalHashtag ?? '', handle: updated.instagramHandle ?? '' }), false);
  });
  if (!workspace) return null;
  if (saved) {
    return (
      <p class="card" role="status">
        {t('brand.saved', { hashtag: workspace.approvalHashtag ?? '', handle: workspace.instagramHandle ?? '' })} <a href="/panel/settings">{t('brand.changeIn')}</a>
      </p>
    );
  }
  if (workspace.instagramHandle && workspace.approvalHashtag) return null;
  return (
    <form class="card stack brand-from-connection" onSubmit={form.onSubmit} aria-labelledby="brand-title">
      <h2 id="brand-title">{t('brand.title')}</h2>
      <p class="muted">
        {t('brand.help', { username: connection.username })}
      </p>
      <FormError error={form.error} />
      <Field form={form} name="instagramHandle" label={t('settings.handle')} required defaultValue={workspace.instagramHandle ?? connection.username} />
      <Field form={form} name="approvalHashtag" label={t('settings.hashtag')} required defaultValue={workspace.approvalHashtag ?? suggestedHashtag(connection.username)} />
      <button type="submit" class="primary" disabled={form.busy}>
        {t('brand.save')}
      </button>
    </form>
  );
}
