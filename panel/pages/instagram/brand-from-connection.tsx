import { useEffect, useState } from 'preact/hooks';
import type { ConnectionView, WorkspaceView } from '../../../shared/admin-types.ts';
import { api } from '../../api.ts';
import { Field, FormError, text, useSubmit } from '../../components/form.tsx';
import { announce } from '../../stores/announcer.ts';

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
    announce(`Authors now grant rights by replying #${updated.approvalHashtag} to @${updated.instagramHandle}.`, false);
  });
  if (!workspace) return null;
  if (saved) {
    return (
      <p class="card" role="status">
        Saved: authors grant rights by replying #{workspace.approvalHashtag} to @{workspace.instagramHandle}. Change them in <a href="/panel/settings">Settings</a>.
      </p>
    );
  }
  if (workspace.instagramHandle && workspace.approvalHashtag) return null;
  return (
    <form class="card stack brand-from-connection" onSubmit={form.onSubmit} aria-labelledby="brand-title">
      <h2 id="brand-title">Your handle and approval hashtag</h2>
      <p class="muted">
        Rights requests name them: an author grants rights by replying with the hashtag. Filled in from @{connection.username}; check them and save.
      </p>
      <FormError error={form.error} />
      <Field form={form} name="instagramHandle" label="Instagram handle" required defaultValue={workspace.instagramHandle ?? connection.username} />
      <Field form={form} name="approvalHashtag" label="Approval hashtag" required defaultValue={workspace.approvalHashtag ?? suggestedHashtag(connection.username)} />
      <button type="submit" class="primary" disabled={form.busy}>
        Save the handle and hashtag
      </button>
    </form>
  );
}
