/**
 * Which products a post probably shows, from its caption and hashtags: a word-overlap score
 * against each product's title, brand and SKU, weighted by how rare each word is in the catalog
 * (so "lamp" counts more than "the"); words most products share, like the brand, do not count.
 * Pure, and fast enough for a few thousand products per call.
 */
export interface SuggestibleProduct {
  title: string;
  brand: string | null;
  sku: string;
}

const words = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    // Hashtags count as words: #arclamp → arclamp, and camel-cased #ArcLamp is lower-cased too.
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 3);

export function rankProducts<P extends SuggestibleProduct>(caption: string, catalog: P[], limit: number): { product: P; score: number }[] {
  const captionWords = new Set(words(caption));
  const compact = caption.toLowerCase().replace(/[^a-z0-9]/g, '');
  const productWords = catalog.map((p) => new Set([...words(p.title), ...words(p.brand ?? ''), ...words(p.sku)]));
  const frequency = new Map<string, number>();
  for (const set of productWords) for (const w of set) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  return catalog
    .map((product, i) => {
      let score = 0;
      // Inside run-together hashtags (#morningmug) only longer words count: "lum" is in "lumen".
      for (const w of productWords[i]!) {
        // A word most of the catalog shares (the brand, "lumen" in every SKU) tells products apart not at all.
        if (catalog.length >= 4 && frequency.get(w)! > catalog.length / 2) continue;
        if (captionWords.has(w) || (w.length >= 4 && compact.includes(w))) score += Math.log(1 + catalog.length / frequency.get(w)!);
      }
      // A SKU written out in full is as sure as it gets.
      if (compact.includes(product.sku.toLowerCase().replace(/[^a-z0-9]/g, ''))) score += 10;
      return { product, score: Number(score.toFixed(3)) };
    })
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}
