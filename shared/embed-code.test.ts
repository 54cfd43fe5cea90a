import { describe, expect, it } from 'vitest';
import { embedCode, reserveCss, shopifySection } from './embed-code.ts';

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

describe('shopifySection', () => {
  const gallery = { id: 'gal_1', layout: 'grid', pageSize: 12 } as const;
  const section = shopifySection('https://ugc.example', gallery);

  it('is the embed code with the Shopify cart, the storefront\'s language and, on a product page, that product', () => {
    const [script, element] = section.split('\n');
    expect(script).toBe(embedCode('https://ugc.example', gallery).split('\n')[0]);
    expect(element).toBe(
      '<vitrine-gallery gallery="gal_1" cart="shopify" lang="{{ request.locale.iso_code }}"{% if product and section.settings.this_product %} product="{{ product.id }}"{% endif %}><div slot="reserve"></div></vitrine-gallery>',
    );
    expect(section).toContain(`<style>\n${reserveCss(gallery)}\n</style>`);
  });

  it('declares a theme-editor schema Shopify can read: valid JSON, a preset so it can be added, the setting the element reads', () => {
    const schema = JSON.parse(/\{% schema %\}([\s\S]*)\{% endschema %\}$/.exec(section)![1]!) as { name: string; presets: unknown[]; settings: { id: string; type: string }[] };
    expect(schema.name.length).toBeLessThanOrEqual(25);
    expect(schema.presets).toHaveLength(1);
    expect(schema.settings.map((s) => `${s.type} ${s.id}`)).toEqual(['checkbox this_product']);
    expect(section).toContain('section.settings.this_product');
    // Liquid's tags are balanced, so the theme editor saves the file.
    expect(section.match(/\{% if /g)).toHaveLength(section.match(/\{% endif %\}/g)!.length);
  });
});
