import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { AdminGallery } from '../../../shared/admin-types.ts';
import { embedCode, shopifySection } from '../../../shared/embed-code.ts';
import type { galleryInput, galleryPatch } from '../../../shared/schemas/galleries.ts';
import { inChunks, runBatch, type Db } from '../../db/client.ts';
import { galleries, galleryPosts, posts } from '../../db/schema.ts';
import { Invalid, NotFound, notFound } from '../errors.ts';
import { newId } from '../../lib/ids.ts';
import { auditStatement } from '../audit/audit.ts';
import type { Actor } from '../posts/moderation.ts';

export type Gallery = typeof galleries.$inferSelect;

export async function findGallery(db: Db, id: string): Promise<Gallery | null> {
  const [row] = await db.select().from(galleries).where(eq(galleries.id, id)).limit(1);
  return row ?? null;
}


async function view(db: Db, gallery: Gallery, origin: string): Promise<AdminGallery> {
  const order = await db.select({ postId: galleryPosts.postId }).from(galleryPosts).where(eq(galleryPosts.galleryId, gallery.id)).orderBy(asc(galleryPosts.position));
  return {
    id: gallery.id,
    name: gallery.name,
    layout: gallery.layout,
    sort: gallery.sort,
    filters: gallery.filters,
    pageSize: gallery.pageSize,
    manualOrder: order.map((o) => o.postId),
    embedCode: embedCode(origin, gallery),
    shopifySection: shopifySection(origin, gallery),
    updatedAt: new Date(gallery.updatedAt).toISOString(),
  };
}

export async function ownGallery(db: Db, workspaceId: string, id: string): Promise<Gallery> {
  const [row] = await db.select().from(galleries).where(and(eq(galleries.workspaceId, workspaceId), eq(galleries.id, id))).limit(1);
  if (!row) throw notFound('gallery');
  return row;
}

export async function listGalleries(db: Db, workspaceId: string, origin: string): Promise<AdminGallery[]> {
  const rows = await db.select().from(galleries).where(eq(galleries.workspaceId, workspaceId)).orderBy(asc(galleries.name));
  return Promise.all(rows.map((g) => view(db, g, origin)));
}

export async function createGallery(db: Db, actor: Actor, input: z.infer<typeof galleryInput>, now: number, origin: string) {
  const gallery: Gallery = { id: newId('gal'), workspaceId: actor.workspaceId, ...input, fallbackGalleryId: null, minPosts: 1, createdAt: now, updatedAt: now };
  await runBatch(db, [
    db.insert(galleries).values(gallery),
    auditStatement(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'gallery.created', targetType: 'gallery', targetId: gallery.id, after: input, at: now }),
  ]);
  return view(db, gallery, origin);
}

export async function updateGallery(db: Db, actor: Actor, id: string, patch: z.infer<typeof galleryPatch>, now: number, origin: string) {
  const before = await ownGallery(db, actor.workspaceId, id);
  const after = { ...before, ...patch, updatedAt: now };
  await runBatch(db, [
    db.update(galleries).set({ ...patch, updatedAt: now }).where(and(eq(galleries.workspaceId, actor.workspaceId), eq(galleries.id, id))),
    auditStatement(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'gallery.updated', targetType: 'gallery', targetId: id, before: pick(before, patch), after: patch, at: now }),
  ]);
  return view(db, after, origin);
}

export async function deleteGallery(db: Db, actor: Actor, id: string, now: number) {
  const before = await ownGallery(db, actor.workspaceId, id);
  await runBatch(db, [
    db.delete(galleryPosts).where(eq(galleryPosts.galleryId, id)),
    db.delete(galleries).where(and(eq(galleries.workspaceId, actor.workspaceId), eq(galleries.id, id))),
    auditStatement(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'gallery.deleted', targetType: 'gallery', targetId: id, before: { name: before.name }, at: now }),
  ]);
}

/** Replaces the manual order; every post must belong to the workspace. */
export async function setGalleryOrder(db: Db, actor: Actor, id: string, postIds: string[], now: number, origin: string) {
  const gallery = await ownGallery(db, actor.workspaceId, id);
  const unique = [...new Set(postIds)];
  if (unique.length !== postIds.length) throw new Invalid('invalid_parameter', 'postIds: lists a post twice', 'postIds');
  const known = (
    await Promise.all(
      inChunks(unique, (chunk) => db.select({ id: posts.id }).from(posts).where(and(eq(posts.workspaceId, actor.workspaceId), inArray(posts.id, chunk)))),
    )
  ).flat();
  const missing = unique.filter((p) => !known.some((k) => k.id === p));
  if (missing.length > 0) throw new NotFound('not_found', `postIds: no such posts: ${missing.slice(0, 5).join(', ')}`, 'postIds');
  await runBatch(db, [
    db.delete(galleryPosts).where(eq(galleryPosts.galleryId, id)),
    ...unique.map((postId, position) => db.insert(galleryPosts).values({ galleryId: id, postId, position })),
    db.update(galleries).set({ updatedAt: now }).where(eq(galleries.id, id)),
    auditStatement(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'gallery.reordered', targetType: 'gallery', targetId: id, after: { postIds: unique }, at: now }),
  ]);
  return view(db, { ...gallery, updatedAt: now }, origin);
}

function pick<T extends object>(source: T, keys: object): Partial<T> {
  return Object.fromEntries(Object.keys(keys).map((k) => [k, source[k as keyof T]])) as Partial<T>;
}
