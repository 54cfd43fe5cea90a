import type { Db } from '../../db/client.ts';
import { galleryFreshness, type GalleryFreshness } from '../../domain/galleries/content-version.ts';

/**
 * Reads of a gallery's content version, shared by the requests that arrive within `windowMs` of
 * the read: under load, one database question serves a whole window of cached answers instead of
 * one each. A write elsewhere is then seen within `windowMs` (plus the read's own time), well
 * inside invariant 4's second; a write through this process is seen at once, since every
 * state-changing request forgets what was read (`forget`, mounted in app.ts). With `windowMs` 0
 * every request reads (the test harness, which writes straight to the database).
 */
export function sharedFreshness({ windowMs, maxEntries = 10_000 }: { windowMs: number; maxEntries?: number }) {
  const reads = new Map<string, { db: Db; at: number; answer: Promise<GalleryFreshness | null> }>();
  return {
    read(db: Db, galleryId: string, now: number): Promise<GalleryFreshness | null> {
      const kept = reads.get(galleryId);
      if (kept && kept.db === db && now >= kept.at && now - kept.at < windowMs) return kept.answer;
      // Ids come from URLs: a client inventing them only starts the map over.
      if (reads.size >= maxEntries) reads.clear();
      const answer = galleryFreshness(db, galleryId);
      const entry = { db, at: now, answer };
      reads.set(galleryId, entry);
      // A failed read is not shared past its own requests.
      answer.catch(() => reads.get(galleryId) === entry && reads.delete(galleryId));
      return answer;
    },
    forget(): void {
      reads.clear();
    },
  };
}
