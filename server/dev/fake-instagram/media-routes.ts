/**
 * IG Media and IG Comment nodes read by id. Only the brand's own media (and comments on it, or
 * written by the brand) can be read this way; another person's post answers code 100/33 like a
 * deleted one. That is why the API offers `mentioned_media` and why media found by hashtag must
 * be re-hosted: its expiring `media_url` cannot be refreshed by id.
 */
import type { GraphCall, GraphDeps, Json } from './call.ts';
import { graphErrors } from './errors.ts';
import { cursorPage, newestFirstKey, pageLimit } from './paging.ts';
import type { FakeComment, FakeMedia } from './types.ts';

const commentKey = (c: FakeComment) => newestFirstKey(c.timestamp, c.id);

export function mediaRoutes(deps: GraphDeps) {
  const { world, render, account } = deps;

  const ownMedia = (id: string): FakeMedia | undefined => {
    const m = world.media(id);
    return m && !m.deleted && m.own ? m : undefined;
  };
  const readableComment = (id: string): FakeComment | undefined => {
    const c = world.getComment(id);
    const m = c ? world.media(c.mediaId) : undefined;
    if (!c || !m || m.deleted) return undefined;
    return m.own || c.username === account.username ? c : undefined;
  };

  return {
    async node(id: string, call: GraphCall): Promise<Json> {
      const m = ownMedia(id);
      if (m) return render.media(m, call.fields, 'owner');
      const child = world.child(id);
      if (child && ownMedia(child.parent.id)) return render.child(child.child, child.parent, call.fields, 'owner');
      const c = readableComment(id);
      if (c) return render.comment(c, call.fields, world.media(c.mediaId)?.own ? 'owner' : 'mention');
      throw graphErrors.unsupportedGet(id);
    },

    async edge(id: string, edge: string, call: GraphCall): Promise<Json> {
      const m = ownMedia(id);
      if (m && edge === 'children') return { data: await Promise.all(m.children.map((c) => render.child(c, m, call.fields, 'owner'))) };
      if (m && edge === 'comments') return commentsPage(world.commentsOn(m.id), call, 'owner');
      const c = readableComment(id);
      if (c && edge === 'replies') return commentsPage(c.parentId ? [] : world.commentsOn(c.mediaId, c.id), call, 'owner');
      if (m || c) throw graphErrors.unknownPath(edge);
      throw graphErrors.unsupportedGet(id);
    },
  };

  async function commentsPage(list: FakeComment[], call: GraphCall, viewer: 'owner'): Promise<Json> {
    const { slice, page } = cursorPage(list, commentKey, call, { limit: pageLimit(call.params, { default: 25, max: 50 }), links: true });
    return page(await Promise.all(slice.map((c) => render.comment(c, call.fields, viewer))));
  }
}
