import { runScript } from '../run-script.ts';
import type { Section } from '../section.ts';
import { is, target } from '../targets.ts';

const PRODUCTS = 50_000;
const PROCESSES = 3;

/**
 * Importing a 50,000-product Merchant XML feed, then the same feed again, each pair in a fresh
 * process (peak memory is the import's own); the median pair by speed-up is reported, and the
 * highest peak.
 */
export const catalog: Section = async () => {
  const runs = Array.from({ length: PROCESSES }, () => runScript('./catalog.ts', [String(PRODUCTS)]) as { firstSeconds: number; firstProductsPerSecond: number; reimportSeconds: number; reimportSpeedup: number; peakRssMb: number });
  const median = [...runs].sort((a, b) => a.reimportSpeedup - b.reimportSpeedup)[Math.floor(PROCESSES / 2)]!;
  return {
    results: {
      catalog_50k_import_seconds: median.firstSeconds,
      catalog_50k_products_per_second: median.firstProductsPerSecond,
      catalog_50k_reimport_seconds: median.reimportSeconds,
      catalog_50k_reimport_speedup: median.reimportSpeedup,
      catalog_50k_peak_rss_mb: Math.max(...runs.map((r) => r.peakRssMb)),
    },
    targets: {
      catalog_50k_import_seconds: target(is('<', 30)),
      catalog_50k_reimport_speedup: target(is('>=', 2)),
      catalog_50k_peak_rss_mb: target(is('<', 200)),
    },
    notes: [
      `Catalog: a ${PRODUCTS.toLocaleString('en')}-product Merchant Center XML feed (groups of variants, sale prices, CDATA, entities) read from disk as a stream through the real readers, previewed and applied on a libSQL file, then the unchanged feed again; ${PROCESSES} fresh processes with MALLOC_ARENA_MAX=2 as npm start runs, median pair by speed-up, highest peak RSS (the process's, Node and modules included).`,
    ],
  };
};
