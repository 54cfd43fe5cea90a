/**
 * embed.js: the one script a merchant adds to a page.
 *
 *   <script async src="https://HOST/embed.js"></script>
 *   <vitrine-gallery gallery="ID"></vitrine-gallery>
 *
 * It stays small (budget: 2.5 KB gzip) and does only what every page needs: it replaces the
 * optional `window.vitrine` queue stub with the command dispatcher, and it imports the gallery
 * chunk once a <vitrine-gallery> appears. The chunk and the API come from the origin the script
 * came from, so one deployment always serves matching versions.
 *
 * The build wraps this file in a function (see vite.config.ts): it is a classic script, and its
 * names must not leak into, or collide with, the page's globals.
 */
import galleryChunk from 'virtual:vitrine/gallery-chunk';
import galleryImports from 'virtual:vitrine/gallery-imports';
import { installCommandQueue, type CommandHandler } from './loader/command-queue.ts';
import { onCommand } from './loader/events.ts';
import { scriptUrl } from './loader/script-url.ts';
import { trackingCommands } from './loader/tracking-commands.ts';
import { whenElementPresent } from './loader/when-element-present.ts';
import { whenWanted } from './loader/when-wanted.ts';
import { createTracker } from './tracking/tracker.ts';

type GalleryModule = typeof import('./gallery/gallery.ts');

// Read first: document.currentScript is only set while this script runs synchronously.
const element = document.currentScript;
const script = scriptUrl(element);

if (!script) {
  console.warn('[vitrine] embed.js must be loaded by a classic <script src=".../embed.js">');
} else {
  // Here rather than in the gallery chunk: an order confirmation page has no gallery.
  // `data-workspace` names the workspace on such pages; `data-datalayer` mirrors to dataLayer.
  const tracker = createTracker({
    endpoint: new URL('/v1/events', script).href,
    workspaceId: element?.getAttribute('data-workspace') || null,
    mirror: element?.hasAttribute('data-datalayer') ?? false,
    // `data-consent="granted"` when the store has another legal basis or its own banner decided.
    consent: element?.getAttribute('data-consent') as 'granted' | 'denied' | null | undefined,
  });
  /**
   * Commands the page can call with `vitrine(name, ...args)`:
   * - `vitrine('on', 'add-to-cart', (detail, event) => …)`: listen to the galleries' events;
   * - `consent`, `forget`, `track` and `visitorId`: see loader/tracking-commands.ts.
   */
  const commands = new Map<string, CommandHandler>([['on', onCommand(document)], ...trackingCommands(tracker, script)]);
  if (installCommandQueue(window, commands)) {
    whenElementPresent(document, 'vitrine-gallery', () =>
      whenWanted(document.querySelector('vitrine-gallery')!, () => {
        // The chunk and the chunks it imports all at once (the browser would otherwise discover
        // those only once the chunk has arrived). By absolute URL: in a classic script from
        // another origin (the usual case, without a crossorigin attribute), the browser
        // resolves a relative import() against about:blank.
        Promise.all([galleryChunk, ...galleryImports].map((path) => import(new URL(path, script).href) as Promise<GalleryModule>))
          .then(([gallery]) => gallery!.defineGallery(script.origin, tracker))
          .catch((error: unknown) => console.error('[vitrine] the gallery could not be loaded', error));
      }),
    );
  }
}
