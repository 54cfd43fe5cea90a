import type { Db } from '../../db/client.ts';
import { mediaVariants } from '../../db/schema.ts';
import { newId } from '../../lib/ids.ts';
import type { MediaStore } from '../../media/store.ts';
import type { MadeVariants, Rendition } from '../../media/variants.ts';

const EXTENSION = { webp: 'webp', jpeg: 'jpg', png: 'png' } as const;
const CONTENT_TYPE = { webp: 'image/webp', jpeg: 'image/jpeg', png: 'image/png' } as const;

/**
 * Puts a media item's renditions in the media store and returns the rows describing them.
 * The bytes go first: a row never points at a file that is not there.
 */
export async function storeRenditions(
  media: MediaStore,
  mediaId: string,
  made: MadeVariants,
  now: number,
): Promise<(typeof mediaVariants.$inferInsert)[]> {
  const entries: { role: 'original' | 'display'; rendition: Rendition }[] = [
    { role: 'original', rendition: made.original },
    ...made.display.map((rendition) => ({ role: 'display' as const, rendition })),
  ];
  return Promise.all(
    entries.map(async ({ role, rendition }) => {
      const storageKey = `m/${mediaId}/${role}-${rendition.width}.${EXTENSION[rendition.format]}`;
      await media.put(storageKey, rendition.bytes, CONTENT_TYPE[rendition.format]);
      return {
        id: newId('var'),
        mediaId,
        role,
        format: rendition.format,
        width: rendition.width,
        height: rendition.height,
        bytes: rendition.bytes.byteLength,
        storageKey,
        createdAt: now,
      };
    }),
  );
}

export function insertVariants(db: Db, rows: (typeof mediaVariants.$inferInsert)[]) {
  return rows.map((row) => db.insert(mediaVariants).values(row));
}
