/**
 * Product tags on posts: hotspots at (x, y) on a media item, several per post and per carousel
 * child. Suggestions rank the catalog against the post's caption and hashtags, so tagging
 * usually takes one click.
 */
import { and, asc, eq, isNull, max } from 'drizzle-orm';
import type { PublicProduct } from '../../../shared/api-types.ts';
import { runBatch, type Db } from '../../db/client.ts';
import { postMedia, postProducts, posts, products } from '../../db/schema.ts';
import { NotFound, notFound } from '../errors.ts';
import { newId } from '../../lib/ids.ts';
import { rankProducts } from './product-suggestions.ts';
import { auditStatement } from '../audit/audit.ts';
import type { Actor } from './moderation.ts';
import { toPublicProduct } from './post-media.ts';

async function ownPost(db: Db, workspaceId: string, postId: string) {
  const [post] = await db.select().from(posts).where(and(eq(posts.workspaceId, workspaceId), eq(posts.id, postId)));
  if (!post) throw notFound('post');
  return post;
}

export async function addTag(db: Db, actor: Actor, postId: string, input: { productId: string; mediaId?: string | null | undefined; x: number; y: number }, now: number) {
  await ownPost(db, actor.workspaceId, postId);
  const [product] = await db.select({ id: products.id }).from(products).where(and(eq(products.workspaceId, actor.workspaceId), eq(products.id, input.productId)));
  if (!product) throw new NotFound('not_found', 'productId: no such product', 'productId');
  const media = await db.select({ id: postMedia.id }).from(postMedia).where(eq(postMedia.postId, postId)).orderBy(asc(postMedia.position));
  const mediaId = input.mediaId ?? media[0]?.id ?? null;
  if (input.mediaId && !media.some((m) => m.id === input.mediaId)) throw new NotFound('not_found', 'mediaId: not a media of this post', 'mediaId');
  const [last] = await db.select({ n: max(postProducts.position) }).from(postProducts).where(eq(postProducts.postId, postId));
  const tag = { id: newId('tag'), postId, productId: product.id, mediaId, x: input.x, y: input.y, position: (last?.n ?? -1) + 1, createdAt: now };
  await runBatch(db, [
    db.insert(postProducts).values(tag),
    auditStatement(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'tag.added', targetType: 'post', targetId: postId, after: { productId: tag.productId, mediaId, x: tag.x, y: tag.y }, at: now }),
  ]);
  return { id: tag.id, productId: tag.productId, mediaId, x: tag.x, y: tag.y };
}

async function ownTag(db: Db, workspaceId: string, postId: string, tagId: string) {
  await ownPost(db, workspaceId, postId);
  const [tag] = await db.select().from(postProducts).where(and(eq(postProducts.postId, postId), eq(postProducts.id, tagId)));
  if (!tag) throw notFound('tag');
  return tag;
}

export async function moveTag(db: Db, actor: Actor, postId: string, tagId: string, to: { x: number; y: number }, now: number) {
  const tag = await ownTag(db, actor.workspaceId, postId, tagId);
  await runBatch(db, [
    db.update(postProducts).set(to).where(eq(postProducts.id, tagId)),
    auditStatement(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'tag.moved', targetType: 'post', targetId: postId, before: { x: tag.x, y: tag.y }, after: to, at: now }),
  ]);
  return { id: tagId, productId: tag.productId, mediaId: tag.mediaId, ...to };
}

export async function removeTag(db: Db, actor: Actor, postId: string, tagId: string, now: number) {
  const tag = await ownTag(db, actor.workspaceId, postId, tagId);
  await runBatch(db, [
    db.delete(postProducts).where(eq(postProducts.id, tagId)),
    auditStatement(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'tag.removed', targetType: 'post', targetId: postId, before: { productId: tag.productId }, at: now }),
  ]);
}

/** The workspace's products, best matches for the post's caption first. */
export async function suggestProducts(db: Db, workspaceId: string, postId: string, limit: number): Promise<(PublicProduct & { score: number })[]> {
  const post = await ownPost(db, workspaceId, postId);
  const catalog = await db.select().from(products).where(and(eq(products.workspaceId, workspaceId), isNull(products.removedAt)));
  return rankProducts(post.caption, catalog, limit).map(({ product, score }) => ({ ...toPublicProduct(product), score }));
}
