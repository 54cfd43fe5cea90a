/**
 * The fake's state: posts, comments and the people behind them. Pure data and the rules of the
 * world (what a caption mentions, where a reply attaches); no HTTP here.
 */
import { hashtagIdFor, type IdFactory, type Random } from './random.ts';
import type {
  ChildMediaType,
  Clock,
  FakeChild,
  FakeComment,
  FakeCommentInput,
  FakeMedia,
  FakePublishInput,
  MediaType,
} from './types.ts';

interface MediaRecord extends FakeMedia {
  deleted: boolean;
  baseComments: number;
}

/** Instagram hashtags: letters, digits and underscores; emojis are not supported (§1.2). */
const HASHTAG_PATTERN = /#([\p{L}\p{N}_]+)/gu;

export function createWorld(deps: { clock: Clock; ids: IdFactory; random: Random; brand: { igUserId: string; username: string } }) {
  const { clock, ids, random, brand } = deps;
  const media = new Map<string, MediaRecord>();
  /** Children are media too (they have ids and CDN files) but are only reached through a parent. */
  const childParent = new Map<string, string>();
  const comments = new Map<string, FakeComment>();
  const hashtagNames = new Map<string, string>();
  const userIds = new Map<string, string>([[brand.username, brand.igUserId]]);

  const userIdOf = (username: string): string => {
    let id = userIds.get(username);
    if (!id) userIds.set(username, (id = ids.scopedUser()));
    return id;
  };

  const mentionPattern = () => new RegExp(`@${brand.username.replace(/\./g, '\\.')}(?![\\w.])`, 'i');

  function registerHashtag(name: string): string {
    const lower = name.toLowerCase();
    const id = hashtagIdFor(lower);
    hashtagNames.set(id, lower);
    return id;
  }

  function childrenFor(input: FakePublishInput): FakeChild[] {
    const spec = input.children ?? 3;
    const types: ChildMediaType[] = typeof spec === 'number' ? Array.from({ length: spec }, (): ChildMediaType => 'IMAGE') : spec;
    if (types.length < 2 || types.length > 10) throw new Error('a carousel has 2 to 10 children');
    return types.map((mediaType) => ({ id: ids.media(), mediaType }));
  }

  function composeCaption(input: FakePublishInput): string {
    let caption = input.caption ?? '';
    for (const tag of input.hashtags ?? []) {
      if (!new RegExp(`#${tag}(?![\\p{L}\\p{N}_])`, 'iu').test(caption)) caption = `${caption} #${tag}`.trim();
    }
    if (input.mentionsBrand && !mentionPattern().test(caption)) caption = `${caption} @${brand.username}`.trim();
    return caption;
  }

  return {
    publish(input: FakePublishInput = {}): FakeMedia {
      const own = input.own ?? false;
      const mediaType: MediaType = input.mediaType ?? 'IMAGE';
      const username = own ? brand.username : (input.author ?? 'clara.home');
      const caption = composeCaption(input);
      const hashtags = [...new Set([...caption.matchAll(HASHTAG_PATTERN)].map((m) => (m[1] ?? '').toLowerCase()))];
      hashtags.forEach(registerHashtag);
      const record: MediaRecord = {
        id: ids.media(),
        shortcode: ids.shortcode(),
        ownerId: userIdOf(username),
        username,
        caption,
        mediaType,
        aspect: input.aspect ?? 'square',
        timestamp: input.timestamp ?? clock.now(),
        children: mediaType === 'CAROUSEL_ALBUM' ? childrenFor(input) : [],
        hashtags,
        mentionsBrand: !own && mentionPattern().test(caption),
        tagsBrand: !own && (input.tagsBrand ?? false),
        own,
        likeCount: input.likeCount ?? Math.floor(random() * 400),
        hideLikes: input.hideLikes ?? false,
        copyrightedAudio: mediaType === 'VIDEO' && (input.copyrightedAudio ?? false),
        privateAccount: input.privateAccount ?? false,
        deleted: false,
        baseComments: input.commentsCount ?? Math.floor(random() * 30),
      };
      media.set(record.id, record);
      for (const child of record.children) childParent.set(child.id, record.id);
      return record;
    },

    /** Any media, deleted or not; callers decide what a deleted one answers. */
    media: (id: string): FakeMedia | undefined => media.get(id),
    /** A carousel child and its parent. */
    child(id: string): { child: FakeChild; parent: FakeMedia } | undefined {
      const parent = media.get(childParent.get(id) ?? '');
      const child = parent?.children.find((c) => c.id === id);
      return parent && child ? { child, parent } : undefined;
    },
    allMedia: (): FakeMedia[] => [...media.values()].filter((m) => !m.deleted),

    deleteMedia(id: string): void {
      const record = media.get(id);
      if (!record) throw new Error(`no media ${id}`);
      record.deleted = true;
    },

    commentsCount(mediaId: string): number {
      const record = media.get(mediaId);
      const recorded = [...comments.values()].filter((c) => c.mediaId === mediaId).length;
      return (record?.baseComments ?? 0) + recorded;
    },

    comment(input: FakeCommentInput): FakeComment {
      const record = media.get(input.mediaId);
      if (!record || record.deleted) throw new Error(`no media ${input.mediaId}`);
      let parentId = input.parentId;
      if (parentId !== undefined) {
        const parent = comments.get(parentId);
        if (!parent || parent.mediaId !== input.mediaId) throw new Error(`no comment ${parentId} on media ${input.mediaId}`);
        // "Replies to a reply will be added to the top-level comment" (§1.5).
        parentId = parent.parentId ?? parent.id;
      }
      const created: FakeComment = {
        id: ids.comment(),
        mediaId: input.mediaId,
        parentId,
        text: input.text,
        username: input.fromUsername,
        userId: userIdOf(input.fromUsername),
        timestamp: input.timestamp ?? clock.now(),
        likeCount: 0,
      };
      comments.set(created.id, created);
      return created;
    },
    getComment: (id: string): FakeComment | undefined => comments.get(id),
    /** Top-level comments (or a comment's replies), newest first. */
    commentsOn(mediaId: string, parentId?: string): FakeComment[] {
      return [...comments.values()].filter((c) => c.mediaId === mediaId && c.parentId === parentId).sort((a, b) => b.timestamp - a.timestamp || (a.id < b.id ? 1 : -1));
    },
    commentMentionsBrand: (c: FakeComment): boolean => mentionPattern().test(c.text),

    registerHashtag,
    hashtagName: (id: string): string | undefined => hashtagNames.get(id),
  };
}

export type World = ReturnType<typeof createWorld>;
