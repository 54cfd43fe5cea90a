import { describe, expect, it } from 'vitest';
import { GraphError } from './errors.ts';
import { parseFields } from './fields.ts';

describe('parseFields', () => {
  it('reads plain lists, expansions and modifiers', () => {
    expect(parseFields(undefined)).toBeUndefined();
    expect(parseFields('id, caption')).toEqual([
      { name: 'id', modifiers: {} },
      { name: 'caption', modifiers: {} },
    ]);
    expect(parseFields('mentioned_media.media_id(179){caption,children{id,media_url}},comments.limit(5){text}')).toEqual([
      {
        name: 'mentioned_media',
        modifiers: { media_id: '179' },
        fields: [
          { name: 'caption', modifiers: {} },
          { name: 'children', modifiers: {}, fields: [{ name: 'id', modifiers: {} }, { name: 'media_url', modifiers: {} }] },
        ],
      },
      { name: 'comments', modifiers: { limit: '5' }, fields: [{ name: 'text', modifiers: {} }] },
    ]);
  });

  it('throws the Graph syntax error on malformed input', () => {
    for (const bad of ['id,', 'id}', 'children{id', 'a.b(1']) {
      expect(() => parseFields(bad)).toThrow(GraphError);
    }
  });
});
