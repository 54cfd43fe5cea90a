import { useEffect, useState } from 'preact/hooks';
import type { AdminGallery } from '../../../shared/admin-types.ts';
import type { PublicPost } from '../../../shared/api-types.ts';
import { api, messageOf } from '../../api.ts';
import { variantFor } from '../../components/media.tsx';
import { t } from '../../i18n/i18n.ts';

/** Enough for any hand-curated order; posts past it keep following, newest first. */
const MAX_POSTS = 500;

/**
 * The posts the gallery shows, in its current order, from the admin API (the same selection and
 * order as the public API, with previews served to members), so the order edited here is the
 * order of the live gallery.
 */
async function galleryPosts(galleryId: string): Promise<PublicPost[]> {
  const posts: PublicPost[] = [];
  let cursor: string | null = null;
  do {
    const page = await api.galleryPosts(galleryId, cursor, 100);
    posts.push(...page.posts);
    cursor = page.nextCursor;
  } while (cursor && posts.length < MAX_POSTS);
  return posts.slice(0, MAX_POSTS);
}

function moved<T>(items: T[], from: number, to: number): T[] {
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

const who = (post: PublicPost) => (post.author.username ? `@${post.author.username}` : t('order.untitled'));

/** Drag to reorder (or use the arrow buttons), then save: the order goes live at once. */
export function ManualOrder({ gallery, onSaved }: { gallery: AdminGallery; onSaved: (gallery: AdminGallery) => void }) {
  const [posts, setPosts] = useState<PublicPost[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const [dirty, setDirty] = useState(false);
  const [status, setStatus] = useState('');

  useEffect(() => {
    galleryPosts(gallery.id).then(setPosts, (e: unknown) => setError(t('order.loadFailed', { reason: messageOf(e) })));
  }, [gallery.id]);

  const reorder = (from: number, to: number) => {
    if (!posts || from === to || to < 0 || to >= posts.length) return;
    const post = posts[from];
    setPosts(moved(posts, from, to));
    setDirty(true);
    if (post) setStatus(t('order.moved', { who: who(post), position: to + 1, total: posts.length }));
  };
  const save = async () => {
    if (!posts) return;
    try {
      onSaved(await api.orderGallery(gallery.id, posts.map((p) => p.id)));
      setDirty(false);
      setStatus(t('order.saved'));
    } catch (e) {
      setStatus(t('order.notSaved', { reason: messageOf(e) }));
    }
  };

  if (error) return <p role="alert">{error}</p>;
  if (!posts) return <p class="muted">{t('order.loading')}</p>;
  if (posts.length === 0) return <p class="muted">{t('order.none')}</p>;
  return (
    <div class="manual-order">
      <p class="muted" id="order-help">
        {t('order.help')}
      </p>
      <ol class="order-list" aria-describedby="order-help">
        {posts.map((post, index) => {
          const media = post.media[0];
          const thumb = media && variantFor(media, 120);
          return (
            <li
              key={post.id}
              data-post-id={post.id}
              draggable
              class={`${dragging === index ? 'is-dragging' : ''} ${over === index && dragging !== index ? 'is-over' : ''}`}
              onDragStart={(e) => {
                setDragging(index);
                e.dataTransfer?.setData('text/plain', post.id);
                if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
              }}
              onDragOver={(e) => {
                e.preventDefault();
                setOver(index);
              }}
              onDrop={(e) => {
                e.preventDefault();
                // The dragged post comes from the drag data, not from state a render may not have caught up with.
                const from = posts.findIndex((p) => p.id === e.dataTransfer?.getData('text/plain'));
                if (from >= 0) reorder(from, index);
                setDragging(null);
                setOver(null);
              }}
              onDragEnd={() => {
                setDragging(null);
                setOver(null);
              }}
            >
              <span class="position">{index + 1}</span>
              {thumb && <img src={thumb.url} alt="" width={48} height={48} loading="lazy" />}
              <span class="order-text">
                <strong>{who(post)}</strong> <span class="caption-line">{post.caption}</span>
              </span>
              <button type="button" aria-label={t('order.up', { who: who(post) })} disabled={index === 0} onClick={() => reorder(index, index - 1)}>
                ↑
              </button>
              <button type="button" aria-label={t('order.down', { who: who(post) })} disabled={index === posts.length - 1} onClick={() => reorder(index, index + 1)}>
                ↓
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" class="primary" disabled={!dirty} onClick={() => void save()}>
        {t('order.save')}
      </button>
      <span class="muted" role="status">
        {status}
      </span>
    </div>
  );
}
