import { useStore } from '@nanostores/preact';
import { Dialog } from '../../components/dialog.tsx';
import { MediaImage } from '../../components/media.tsx';
import { $detail, closeDetail } from '../../stores/inbox.ts';
import { RightsHistory } from './post-rights.tsx';

const money = (amount: number, currency: string) => new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount / 100);

/** Everything about one post: all its media, tagged products, and the history and evidence of its rights. */
export function DetailDialog() {
  const detail = useStore($detail);
  const post = detail?.post;
  return (
    <Dialog open={detail !== null} onClose={closeDetail} title="Post details">
      {detail?.error && <p role="alert">Could not load the post: {detail.error}</p>}
      {!post && !detail?.error && <p class="muted">Loading…</p>}
      {post && (
        <div class="detail">
          <div class="detail-media">
            {post.media.map((media) => (
              <MediaImage key={media.id} media={media} width={1080} playable />
            ))}
          </div>
          <div>
            <p>
              <strong>{post.author.username ? `@${post.author.username}` : 'Unknown author'}</strong>
            </p>
            <p class="caption">{post.caption}</p>
            <h3>Tagged products</h3>
            {post.products.length === 0 ? (
              <p class="muted">None yet.</p>
            ) : (
              <ul class="plain">
                {post.products.map((product) => (
                  <li key={product.id}>
                    {product.title} <span class="muted">({product.sku})</span>
                    {product.price && ` — ${money(product.price.amount, product.price.currency)}`}
                  </li>
                ))}
              </ul>
            )}
            <RightsHistory post={post} />
          </div>
        </div>
      )}
    </Dialog>
  );
}
