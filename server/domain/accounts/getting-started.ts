/**
 * The new workspace's checklist: what a merchant does between setup and a tracked gallery on
 * their store, each step read from the data it produces (never ticked by hand), so the panel
 * can tick it the moment it is done and drop the list once everything is.
 */
import { and, eq, gt, isNotNull, ne } from 'drizzle-orm';
import type { GettingStarted, GettingStartedStep } from '../../../shared/admin-types.ts';
import type { Db } from '../../db/client.ts';
import { dailyRollups, galleries, instagramConnections, products, sources, termsVersions, workspaces } from '../../db/schema.ts';
import { targetRefusal } from '../../outbound/target.ts';

/** Whether a query limited to one row found it. */
const found = async (rows: Promise<unknown[]>): Promise<boolean> => (await rows).length > 0;

/**
 * The steps in the order they are best done in. `publicOrigin` is where rights links and the
 * embed code point (VITRINE_PUBLIC_URL, else the address the panel was reached on).
 */
export async function gettingStarted(db: Db, workspaceId: string, publicOrigin: string): Promise<GettingStarted> {
  const [workspace] = await db
    .select({ handle: workspaces.instagramHandle, hashtag: workspaces.approvalHashtag, origins: workspaces.allowedOrigins })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .limit(1);
  const active = and(eq(instagramConnections.workspaceId, workspaceId), eq(instagramConnections.status, 'active'));
  const [instagram, webhooks, source, terms, catalog, gallery, seen] = await Promise.all([
    found(db.select({ id: instagramConnections.id }).from(instagramConnections).where(active).limit(1)),
    // Its Page subscribed the app: replies and mentions arrive as they happen, not by polling.
    found(db.select({ id: instagramConnections.id }).from(instagramConnections).where(and(active, isNotNull(instagramConnections.webhooksSubscribedAt))).limit(1)),
    found(db.select({ id: sources.id }).from(sources).where(and(eq(sources.workspaceId, workspaceId), ne(sources.kind, 'manual'))).limit(1)),
    found(db.select({ id: termsVersions.id }).from(termsVersions).where(eq(termsVersions.workspaceId, workspaceId)).limit(1)),
    found(db.select({ id: products.id }).from(products).where(eq(products.workspaceId, workspaceId)).limit(1)),
    found(db.select({ id: galleries.id }).from(galleries).where(eq(galleries.workspaceId, workspaceId)).limit(1)),
    // The widget reported an impression: the embed code is on a page shoppers load.
    found(
      db
        .select({ day: dailyRollups.day })
        .from(dailyRollups)
        .where(and(eq(dailyRollups.workspaceId, workspaceId), eq(dailyRollups.dimension, 'workspace'), gt(dailyRollups.impressions, 0)))
        .limit(1),
    ),
  ]);
  const done: Record<GettingStartedStep, boolean> = {
    instagram,
    webhooks,
    source,
    brand: !!workspace?.handle && !!workspace.hashtag,
    terms,
    catalog,
    gallery,
    origins: (workspace?.origins.length ?? 0) > 0,
    embed: seen,
  };
  const refusal = targetRefusal(new URL(publicOrigin));
  return {
    steps: (Object.keys(done) as GettingStartedStep[]).map((id) => ({ id, done: done[id] })),
    publicOrigin,
    publicOriginProblem: refusal && `Links point at ${publicOrigin}, which shoppers and authors cannot open (${refusal}): set VITRINE_PUBLIC_URL to the https address they reach Vitrine on.`,
  };
}
