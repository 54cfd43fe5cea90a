import { atom } from 'nanostores';

export interface Announcement {
  /** Tells two identical messages apart, so the toast restarts its timer and is read again. */
  id: number;
  message: string;
  /** Whether the toast offers to undo (the last moderation). */
  undoable: boolean;
}

/** What the panel just did, shown in a toast and read out by screen readers (aria-live). */
export const $announcement = atom<Announcement | null>(null);

let sequence = 0;

export function announce(message: string, undoable: boolean): void {
  sequence += 1;
  $announcement.set({ id: sequence, message, undoable });
}
