/**
 * The panel's language: which catalogue its words come from (`t`, `tn`) and how it writes dates
 * and numbers (Intl, with the same locale). Each language, English too, is a chunk of its own,
 * fetched when chosen: the panel's first script carries the keys only, so it stays small however
 * many languages there are, and nobody downloads words they do not read. main.tsx asks for the
 * browser's language at once, while the app asks who is signed in (so the two requests overlap),
 * and a signed-in user's own choice is loaded before their first page.
 * The choice: the user's setting (`user.locale`), else the browser's languages, else English.
 * `$locale` changes only once the catalogue is loaded, so a page never shows a mix.
 */
import { atom } from 'nanostores';
import { isPanelLocale, type PanelLocale } from '../../shared/panel-locales.ts';
import type { Messages } from './en.ts';

export type MessageKey = keyof Messages;
/** Keys with a `.one` and `.other` form, named without the suffix. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}.one` ? Base : never) : never;
type Values = Record<string, string | number>;

const CATALOGUES: Record<PanelLocale, () => Promise<{ default: Messages }>> = {
  en: () => import('./en.ts'),
  fr: () => import('./fr.ts'),
};

export const $locale = atom<PanelLocale>('en');
/** Whether a catalogue is loaded yet: the panel shows nothing before (a flash of keys is worse). */
export const $wordsLoaded = atom(false);

/** Null until main.tsx (or a test's harness) has loaded a language: `t` then answers keys. */
let messages: Messages | null = null;
let intlTag = 'en';
let plurals = new Intl.PluralRules('en');

/** The first of the browser's languages the panel speaks, else English. */
export function browserLocale(languages: readonly string[] = navigator.languages): PanelLocale {
  for (const tag of languages) {
    const language = tag.slice(0, 2).toLowerCase();
    if (isPanelLocale(language)) return language;
  }
  return 'en';
}

/**
 * The Intl locale for a panel language: the browser's own variant of it when it has one (an
 * en-GB browser writes English dates the British way), else the bare language.
 */
function intlTagFor(locale: PanelLocale): string {
  const regional = navigator.languages.find((tag) => tag.slice(0, 2).toLowerCase() === locale);
  try {
    return regional ? (Intl.getCanonicalLocales(regional)[0] ?? locale) : locale;
  } catch {
    return locale;
  }
}

let latest = 0;

/** Switches the panel to `locale` once its catalogue is loaded (English if it cannot be). */
export async function setLocale(wanted: PanelLocale): Promise<void> {
  const turn = ++latest;
  let locale = wanted;
  let loaded: Messages;
  try {
    loaded = (await CATALOGUES[wanted]()).default;
  } catch (error) {
    if (wanted === 'en') throw error;
    locale = 'en';
    loaded = (await CATALOGUES.en()).default;
  }
  // A later choice, made while this one loaded, wins.
  if (turn !== latest) return;
  messages = loaded;
  intlTag = intlTagFor(locale);
  plurals = new Intl.PluralRules(intlTag);
  formats.clear();
  document.documentElement.lang = locale;
  $locale.set(locale);
  $wordsLoaded.set(true);
}

/** The language for a signed-in user (their setting) or nobody yet (null: the browser's). */
export const followUser = (chosen: string | null | undefined): Promise<void> => setLocale(isPanelLocale(chosen) ? chosen : browserLocale());

const fill = (text: string, values?: Values) => (values ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole)) : text);

/** A message in the panel's language, its `{name}` values filled in. */
export function t(key: MessageKey, values?: Values): string {
  return messages ? fill(messages[key], values) : key;
}

/** A message that depends on a count (`key.one` / `key.other`), with `{count}` written in the panel's locale. */
export function tn(key: PluralKey, count: number, values?: Values): string {
  const form = plurals.select(count) === 'one' ? 'one' : 'other';
  return t(`${key}.${form}` as MessageKey, { count: formatNumber(count), ...values });
}

const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(id: string, make: () => T): T {
  let format = formats.get(id) as T | undefined;
  if (!format) formats.set(id, (format = make()));
  return format;
}

const toDate = (value: string | number | Date) => (value instanceof Date ? value : new Date(value));

const DAY: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'numeric', day: 'numeric' };

/** A day, as the locale writes it: 12/6/2026 (en-US), 06/12/2026 (fr). */
export const formatDate = (value: string | number | Date): string => formatDateWith(value, DAY);

/** A day and time, as `toLocaleString` writes it in the locale: 12/6/2026, 2:05:09 PM; 06/12/2026 14:05:09. */
export const formatDateTime = (value: string | number | Date): string => formatDateWith(value, { ...DAY, hour: 'numeric', minute: '2-digit', second: '2-digit' });

/** Any other date shape, e.g. `{ weekday: 'short', hour: '2-digit' }`. */
export const formatDateWith = (value: string | number | Date, options: Intl.DateTimeFormatOptions): string =>
  cached(`date:${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(intlTag, options)).format(toDate(value));

/** A number as the locale writes it: 1,234.5; 1 234,5. */
export const formatNumber = (n: number, options?: Intl.NumberFormatOptions): string =>
  cached(`number:${JSON.stringify(options ?? {})}`, () => new Intl.NumberFormat(intlTag, options)).format(n);

/** The locale the panel writes dates and numbers in (for code that formats itself). */
export const intlLocale = (): string => intlTag;
