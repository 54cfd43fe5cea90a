/**
 * Hashtag search (§1.2): `ig_hashtag_search`, the hashtag node, `recent_media`/`top_media` and
 * `recently_searched_hashtags`. These calls count against Platform Rate Limits (see usage.ts).
 */
import type { GraphCall, GraphDeps, Json } from './call.ts';
import { graphErrors } from './errors.ts';
import { hashtagPage, pageLimit } from './paging.ts';
import { hash53 } from './random.ts';
import { DAY_MS } from './time.ts';
import type { FakeMedia } from './types.ts';

/** "Sensitive or offensive tags return a generic error"; a small list stands for Meta's. */
const SENSITIVE = new Set(['nsfw', 'porn', 'sex', 'drugs', 'gore']);
const TAG_NAME = /^[\p{L}\p{N}_]+$/u;
const EMOJI = /\p{Extended_Pictographic}/u;

export function hashtagRoutes(deps: GraphDeps) {
  const { world, render, quota, account, clock } = deps;

  function requireUser(call: GraphCall): string {
    const userId = call.params.user_id;
    if (!userId) throw graphErrors.missingParam('user_id');
    if (userId !== account.igUserId) throw graphErrors.invalidUserId();
    return userId;
  }

  return {
    search(call: GraphCall): Json {
      const userId = requireUser(call);
      const q = call.params.q;
      if (q === undefined || q === '') throw graphErrors.missingParam('q');
      if (EMOJI.test(q)) throw graphErrors.invalidParam('Invalid parameter', 'Emojis are not supported in hashtag search.');
      if (!TAG_NAME.test(q) || SENSITIVE.has(q.toLowerCase())) throw graphErrors.invalidParam('Invalid parameter');
      const id = world.registerHashtag(q);
      if (!quota.query(userId, id)) throw graphErrors.hashtagQuota();
      return { data: [{ id }] };
    },

    node(id: string, call: GraphCall): Json {
      const name = world.hashtagName(id);
      if (name === undefined) throw graphErrors.unsupportedGet(id);
      const out: Json = {};
      for (const field of call.fields ?? [{ name: 'id', modifiers: {} }]) {
        if (field.name === 'id') out.id = id;
        else if (field.name === 'name') out.name = name;
        else throw graphErrors.nonexistingField(field.name, 'ShadowIGHashtag');
      }
      return out;
    },

    async media(id: string, edge: 'recent_media' | 'top_media', call: GraphCall): Promise<Json> {
      const name = world.hashtagName(id);
      if (name === undefined) throw graphErrors.unsupportedGet(id);
      requireUser(call);
      const now = clock.now();
      let found = world.allMedia().filter((m) => m.hashtags.includes(name) && m.timestamp <= now);
      if (edge === 'recent_media') {
        // "Only returns media objects published within 24 hours of query execution", and "responses
        // will not always be in chronological order": a stable but unordered shuffle.
        found = found.filter((m) => now - m.timestamp <= DAY_MS).sort((a, b) => hash53(a.id + id) - hash53(b.id + id));
      } else {
        // "Popularity is determined by a mix of views and viewer interaction."
        found.sort((a, b) => popularity(b) - popularity(a) || (a.id < b.id ? -1 : 1));
      }
      const limit = pageLimit(call.params, { default: 25, max: 50 });
      const constantCursor = btoa(`QVFH${id}:${edge}`);
      const { slice, page } = hashtagPage(found, { url: call.url, params: call.params }, { limit, constantCursor });
      return page(await Promise.all(slice.map((m) => render.media(m, call.fields, 'hashtag'))));
    },

    recentlySearched(call: GraphCall): Json {
      const limit = pageLimit(call.params, { default: 25, max: 30 });
      return { data: quota.recent(account.igUserId).slice(0, limit).map((id) => ({ id })) };
    },
  };

  function popularity(m: FakeMedia): number {
    return m.likeCount + 3 * world.commentsCount(m.id);
  }
}
