/**
 * Renders media and comments for a `fields` selection, as the viewer is allowed to see them.
 * Who reads changes what comes back (§1.2, §1.3, §1.6):
 * - hashtag edges return a fixed list of fields and refuse `username`;
 * - another person's caption loses its @ symbols ("unless the app user created the IG Media");
 * - `like_count` is omitted when the owner hid likes; `owner` becomes `username` on others' media;
 * - `media_url` is absent on albums and on videos with licensed audio; `thumbnail_url` is video-only;
 * - children have no `permalink`, caption or counts.
 */
import type { Cdn } from './cdn.ts';
import { graphErrors } from './errors.ts';
import type { FieldNode } from './fields.ts';
import { graphTimestamp } from './time.ts';
import type { FakeChild, FakeComment, FakeMedia } from './types.ts';
import type { World } from './world.ts';

export type Viewer = 'owner' | 'hashtag' | 'tags' | 'mention';

type Json = Record<string, unknown>;

const MEDIA_NODE = 'ShadowIGMedia';
const COMMENT_NODE = 'ShadowIGComment';

/** §1.2's "returnable fields" of recent_media/top_media; anything else is refused there. */
const HASHTAG_FIELDS = new Set(['id', 'caption', 'children', 'comments_count', 'like_count', 'media_type', 'media_url', 'permalink', 'timestamp']);
const OTHER_FIELDS = new Set([...HASHTAG_FIELDS, 'username', 'thumbnail_url', 'owner', 'comments', 'media_product_type', 'shortcode']);
const OWNER_ONLY_FIELDS = new Set(['is_comment_enabled']);
const CHILD_FIELDS = new Set(['id', 'media_type', 'media_url', 'thumbnail_url', 'timestamp', 'username', 'permalink', 'shortcode']);
const COMMENT_FIELDS = new Set(['id', 'text', 'timestamp', 'username', 'like_count', 'from', 'media', 'parent_id', 'replies', 'hidden']);

const ID_ONLY: FieldNode[] = [{ name: 'id', modifiers: {} }];

function checkField(field: FieldNode, viewer: Viewer): void {
  if (viewer === 'hashtag') {
    // "You cannot request the username field on returned media objects" (§1.2).
    if (!HASHTAG_FIELDS.has(field.name)) throw graphErrors.nonexistingField(field.name, MEDIA_NODE);
    return;
  }
  if (OTHER_FIELDS.has(field.name)) return;
  if (viewer === 'owner' && OWNER_ONLY_FIELDS.has(field.name)) return;
  throw graphErrors.nonexistingField(field.name, MEDIA_NODE);
}

/** "Captions … will not include the @ symbol unless the app user created the IG Media" (§1.3). */
const withoutAtSigns = (caption: string) => caption.replace(/@(?=[\w.])/g, '');

export function createRenderer(deps: { world: World; cdn: Cdn }) {
  const { world, cdn } = deps;

  async function mediaUrl(id: string, type: FakeMedia['mediaType'] | FakeChild['mediaType'], copyrightedAudio: boolean): Promise<string | undefined> {
    if (type === 'CAROUSEL_ALBUM') return undefined; // "Not returned for Album IG Media"
    if (type === 'VIDEO') return copyrightedAudio ? undefined : cdn.url(id, 'video');
    return cdn.url(id, 'picture');
  }

  async function media(m: FakeMedia, fields: FieldNode[] | undefined, viewer: Viewer): Promise<Json> {
    const own = viewer === 'owner';
    const out: Json = {};
    for (const field of fields ?? ID_ONLY) {
      checkField(field, viewer);
      switch (field.name) {
        case 'id':
          out.id = m.id;
          break;
        case 'caption':
          if (m.caption) out.caption = own ? m.caption : withoutAtSigns(m.caption);
          break;
        case 'comments_count':
          out.comments_count = world.commentsCount(m.id);
          break;
        case 'like_count':
          if (own || !m.hideLikes) out.like_count = m.likeCount;
          break;
        case 'media_type':
          out.media_type = m.mediaType;
          break;
        case 'media_url': {
          const url = await mediaUrl(m.id, m.mediaType, m.copyrightedAudio);
          if (url) out.media_url = url;
          break;
        }
        case 'thumbnail_url':
          if (m.mediaType === 'VIDEO') out.thumbnail_url = await cdn.url(m.id, 'thumbnail');
          break;
        case 'permalink':
          out.permalink = `https://www.instagram.com/${m.mediaType === 'VIDEO' ? 'reel' : 'p'}/${m.shortcode}/`;
          break;
        case 'timestamp':
          out.timestamp = graphTimestamp(m.timestamp);
          break;
        case 'username':
          out.username = m.username;
          break;
        case 'owner':
          // "owner (only if the app user created the media, otherwise the username field will be returned instead)".
          if (own) out.owner = { id: m.ownerId };
          else out.username = m.username;
          break;
        case 'shortcode':
          out.shortcode = m.shortcode;
          break;
        case 'media_product_type':
          out.media_product_type = m.mediaType === 'VIDEO' ? 'REELS' : 'FEED';
          break;
        case 'is_comment_enabled':
          out.is_comment_enabled = true;
          break;
        case 'children':
          if (m.mediaType === 'CAROUSEL_ALBUM') out.children = { data: await Promise.all(m.children.map((c) => child(c, m, field.fields, viewer))) };
          break;
        case 'comments': {
          const limit = Number.parseInt(field.modifiers.limit ?? '', 10);
          const list = world.commentsOn(m.id).slice(0, Number.isFinite(limit) && limit > 0 ? limit : 25);
          out.comments = expansionPage(list, await Promise.all(list.map((c) => comment(c, field.fields, viewer))));
          break;
        }
      }
    }
    return out;
  }

  async function child(c: FakeChild, parent: FakeMedia, fields: FieldNode[] | undefined, viewer: Viewer): Promise<Json> {
    const out: Json = {};
    for (const field of fields ?? ID_ONLY) {
      if (!CHILD_FIELDS.has(field.name) || (viewer === 'hashtag' && field.name === 'username')) throw graphErrors.nonexistingField(field.name, MEDIA_NODE);
      switch (field.name) {
        case 'id':
          out.id = c.id;
          break;
        case 'media_type':
          out.media_type = c.mediaType;
          break;
        case 'media_url': {
          const url = await mediaUrl(c.id, c.mediaType, false);
          if (url) out.media_url = url;
          break;
        }
        case 'thumbnail_url':
          if (c.mediaType === 'VIDEO') out.thumbnail_url = await cdn.url(c.id, 'thumbnail');
          break;
        case 'timestamp':
          out.timestamp = graphTimestamp(parent.timestamp);
          break;
        case 'username':
          out.username = parent.username;
          break;
        case 'shortcode':
          out.shortcode = parent.shortcode;
          break;
        // "Some fields, such as permalink, cannot be used on photos within albums": omitted.
      }
    }
    return out;
  }

  async function comment(c: FakeComment, fields: FieldNode[] | undefined, viewer: Viewer): Promise<Json> {
    const out: Json = {};
    for (const field of fields ?? [...ID_ONLY, { name: 'text', modifiers: {} }, { name: 'timestamp', modifiers: {} }]) {
      if (!COMMENT_FIELDS.has(field.name)) throw graphErrors.nonexistingField(field.name, COMMENT_NODE);
      switch (field.name) {
        case 'id':
          out.id = c.id;
          break;
        case 'text':
          out.text = c.text;
          break;
        case 'timestamp':
          out.timestamp = graphTimestamp(c.timestamp);
          break;
        case 'username':
          out.username = c.username;
          break;
        case 'like_count':
          out.like_count = c.likeCount;
          break;
        case 'hidden':
          out.hidden = false;
          break;
        case 'from':
          out.from = { id: c.userId, username: c.username };
          break;
        case 'parent_id':
          if (c.parentId) out.parent_id = c.parentId;
          break;
        case 'media': {
          const m = world.media(c.mediaId);
          if (m) out.media = await media(m, field.fields, viewer);
          break;
        }
        case 'replies':
          if (!c.parentId) {
            const replies = world.commentsOn(c.mediaId, c.id);
            out.replies = expansionPage(replies, await Promise.all(replies.map((r) => comment(r, field.fields, viewer))));
          }
          break;
      }
    }
    return out;
  }

  return { media, child, comment };
}

export type Renderer = ReturnType<typeof createRenderer>;

/** Field expansions page with cursors only, never `next`/`previous` links (§1.7). */
function expansionPage(items: FakeComment[], data: Json[]): Json {
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return { data };
  return { data, paging: { cursors: { before: btoa(first.id), after: btoa(last.id) } } };
}
