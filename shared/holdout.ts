/**
 * The randomized holdout, decided the same way by the widget (which then shows no gallery) and
 * by the server (which recomputes it and never trusts the client): a stable hash of the
 * workspace and visitor, so a visitor stays in the same group on every page.
 */

/** FNV-1a, 32 bits, over the string's UTF-16 code units (ids are ASCII). */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** True when this visitor belongs to the holdout of a workspace holding out `holdoutShare` (0..1). */
export function isHoldout(workspaceId: string, visitorId: string, holdoutShare: number): boolean {
  return fnv1a32(`${workspaceId}:${visitorId}`) % 10000 < Math.round(holdoutShare * 10000);
}
