import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { galleries } from '../db/schema.ts';

export type Gallery = typeof galleries.$inferSelect;

export async function findGallery(db: Db, id: string): Promise<Gallery | null> {
  const [row] = await db.select().from(galleries).where(eq(galleries.id, id)).limit(1);
  return row ?? null;
}
