import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../../api.ts';
import { Dialog } from '../../components/dialog.tsx';
import { Field, FormError, text, useSubmit } from '../../components/form.tsx';
import { announce } from '../../stores/announcer.ts';
import { $session, can } from '../../stores/session.ts';
import { t, tn } from '../../i18n/i18n.ts';

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
    announce(t('igData.saved'), false);
  });
  if (error) return <p role="alert">{t('igData.loadFailed', { reason: error })}</p>;
  if (days === null) return null;
  return (
    <>
      <form class="card stack instagram-data" onSubmit={form.onSubmit} aria-labelledby="instagram-data-title">
        <h2 id="instagram-data-title">{t('igData.title')}</h2>
        <p id="instagram-retention-help" class="muted">
          {t('igData.help')}
        </p>
        <FormError error={form.error} />
        <fieldset disabled={!editable} class="stack">
          <Field
            form={form}
            name="settings.instagramDataRetentionDays"
            label={t('igData.days')}
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
                {t('igData.save')}
              </button>
              <button type="button" class="danger" onClick={() => setConfirming(true)}>
                {t('igData.deleteAll')}…
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
      announce(tn('igData.deleted', erased), false);
      onClose();
    } catch (e) {
      setFailure(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onClose={onClose} title={t('igData.confirmTitle')}>
      <div class="stack">
        <p>
          {t('igData.confirmHelp')}
        </p>
        {failure && (
          <p class="form-error" role="alert">
            {t('igData.failed', { reason: failure })}
          </p>
        )}
        <div class="row">
          <button type="button" class="danger" disabled={busy} onClick={() => void deleteAll()}>
            {t('igData.deleteAll')}
          </button>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
