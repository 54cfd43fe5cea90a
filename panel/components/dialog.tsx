import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n/i18n.ts';

/**
 * A modal on the native <dialog>: the browser traps focus inside, closes it on Esc and gives
 * focus back to where it was, which is what keyboard triage needs after a look at the details.
 */
export function Dialog({ open, onClose, title, children }: { open: boolean; onClose: () => void; title: string; children: ComponentChildren }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-label={title} onClose={onClose}>
      <header class="dialog-head">
        <h2>{title}</h2>
        <button type="button" class="link" onClick={onClose} aria-label={t('common.close')}>
          {t('common.close')} <kbd>Esc</kbd>
        </button>
      </header>
      {open && children}
    </dialog>
  );
}
