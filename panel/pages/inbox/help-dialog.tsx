import { Dialog } from '../../components/dialog.tsx';

export const SHORTCUTS: [string, string][] = [
  ['j / ↓', 'Next post'],
  ['k / ↑', 'Previous post'],
  ['a', 'Approve'],
  ['r', 'Reject'],
  ['h', 'Hide'],
  ['p', 'Put back in the queue'],
  ['q', 'Request rights from the author (of the selection, if any)'],
  ['x', 'Select or unselect (actions then apply to the selection)'],
  ['u', 'Undo the last action'],
  ['Enter', 'Open the details'],
  ['Esc', 'Close, or clear the selection'],
  ['/', 'Search'],
  ['?', 'This help'],
];

export function HelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts">
      <dl class="shortcuts">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
