/**
 * The brand's IG User node and its edges (§1.3): `mentioned_media`/`mentioned_comment` field
 * expansions, `/tags` (cursors but no links), `/media` (standard paging) and `POST /mentions`,
 * the only way the API lets a brand reply on someone else's post.
 */
import type { GraphCall, GraphDeps, Json } from './call.ts';
import { graphErrors } from './errors.ts';
import type { FieldNode } from './fields.ts';
import { cursorPage, newestFirstKey, pageLimit } from './paging.ts';
import type { FakeMedia } from './types.ts';

const USER_NODE = 'ShadowIGUser';
const byNewest = (a: FakeMedia, b: FakeMedia) => b.timestamp - a.timestamp || (a.id < b.id ? 1 : -1);
const mediaKey = (m: FakeMedia) => newestFirstKey(m.timestamp, m.id);

export function userRoutes(deps: GraphDeps) {
  const { world, render, account } = deps;

  function modifier(field: FieldNode, name: string): string {
    const value = field.modifiers[name];
    if (!value) throw graphErrors.missingParam(name);
    return value;
  }

  async function mentionedMedia(field: FieldNode): Promise<Json> {
    const mediaId = modifier(field, 'media_id');
    const m = world.media(mediaId);
    if (!m || m.deleted || !m.mentionsBrand) throw graphErrors.unsupportedGet(mediaId);
    return render.media(m, field.fields, 'mention');
  }

  async function mentionedComment(field: FieldNode): Promise<Json> {
    const commentId = modifier(field, 'comment_id');
    const c = world.getComment(commentId);
    if (!c || world.media(c.mediaId)?.deleted !== false || !world.commentMentionsBrand(c)) throw graphErrors.unsupportedGet(commentId);
    return render.comment(c, field.fields, 'mention');
  }

  return {
    async node(call: GraphCall): Promise<Json> {
      const out: Json = {};
      for (const field of call.fields ?? [{ name: 'id', modifiers: {} }]) {
        switch (field.name) {
          case 'id':
            out.id = account.igUserId;
            break;
          case 'username':
            out.username = account.username;
            break;
          case 'name':
            out.name = deps.appName;
            break;
          case 'media_count':
            out.media_count = world.allMedia().filter((m) => m.own).length;
            break;
          case 'followers_count':
            out.followers_count = 12480;
            break;
          case 'follows_count':
            out.follows_count = 311;
            break;
          case 'mentioned_media':
            out.mentioned_media = await mentionedMedia(field);
            break;
          case 'mentioned_comment':
            out.mentioned_comment = await mentionedComment(field);
            break;
          default:
            throw graphErrors.nonexistingField(field.name, USER_NODE);
        }
      }
      // The real answer always echoes the node's id next to the expansions.
      out.id = account.igUserId;
      return out;
    },

    async tags(call: GraphCall): Promise<Json> {
      const tagged = world.allMedia().filter((m) => m.tagsBrand).sort(byNewest);
      // "The response will not include previous or next fields" (§1.3): cursors only.
      const { slice, page } = cursorPage(tagged, mediaKey, call, { limit: pageLimit(call.params, { default: 25, max: 100 }), links: false });
      return page(await Promise.all(slice.map((m) => render.media(m, call.fields, 'tags'))));
    },

    async media(call: GraphCall): Promise<Json> {
      const own = world.allMedia().filter((m) => m.own).sort(byNewest);
      const { slice, page } = cursorPage(own, mediaKey, call, { limit: pageLimit(call.params, { default: 25, max: 100 }), links: true });
      return page(await Promise.all(slice.map((m) => render.media(m, call.fields, 'owner'))));
    },

    /** `POST /{ig-user-id}/mentions` with media_id, optional comment_id, and message → `{"id"}`. */
    replyToMention(call: GraphCall): Json {
      const { media_id: mediaId, comment_id: commentId, message } = call.params;
      if (!mediaId) throw graphErrors.missingParam('media_id');
      if (!message) throw graphErrors.missingParam('message');
      const m = world.media(mediaId);
      if (!m || m.deleted) throw graphErrors.unsupportedGet(mediaId, 'post');
      if (commentId) {
        const c = world.getComment(commentId);
        if (!c || c.mediaId !== mediaId || !world.commentMentionsBrand(c)) throw graphErrors.invalidParam('(#100) Invalid parameter comment_id');
      } else if (!m.mentionsBrand) {
        // Only posts whose caption @mentions the brand can be replied to this way (§0.1).
        throw graphErrors.invalidParam('(#100) Invalid parameter media_id');
      }
      const reply = world.comment({ mediaId, text: message, fromUsername: account.username, ...(commentId ? { parentId: commentId } : {}) });
      return { id: reply.id };
    },
  };
}
