import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { campaigns } from '../../db/schema.ts';
import { notFound } from '../errors.ts';

export type Campaign = typeof campaigns.$inferSelect;

/** A campaign of the caller's workspace; another workspace's id is simply not found. */
export async function ownCampaign(db: Db, workspaceId: string, id: string): Promise<Campaign> {
  const [row] = await db.select().from(campaigns).where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, id))).limit(1);
  if (!row) throw notFound('campaign');
  return row;
}
