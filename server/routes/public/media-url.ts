/** Builds the absolute URL of a stored media file as the media route serves it. */
export const mediaUrlBuilder = (base: string) => (storageKey: string) => new URL(`/media/${storageKey}`, base).href;
