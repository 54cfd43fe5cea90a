/**
 * The gallery chunk's path relative to embed.js, e.g. `widget/gallery-1a2b3c4d.js`, written in
 * by the build (vite.config.ts, `galleryChunkPath`).
 */
declare module 'virtual:vitrine/gallery-chunk' {
  const path: string;
  export default path;
}

/**
 * The chunks the gallery chunk imports statically, relative to embed.js
 * (`['widget/strings-1a2b3c4d.js']`), written in by the build once the bundle is known.
 */
declare module 'virtual:vitrine/gallery-imports' {
  const paths: string[];
  export default paths;
}

/** The purchase chunk's path relative to embed.js, e.g. `widget/purchase-1a2b3c4d.js`. */
declare module 'virtual:vitrine/purchase-chunk' {
  const path: string;
  export default path;
}

/** The lightbox chunk's path relative to the gallery chunk, e.g. `lightbox-1a2b3c4d.js`. */
declare module 'virtual:vitrine/lightbox-chunk' {
  const path: string;
  export default path;
}

/** Each language's strings chunk, by primary subtag, relative to the gallery chunk (`fr-1a2b3c4d.js`). */
declare module 'virtual:vitrine/locale-chunks' {
  const paths: Record<string, string>;
  export default paths;
}
