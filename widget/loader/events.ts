import type { CommandHandler } from './command-queue.ts';

/** A page's listener: the event's detail first, then the event (to call `preventDefault()`). */
export type VitrineListener = (detail: unknown, event: Event) => void;

/**
 * The `on` command: `vitrine('on', 'add-to-cart', function (detail, event) {...})` listens to the
 * galleries' `vitrine:add-to-cart` events on `doc` (they bubble and cross shadow roots). Queued
 * before the loader arrives, it is registered before any gallery can fire. The listener may
 * call `event.preventDefault()` to handle the cart itself.
 */
export function onCommand(doc: Document): CommandHandler {
  return (name, listener) => {
    if (typeof name !== 'string' || typeof listener !== 'function') {
      throw new TypeError('usage: vitrine("on", "add-to-cart", function (detail, event) {...})');
    }
    doc.addEventListener(`vitrine:${name}`, (event) => (listener as VitrineListener)((event as CustomEvent).detail, event));
  };
}
