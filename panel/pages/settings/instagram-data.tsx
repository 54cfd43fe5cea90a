import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../../api.ts';
import { Dialog } from '../../components/dialog.tsx';
import { Field, FormError, text, useSubmit } from '../../components/form.tsx';
import { announce } from '../../stores/announcer.ts';
import { $session, can } from '../../stores/session.ts';

/**
 * How long collected Instagram data is kept, and the owner's "delete all": Meta's platform terms
 * ask apps to keep platform data only as long as they need it. Its own form, saving only its own
 * setting, so it never overwrites what the workspace form holds.
 */
export function InstagramDataSettings() {
  const editable = can(useStore($session), 'configure');
  const [days, setDays] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    api.workspace().then((ws) => setDays(ws.settings.instagramDataRetentionDays), (e: unknown) => setError(messageOf(e)));
  }, []);
  const form = useSubmit(async (data) => {
    const updated = await api.updateWorkspace({ settings: { instagramDataRetentionDays: Number(text(data, 'settings.instagramDataRetentionDays')) } });
    setDays(updated.settings.instagramDataRetentionDays);
    announce('Instagram data retention saved.', false);
  });
  if (error) return <p role="alert">Could not load the Instagram data settings: {error}</p>;
  if (days === null) return null;
  return (
    <>
      <form class="card stack instagram-data" onSubmit={form.onSubmit} aria-labelledby="instagram-data-title">
        <h2 id="instagram-data-title">Instagram data</h2>
        <p id="instagram-retention-help" class="muted">
          Posts collected from Instagram whose authors never granted rights lose their media, caption and username this many days after they were
          collected, as Meta's platform terms ask; a post whose rights request can still be answered waits for the answer. Posts with granted rights
          are your licensed content and stay.
        </p>
        <FormError error={form.error} />
        <fieldset disabled={!editable} class="stack">
          <Field
            form={form}
            name="settings.instagramDataRetentionDays"
            label="Keep collected Instagram data for (days, 7 to 730)"
            type="number"
            min={7}
            max={730}
            required
            aria-describedby="instagram-retention-help"
            defaultValue={String(days)}
          />
          {editable && (
            <div class="row">
              <button type="submit" disabled={form.busy}>
                Save retention
              </button>
              <button type="button" class="danger" onClick={() => setConfirming(true)}>
                Delete all Instagram data…
              </button>
            </div>
          )}
        </fieldset>
      </form>
      {editable && <DeleteAllDialog open={confirming} onClose={() => setConfirming(false)} />}
    </>
  );
}

function DeleteAllDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const deleteAll = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const { erased } = await api.deleteAllInstagramData();
      announce(`Deleted the Instagram data of ${erased} ${erased === 1 ? 'post' : 'posts'}. Posts with granted rights stay.`, false);
      onClose();
    } catch (e) {
      setFailure(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onClose={onClose} title="Delete all Instagram data?">
      <div class="stack">
        <p>
          Every post collected from Instagram whose author has not granted rights loses its media, caption and username, now and for good, whichever
          account found it. Posts with granted rights, your uploads and imports stay; your accounts stay connected and keep collecting.
        </p>
        {failure && (
          <p class="form-error" role="alert">
            Nothing more was deleted: {failure}
          </p>
        )}
        <div class="row">
          <button type="button" class="danger" disabled={busy} onClick={() => void deleteAll()}>
            Delete all Instagram data
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
    </Dialog>
  );
}
