import { useStore } from '@nanostores/preact';
import { useEffect } from 'preact/hooks';
import { $announcement } from '../stores/announcer.ts';
import { t } from '../i18n/i18n.ts';

const SHOWN_MS = 8000;

/**
 * The panel's one live region: confirms each action to screen readers (polite, so typing is
 * not interrupted) and offers undo for the last moderation.
 */
export function Toast({ onUndo }: { onUndo: () => void }) {
  const announcement = useStore($announcement);
  useEffect(() => {
    if (!announcement) return;
    const timer = setTimeout(() => $announcement.set(null), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [announcement]);
  return (
    <div class="toast-region" role="status" aria-live="polite">
      {announcement && (
        <div class="toast" key={announcement.id}>
          <span>{announcement.message}</span>
          {announcement.undoable && (
            <button type="button" class="link" onClick={onUndo}>
              {t('common.undo')} <kbd>u</kbd>
            </button>
          )}
        </div>
      )}
    </div>
  );
}
