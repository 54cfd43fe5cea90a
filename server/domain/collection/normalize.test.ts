import { describe, expect, it } from 'vitest';
import { normalizeMedia, parseGraphTime } from './normalize.ts';

describe('normalizeMedia', () => {
  it('reads a single image from a hashtag edge (no username, hidden likes)', () => {
    expect(
      normalizeMedia({ id: '1', media_type: 'IMAGE', media_url: 'https://cdn/1.jpg', caption: 'Hi #yes', permalink: 'https://www.instagram.com/p/A/', timestamp: '2026-11-28T10:00:00+0000', comments_count: 2 }),
    ).toEqual({
      igMediaId: '1',
      mediaType: 'image',
      caption: 'Hi #yes',
      permalink: 'https://www.instagram.com/p/A/',
      authorUsername: null,
      publishedAt: Date.UTC(2026, 10, 28, 10),
      likeCount: null,
      commentsCount: 2,
      items: [{ igMediaId: '1', type: 'image', imageUrl: 'https://cdn/1.jpg', videoUrl: null }],
    });
  });

  it('reads a carousel from its children (the parent has no media_url)', () => {
    const collected = normalizeMedia({
      id: '2',
      media_type: 'CAROUSEL_ALBUM',
      timestamp: '2026-11-28T10:00:00+0000',
      username: 'clara',
      children: { data: [{ id: '21', media_type: 'IMAGE', media_url: 'https://cdn/21.jpg' }, { id: '22', media_type: 'VIDEO', media_url: 'https://cdn/22.mp4', thumbnail_url: 'https://cdn/22.jpg' }] },
    });
    expect(collected.mediaType).toBe('carousel');
    expect(collected.authorUsername).toBe('clara');
    expect(collected.items).toEqual([
      { igMediaId: '21', type: 'image', imageUrl: 'https://cdn/21.jpg', videoUrl: null },
      { igMediaId: '22', type: 'video', imageUrl: 'https://cdn/22.jpg', videoUrl: 'https://cdn/22.mp4' },
    ]);
  });

  it('keeps a video whose file the API withholds (licensed audio) with its thumbnail only', () => {
    expect(normalizeMedia({ id: '3', media_type: 'VIDEO', thumbnail_url: 'https://cdn/3.jpg', timestamp: '2026-11-28T10:00:00+0000' }).items).toEqual([
      { igMediaId: '3', type: 'video', imageUrl: 'https://cdn/3.jpg', videoUrl: null },
    ]);
  });

  it('parses Graph timestamps and refuses garbage', () => {
    expect(parseGraphTime('2017-08-31T18:10:00+0000')).toBe(Date.UTC(2017, 7, 31, 18, 10));
    expect(parseGraphTime('2017-08-31T20:10:00+0200')).toBe(Date.UTC(2017, 7, 31, 18, 10));
    expect(() => parseGraphTime('yesterday')).toThrow(/timestamp/);
  });
});
