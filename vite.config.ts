import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { precompressDir } from './scripts/precompress.ts';
import { CHUNKED_LOCALES } from './widget/i18n/locales.ts';
import { PANEL_SECURITY_HEADERS } from './server/http/panel-headers.ts';

/**
 * One config, two builds, run in this order by `vite build`:
 *  - `widget`: `widget/loader.ts` → `dist/public/embed.js` (stable URL, short cache) and the
 *    gallery chunk → `dist/public/widget/[name]-[hash].js` (immutable cache).
 *  - `client`: the panel, `panel/index.html` → `dist/public/panel/`, served under `/panel/`
 *    (Preact; JSX through the tsconfig's `jsxImportSource`, no plugin).
 * Then every text file gets `.br` and `.gz` copies beside it (scripts/precompress.ts).
 */
const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const LOADER_FILE = 'embed.js';

/**
 * Chunks loaded on demand by their hashed path, read from `virtual:vitrine/<name>-chunk` (the
 * path relative to the importing file):
 *  - the gallery, by the loader. It can't use a plain relative `import()`: in a classic script
 *    from another origin, the browser resolves it against about:blank, so the loader resolves
 *    the path against its own script URL and imports that;
 *  - the purchase's checks, by the loader the same way, on the order page only (the loader's
 *    gzip budget has no room for them on every page);
 *  - the lightbox and each language's strings (`virtual:vitrine/locale-chunks`, a map), by the
 *    gallery. A plain `import()` there would be wrapped in Vite's preload helper (about 400 gzip
 *    bytes of the first paint) even with nothing to preload.
 * The gallery chunk's own static imports (Lit and the English strings, shared with the lightbox)
 * are `virtual:vitrine/gallery-imports`, written into embed.js once the bundle is known, so the
 * loader fetches them alongside the chunk instead of one round trip after it.
 */
function chunkPaths(): Plugin {
  const chunks = { gallery: './widget/gallery/gallery.ts', lightbox: './widget/lightbox/lightbox.ts', purchase: './widget/tracking/purchase.ts' };
  const locales = Object.fromEntries(CHUNKED_LOCALES.map((language) => [language, `./widget/i18n/${language}.ts`]));
  const references = new Map<string, string>();
  const fileUrl = (name: string) => `import.meta.ROLLDOWN_FILE_URL_${references.get(name)}`;
  const virtual = new Map<string, () => string>([
    ...Object.keys(chunks).map((name): [string, () => string] => [`virtual:vitrine/${name}-chunk`, () => `export default ${fileUrl(name)};`]),
    ['virtual:vitrine/locale-chunks', () => `export default {${Object.keys(locales).map((language) => `${language}: ${fileUrl(language)}`).join(', ')}};`],
    ['virtual:vitrine/gallery-imports', () => `export default [${JSON.stringify(GALLERY_IMPORTS)}];`],
  ]);
  return {
    name: 'vitrine:chunk-paths',
    apply: 'build',
    // Ahead of Vite's own resolveFileUrl, which would prefix the path with the panel's base.
    enforce: 'pre',
    applyToEnvironment: (environment) => environment.name === 'widget',
    buildStart() {
      for (const [name, id] of Object.entries({ ...chunks, ...locales })) {
        // An app build drops entry exports by default; importers call them (`defineGallery`, `Lightbox`, a language's strings).
        references.set(name, this.emitFile({ type: 'chunk', id: fromRoot(id), name, preserveSignature: 'strict' }));
      }
    },
    resolveId: (source) => (virtual.has(source) ? `\0${source}` : null),
    load: (id) => (id.startsWith('\0') ? (virtual.get(id.slice(1))?.() ?? null) : null),
    resolveFileUrl: (file) => ([...references.values()].includes(file.referenceId) ? JSON.stringify(file.relativePath) : null),
    generateBundle(_options, bundle) {
      const loader = bundle[LOADER_FILE];
      const gallery = Object.values(bundle).find((chunk) => chunk.type === 'chunk' && chunk.facadeModuleId === fromRoot(chunks.gallery));
      if (loader?.type !== 'chunk' || gallery?.type !== 'chunk') return this.error('the loader and the gallery chunk must both be built');
      // The placeholder is a string in an array (quoted one way or another by the minifier):
      // it becomes the paths, relative to embed.js at the top of the output as the chunks' are.
      const placeholder = new RegExp(`(["'\`])${GALLERY_IMPORTS}\\1`, 'g');
      const found = loader.code.match(placeholder)?.length ?? 0;
      if (found !== 1) return this.error(`expected the gallery imports' placeholder once in ${LOADER_FILE}, found it ${found} times`);
      loader.code = loader.code.replace(placeholder, gallery.imports.map((file) => JSON.stringify(file)).join(','));
    },
  };
}

/** Stands for the gallery chunk's static imports in embed.js until the bundle is known (chunkPaths). */
const GALLERY_IMPORTS = 'vitrine:gallery-imports';

/**
 * Fails the build when embed.js stops being a plain classic script: a module shared with the
 * gallery chunk (which the bundler would import statically), an export, a bundler-resolved
 * dynamic import, or `import.meta` (Vite's preload helper brings one) all break it on pages.
 */
function classicLoaderGuard(): Plugin {
  return {
    name: 'vitrine:classic-loader-guard',
    apply: 'build',
    applyToEnvironment: (environment) => environment.name === 'widget',
    generateBundle(_options, bundle) {
      const loader = bundle[LOADER_FILE];
      if (loader?.type !== 'chunk') return this.error(`${LOADER_FILE} was not built`);
      const problems = [
        loader.imports.length > 0 && `imports ${loader.imports.join(', ')}`,
        loader.exports.length > 0 && `exports ${loader.exports.join(', ')}`,
        loader.dynamicImports.length > 0 && `imports ${loader.dynamicImports.join(', ')} by relative URL`,
        loader.code.includes('import.meta') && 'uses import.meta',
      ].filter(Boolean);
      if (problems.length > 0) this.error(`${LOADER_FILE} must be a classic script, but it ${problems.join('; ')}`);
    },
  };
}

/**
 * The widget promises the merchant's page no global but `vitrine`. Lit's production build adds
 * four: the version lists it uses to warn about two copies of Lit on a page
 * (`litHtmlVersions`, `reactiveElementVersions`, `litElementVersions`) and the decorator
 * metadata map (`litPropertyMetadata`, which the widget, without decorators, never fills). This
 * drops the lists and makes the map local to Lit's module. Each rewrite must apply exactly once,
 * or the build fails, so a Lit upgrade that changes the code cannot leak them again unseen
 * (e2e/shopper-buys-from-gallery.e2e.ts checks the page's globals too).
 */
function litWithoutPageGlobals(): Plugin {
  const version = String.raw`\(\w+\.(litHtmlVersions|reactiveElementVersions|litElementVersions)\?\?=\[\]\)\.push\("[\w.-]+"\)`;
  const rewrites: { file: RegExp; find: RegExp; replace: string; prepend?: string }[] = [
    { file: /\/lit-html\/lit-html\.js$/, find: new RegExp(version, 'g'), replace: '0' },
    { file: /\/lit-element\/lit-element\.js$/, find: new RegExp(version, 'g'), replace: '0' },
    { file: /\/@lit\/reactive-element\/reactive-element\.js$/, find: new RegExp(version, 'g'), replace: '0' },
    {
      file: /\/@lit\/reactive-element\/reactive-element\.js$/,
      find: /\w+\.litPropertyMetadata\?\?=new WeakMap/g,
      replace: '0',
      prepend: 'const litPropertyMetadata=new WeakMap;',
    },
  ];
  return {
    name: 'vitrine:lit-without-page-globals',
    apply: 'build',
    applyToEnvironment: (environment) => environment.name === 'widget',
    transform(code, id) {
      let result = code;
      for (const rewrite of rewrites.filter((r) => r.file.test(id))) {
        const found = result.match(rewrite.find)?.length ?? 0;
        if (found !== 1) this.error(`expected one match of ${rewrite.find} in ${id}, found ${found}: update litWithoutPageGlobals`);
        result = (rewrite.prepend ?? '') + result.replace(rewrite.find, rewrite.replace);
      }
      return result === code ? null : { code: result, map: null };
    },
  };
}

/**
 * The widget's styles are Lit `css` templates, which ship as written: their comments (kept for
 * readers of the source) and indentation would cost shoppers first-paint bytes. This drops the
 * comments and runs of whitespace inside each `css` template of the widget's `.styles.ts` files. Values
 * never contain comment markers or meaningful runs of whitespace.
 */
function compactWidgetStyles(): Plugin {
  return {
    name: 'vitrine:compact-widget-styles',
    apply: 'build',
    applyToEnvironment: (environment) => environment.name === 'widget',
    transform(code, id) {
      if (!/\/widget\/.+\.styles\.ts$/.test(id)) return null;
      const compacted = code.replace(/\bcss`([^`]*)`/g, (_template, body: string) => `css\`${body.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').trim()}\``);
      return compacted === code ? null : { code: compacted, map: null };
    },
  };
}

/**
 * Headers for Cloudflare Workers' static assets (`_headers`), mirroring what Node's static layer
 * sends: the loader keeps a short cache, and the hashed chunks are immutable and readable from
 * any origin, since browsers fetch module scripts with CORS; the panel gets its security headers.
 */
function workersAssetHeaders(): Plugin {
  const rules = [
    '/embed.js',
    '  Cache-Control: public, max-age=300',
    '/widget/*',
    '  Access-Control-Allow-Origin: *',
    '  Cache-Control: public, max-age=31536000, immutable',
    '/panel/*',
    ...Object.entries(PANEL_SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`),
  ];
  return {
    name: 'vitrine:workers-asset-headers',
    apply: 'build',
    applyToEnvironment: (environment) => environment.name === 'widget',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: `${rules.join('\n')}\n` });
    },
  };
}

export default defineConfig({
  // The root is the panel so that its index.html lands at the top of its outDir. `base` only
  // concerns the panel: the loader finds the gallery chunk from its own URL.
  root: fromRoot('./panel'),
  base: '/panel/',
  publicDir: false,
  plugins: [chunkPaths(), classicLoaderGuard(), litWithoutPageGlobals(), compactWidgetStyles(), workersAssetHeaders()],
  build: { target: 'es2021' },
  environments: {
    widget: {
      consumer: 'client',
      build: {
        outDir: fromRoot('./dist/public'),
        // The widget builds first and owns dist/public, so it clears it; the panel then adds its folder.
        emptyOutDir: true,
        manifest: 'widget/manifest.json',
        // The lightbox chunk is imported by the gallery chunk (a module, so relative to its own
        // URL): no preload helper, which would resolve paths against the panel's base and add
        // <link> elements to the merchant's page.
        modulePreload: false,
        rolldownOptions: {
          input: { embed: fromRoot('./widget/loader.ts') },
          output: {
            format: 'es',
            // embed.js is a classic script: keep its names out of the page's global scope.
            intro: (chunk) => (chunk.name === 'embed' ? '(()=>{' : ''),
            outro: (chunk) => (chunk.name === 'embed' ? '})();' : ''),
            // The gallery and lightbox chunks are emitted as entries too (chunkPaths), but get hashed names.
            entryFileNames: (chunk) => (chunk.name === 'embed' ? LOADER_FILE : 'widget/[name]-[hash].js'),
            chunkFileNames: 'widget/[name]-[hash].js',
          },
        },
      },
    },
    client: {
      build: {
        outDir: fromRoot('./dist/public/panel'),
        emptyOutDir: true,
        // bench/panel-size.ts reads it to find the panel's initial JS.
        manifest: 'manifest.json',
      },
    },
  },
  builder: {
    async buildApp(builder) {
      const { widget, client } = builder.environments;
      if (!widget || !client) throw new Error('vite.config.ts: the widget and client environments must exist');
      await builder.build(widget);
      await builder.build(client);
      // Brotli and gzip copies of every text file, served by Node's static layer (node-static.ts).
      precompressDir(fromRoot('./dist/public'));
    },
  },
});
