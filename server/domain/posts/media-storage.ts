import type { Db } from '../../db/client.ts';
import { mediaVariants } from '../../db/schema.ts';
import { newId } from '../../lib/ids.ts';
import type { MediaStore } from '../../media/store.ts';
import { ACCEPTED_IMAGES, ImageRefusedError } from '../../media/accept-image.ts';
import type { MadeVariants, Rendition, VariantMaker } from '../../media/variants.ts';
import { Invalid } from '../errors.ts';

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

/**
 * An uploaded image (the panel's upload, a campaign submission) made into renditions and stored
 * under a new media id; a file that is not an accepted image is refused by `field`.
 */
export async function storeUploadedImage(deps: { media: MediaStore; variants: VariantMaker }, bytes: Uint8Array, field: string, now: number) {
  let made;
  try {
    made = await deps.variants.make(bytes);
  } catch (error) {
    // A file the header accepted can still fail to decode (truncated, corrupt): same answer.
    const reason = error instanceof ImageRefusedError ? error.message : `could not be read as a ${ACCEPTED_IMAGES} image`;
    throw new Invalid('invalid_parameter', `${field}: ${reason}`, field);
  }
  const mediaId = newId('med');
  const rows = await storeRenditions(deps.media, mediaId, made, now);
  return { mediaId, width: made.original.width, height: made.original.height, rows };
}
