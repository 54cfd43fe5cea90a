import { benchLighthouse } from '../lighthouse.ts';
import type { Section } from '../section.ts';
import { is, target, vs } from '../targets.ts';

/**
 * Lighthouse on two demo pages, with and without the gallery, in pairs: the home page, whose
 * gallery is below the fold on a phone, and the looks page, whose gallery is the LCP element.
 */
export const lighthouse: Section = async () => {
  const { results, notes } = await benchLighthouse({ rounds: 3 });
  return {
    results,
    targets: {
      lighthouse_home_with_gallery_score: target([is('>=', 95), vs('>=', 'lighthouse_home_without_gallery_score', { plus: -3 })]),
      lighthouse_home_with_gallery_lcp_ms: target(
        vs('<=', 'lighthouse_home_without_gallery_lcp_ms', { plus: 150 }),
        'issue 19: the gallery adds at most 150 ms of LCP where it is below the fold (on the home page on a phone, under the collection)',
      ),
      lighthouse_home_with_gallery_cls: target(is('=', 0)),
      lighthouse_home_with_gallery_tbt_ms: target(vs('<', 'lighthouse_home_without_gallery_tbt_ms', { plus: 50 })),
      lighthouse_looks_with_gallery_score: target([is('>=', 95), vs('>=', 'lighthouse_looks_without_gallery_score', { plus: -3 })]),
      lighthouse_looks_with_gallery_lcp_ms: target(
        vs('<=', 'lighthouse_looks_without_gallery_lcp_ms', { plus: 300 }),
        'issue 19: the gallery adds at most 300 ms of LCP where it is the LCP element (its first photos, on the looks page on a phone)',
      ),
      lighthouse_looks_with_gallery_cls: target(is('=', 0)),
      lighthouse_looks_with_gallery_tbt_ms: target(vs('<', 'lighthouse_looks_without_gallery_tbt_ms', { plus: 50 })),
    },
    notes,
  };
};
