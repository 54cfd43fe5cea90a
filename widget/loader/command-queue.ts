/** Runs one command, e.g. `vitrine('track', 'purchase', {...})` → handler('purchase', {...}). */
export type CommandHandler = (...args: unknown[]) => void;

/**
 * What `window.vitrine` holds: first the page's queue stub
 * (`window.vitrine = window.vitrine || function(){(vitrine.q=vitrine.q||[]).push(arguments)}`),
 * then the loader's dispatcher, marked `loaded` so a second copy of the script stands down.
 */
export interface VitrineGlobal {
  (...args: unknown[]): void;
  /** The stub's queued calls: `arguments` objects, which are iterable. */
  q?: Iterable<unknown>[];
  loaded?: true;
}

declare global {
  interface Window {
    vitrine?: VitrineGlobal;
  }
}

/**
 * Replaces the queue stub with a dispatcher and replays the queued calls through it, in order.
 * Returns false, changing nothing, when a copy of the loader already did so.
 */
export function installCommandQueue(win: Window, handlers: ReadonlyMap<string, CommandHandler>): boolean {
  const existing = win.vitrine;
  if (existing?.loaded) return false;
  const dispatch = createDispatcher(handlers) as VitrineGlobal;
  dispatch.loaded = true;
  win.vitrine = dispatch;
  // Calls made while these replay reach the dispatcher, not the queue: it is read as it is.
  for (const args of existing?.q ?? []) dispatch(...args);
  return true;
}

/**
 * A command the page gets wrong (a typo, or one that a newer Vitrine knows) must never break
 * the page's own script: it warns once per name and is otherwise ignored. A handler that throws
 * is reported the same way, so one bad call does not stop the rest of the queue.
 */
function createDispatcher(handlers: ReadonlyMap<string, CommandHandler>): (...args: unknown[]) => void {
  const warned = new Set<unknown>();
  return (name, ...args) => {
    const handler = typeof name === 'string' ? handlers.get(name) : undefined;
    if (handler) {
      try {
        handler(...args);
      } catch (error) {
        console.error(`[vitrine] command "${String(name)}" failed`, error);
      }
    } else if (!warned.has(name)) {
      warned.add(name);
      console.warn(`[vitrine] unknown command "${String(name)}" ignored`);
    }
  };
}
