import { Dialog } from '../../components/dialog.tsx';
import { t, type MessageKey } from '../../i18n/i18n.ts';

export const SHORTCUTS: [string, MessageKey][] = [
  ['j / ↓', 'keys.next'],
  ['k / ↑', 'keys.previous'],
  ['a', 'inbox.approve'],
  ['r', 'inbox.reject'],
  ['h', 'inbox.hide'],
  ['p', 'inbox.backToQueue'],
  ['q', 'keys.request'],
  ['x', 'keys.select'],
  ['u', 'keys.undo'],
  ['Enter', 'keys.details'],
  ['Esc', 'keys.escape'],
  ['/', 'inbox.search'],
  ['?', 'keys.help'],
];

export function HelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title={t('keys.title')}>
      <dl class="shortcuts">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{t(what)}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
