import { describe, expect, it } from 'vitest';
import { embedCode, reserveCss } from './embed-code.ts';

describe('embedCode', () => {
  it('pastes the loader, the element with its reserve block, and the CSS that sizes it', () => {
    const code = embedCode('https://ugc.example', { id: 'gal_1', layout: 'grid', pageSize: 12 });
    const [script, element, ...style] = code.split('\n');
    expect(script).toBe('<script async src="https://ugc.example/embed.js"></script>');
    expect(element).toBe('<vitrine-gallery gallery="gal_1"><div slot="reserve"></div></vitrine-gallery>');
    expect(style.join('\n')).toBe(`<style>\n${reserveCss({ id: 'gal_1', layout: 'grid', pageSize: 12 })}\n</style>`);
  });

  it('reserves a page of rows and the "Load more" button for a grid, one row for a carousel', () => {
    const grid = reserveCss({ id: 'g', layout: 'grid', pageSize: 12 });
    expect(grid).toContain('round(up, calc(12 / var(--vitrine-columns,var(--_c))), 1)');
    expect(grid).toContain('2.65em + 2px');
    const carousel = reserveCss({ id: 'c', layout: 'carousel', pageSize: 12 });
    expect(carousel).not.toContain('round(');
    expect(carousel).not.toContain('2.65em');
    expect(carousel).toContain('(var(--vitrine-columns,var(--_c)) + .25)');
  });

  it('scopes every rule to its gallery, with the same column steps as the widget', () => {
    const css = reserveCss({ id: 'gal_9', layout: 'masonry', pageSize: 6 });
    for (const rule of css.split('\n')) expect(rule).toContain('vitrine-gallery[gallery="gal_9"]');
    expect(css).toMatch(/@container \(min-width:480px\)\{[^}]+\{--_c:3\}\}/);
    expect(css).toMatch(/@container \(min-width:768px\)\{[^}]+\{--_c:4\}\}/);
  });
});
