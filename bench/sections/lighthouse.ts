import { benchLighthouse } from '../lighthouse.ts';
import type { Section } from '../section.ts';

/** Lighthouse on the demo store's home, with and without the gallery, in pairs. */
export const lighthouse: Section = async () => {
  const { results, notes } = await benchLighthouse({ rounds: 3 });
  return {
    results,
    targets: {
      lighthouse_home_with_gallery_score: '≥ 95, within 3 of the page without',
      lighthouse_home_with_gallery_cls: '0',
      lighthouse_home_with_gallery_tbt_ms: '< 50 more than without',
    },
    notes,
  };
};
