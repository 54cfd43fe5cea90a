import { useStore } from '@nanostores/preact';
import { $newCount, showNew } from '../../stores/inbox.ts';
import { tn } from '../../i18n/i18n.ts';

/** "12 new posts — show": what arrived since the list loaded, put on top only when asked. */
export function NewPosts() {
  const count = useStore($newCount);
  return (
    <div class="new-posts" role="status">
      {count > 0 && (
        <button type="button" class="link" onClick={() => void showNew()}>
          {tn('inbox.newPosts', count)}
        </button>
      )}
    </div>
  );
}
