/** The languages with a strings chunk of their own (fr.ts, de.ts, ...); English is in the gallery. Read by the build and the test server. */
export const CHUNKED_LOCALES = ['fr', 'de', 'es', 'it', 'nl'];
