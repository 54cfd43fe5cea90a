import localeChunks from 'virtual:vitrine/locale-chunks';
import { EN, type Strings } from './strings.ts';

/**
 * The language a gallery speaks: its own `lang` or its nearest ancestor's (the page's), else the
 * browser's; its primary subtag (`fr` for `fr-CA`).
 */
export function languageOf(element: Element): string {
  return (element.closest('[lang]')?.getAttribute('lang') || navigator.language || 'en').slice(0, 2).toLowerCase();
}

const loading = new Map<string, Promise<Strings>>();

/**
 * The strings of `language`, from its own chunk (vite.config.ts, chunkPaths), loaded once per
 * page; English, which the gallery carries, for English, a language the widget does not have,
 * or a chunk that cannot be loaded.
 */
export function stringsOf(language: string): Promise<Strings> {
  const path = (localeChunks as Record<string, string | undefined>)[language];
  if (!path) return Promise.resolve(EN);
  let strings = loading.get(language);
  if (!strings) {
    strings = (import(/* @vite-ignore */ new URL(path, import.meta.url).href) as Promise<{ default: Strings }>).then(
      (chunk) => chunk.default,
      () => EN,
    );
    loading.set(language, strings);
  }
  return strings;
}

/** The merchant's own words (the element's `strings` attribute, JSON) over a language's. */
export function withOverrides(strings: Strings, json: string | null): Strings {
  if (!json) return strings;
  try {
    const given = JSON.parse(json) as Record<string, unknown>;
    const own = Object.fromEntries(Object.entries(given).filter(([key, value]) => key in EN && typeof value === 'string'));
    return { ...strings, ...own };
  } catch {
    console.warn('[vitrine] the strings attribute is not JSON; it is ignored');
    return strings;
  }
}
