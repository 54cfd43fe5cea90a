/**
 * Builds the absolute URL of a stored media file as the media route serves it. The base may carry
 * a path (Vitrine behind a proxy at https://shop.example/vitrine/): it is kept.
 */
export const mediaUrlBuilder = (base: string) => {
  const root = base.endsWith('/') ? base : `${base}/`;
  return (storageKey: string) => new URL(`media/${storageKey}`, root).href;
};
