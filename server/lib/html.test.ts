import { describe, expect, it } from 'vitest';
import { escapeHtml } from './html.ts';

describe('escapeHtml', () => {
  it('turns every character that could open markup or close an attribute into an entity', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'quoted'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;');
  });

  it('leaves other text, emoji included, as it is', () => {
    const text = 'Déjà vu 🌿👩🏽‍🍳 — ok';
    expect(escapeHtml(text)).toBe(text);
  });

  it('escapes an already escaped entity again, so it reads as written', () => {
    expect(escapeHtml('&lt;b&gt;')).toBe('&amp;lt;b&amp;gt;');
  });
});
