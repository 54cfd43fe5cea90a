/**
 * Whether a key press belongs to what has focus rather than to the page's shortcuts: typing in
 * a field, working a control, or anything inside an open dialog (which handles its own keys).
 */
export function isForFocusedControl(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return true;
  const target = event.target;
  if (!(target instanceof Element)) return false;
  return !!target.closest('input, textarea, select, [contenteditable], dialog[open]');
}
