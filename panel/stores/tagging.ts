/**
 * Product tags (hotspots) on the post open in the details, changed optimistically: the change
 * shows at once, the API is told, and a refusal puts things back as they were, with a toast
 * that says why. The open post in `$detail` is the one source of truth the tagger renders.
 */
import type { AdminPostDetail } from '../../shared/admin-types.ts';
import type { PublicProduct } from '../../shared/api-types.ts';
import { api, messageOf } from '../api.ts';
import { describePoint, samePoint, type Point } from '../pages/inbox/tagging/hotspot-position.ts';
import { announce } from './announcer.ts';
import { $detail, setProductCount } from './inbox.ts';
import { t } from '../i18n/i18n.ts';

export type Tag = AdminPostDetail['products'][number];

const PENDING = 'pending-';
let sequence = 0;

/** A tag the server has not confirmed yet: it has no id to move or remove it by. */
export const isPending = (tag: Tag): boolean => tag.tagId.startsWith(PENDING);

/** Changes the open post's tags, if that post is still the one open. */
function change(postId: string, edit: (tags: Tag[]) => Tag[]): void {
  const detail = $detail.get();
  if (!detail?.post || detail.id !== postId) return;
  const products = edit(detail.post.products);
  $detail.set({ ...detail, post: { ...detail.post, products, productCount: products.length } });
}

const tagOf = (postId: string, tagId: string): Tag | undefined => {
  const detail = $detail.get();
  return detail?.id === postId ? detail.post?.products.find((t) => t.tagId === tagId) : undefined;
};

const countOf = (postId: string): void => {
  const detail = $detail.get();
  if (detail?.id === postId && detail.post) setProductCount(postId, detail.post.products.length);
};

/** Tags `product` at `at` on a media of the post; answers the new tag's id, or null if refused. */
export async function tagProduct(postId: string, product: PublicProduct, mediaId: string | null, at: Point): Promise<string | null> {
  sequence += 1;
  const tempId = `${PENDING}${sequence}`;
  change(postId, (tags) => [...tags, { ...product, tagId: tempId, hotspot: { mediaId, ...at } }]);
  try {
    const saved = await api.addTag(postId, { productId: product.id, mediaId, ...at });
    change(postId, (tags) => tags.map((t) => (t.tagId === tempId ? { ...t, tagId: saved.id, hotspot: { mediaId: saved.mediaId, x: saved.x, y: saved.y } } : t)));
    countOf(postId);
    announce(t('tag.tagged', { title: product.title, at: describePoint(at) }), false);
    return saved.id;
  } catch (error) {
    change(postId, (tags) => tags.filter((t) => t.tagId !== tempId));
    announce(t('tag.tagFailed', { title: product.title, reason: messageOf(error) }), false);
    return null;
  }
}

/**
 * Moves a hotspot from `from` (where it was before the drag or the arrow keys) to `to`. On a
 * refusal it goes back to `from`, unless it was moved again in the meantime.
 */
export async function moveHotspot(postId: string, tagId: string, from: Point, to: Point): Promise<void> {
  const tag = tagOf(postId, tagId);
  if (!tag || samePoint(from, to)) return;
  const place = (point: Point) => change(postId, (tags) => tags.map((t) => (t.tagId === tagId ? { ...t, hotspot: { ...t.hotspot, ...point } } : t)));
  place(to);
  try {
    await api.moveTag(postId, tagId, to);
    announce(t('tag.moved', { title: tag.title, at: describePoint(to) }), false);
  } catch (error) {
    const now = tagOf(postId, tagId)?.hotspot;
    if (now && samePoint(now, to)) place(from);
    announce(t('tag.moveFailed', { title: tag.title, reason: messageOf(error) }), false);
  }
}

/** Removes a tag; on a refusal it comes back at its place in the list. */
export async function untag(postId: string, tagId: string): Promise<void> {
  const detail = $detail.get();
  const tags = detail?.id === postId ? (detail.post?.products ?? []) : [];
  const index = tags.findIndex((t) => t.tagId === tagId);
  const tag = tags[index];
  if (!tag || isPending(tag)) return;
  change(postId, (list) => list.filter((t) => t.tagId !== tagId));
  try {
    await api.removeTag(postId, tagId);
    countOf(postId);
    announce(t('tag.removed', { title: tag.title }), false);
  } catch (error) {
    change(postId, (list) => (list.some((t) => t.tagId === tagId) ? list : [...list.slice(0, index), tag, ...list.slice(index)]));
    announce(t('tag.removeFailed', { title: tag.title, reason: messageOf(error) }), false);
  }
}
