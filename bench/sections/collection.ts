import { runScript } from '../run-script.ts';
import type { Section } from '../section.ts';
import { is, target } from '../targets.ts';

/** Collection and re-hosting at 1k and 10k posts, each size in its own process. */
export const collection: Section = async () => {
  const collect1k = runScript('./collection.ts', ['1000']);
  const collect10k = runScript('./collection.ts', ['10000']);
  return {
    results: {
      collect_1k_posts_per_second: collect1k.postsPerSecond as number,
      collect_10k_posts_per_second: collect10k.postsPerSecond as number,
      collect_10k_to_1k_time_ratio: Number(((collect10k.seconds as number) / (collect1k.seconds as number)).toFixed(2)),
      collect_1k_peak_rss_mb: collect1k.peakRssMb as number,
      collect_10k_peak_rss_mb: collect10k.peakRssMb as number,
    },
    targets: {
      collect_1k_posts_per_second: target(is('>=', 20)),
      collect_10k_posts_per_second: target(is('>=', 20)),
      collect_10k_to_1k_time_ratio: target(is('<=', 10), 'linear: ten times the posts in at most ten times the time'),
      collect_1k_peak_rss_mb: target(is('<', 300)),
      collect_10k_peak_rss_mb: target(is('<', 300)),
    },
    notes: ['Collection: a tagged source on the in-process fake Instagram, every post re-hosted into three WebP renditions with sharp, libSQL on a file; the fake runs in the same process (its memory counts in the peak). A time ratio of 10 is linear.'],
  };
};
