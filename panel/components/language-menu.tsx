import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import { PANEL_LOCALES, isPanelLocale } from '../../shared/panel-locales.ts';
import { api, messageOf } from '../api.ts';
import { $locale, t } from '../i18n/i18n.ts';
import { $session, startSession } from '../stores/session.ts';

/** Each language named in itself, as language menus do: a French reader looks for "Français". */
const NAMES: Record<(typeof PANEL_LOCALES)[number], string> = { en: 'English', fr: 'Français' };
const BROWSER = 'browser';

/**
 * The user's panel language: saved on their account (every device, every workspace), and the
 * panel re-renders in it at once; "browser language" clears the choice.
 */
export function LanguageMenu() {
  const session = useStore($session);
  // Subscribed so the menu's own label changes with the language.
  useStore($locale);
  const [error, setError] = useState<string | null>(null);
  if (!session) return null;
  const choose = async (value: string) => {
    setError(null);
    try {
      await startSession(await api.updateMe({ locale: isPanelLocale(value) ? value : null }));
    } catch (caught) {
      setError(t('shell.languageNotSaved', { reason: messageOf(caught) }));
    }
  };
  return (
    <label class="language">
      <span class="visually-hidden">{t('shell.language')}</span>
      <select value={session.user.locale ?? BROWSER} onChange={(event) => void choose(event.currentTarget.value)}>
        <option value={BROWSER}>{t('shell.languageBrowser')}</option>
        {PANEL_LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {NAMES[locale]}
          </option>
        ))}
      </select>
      {error && <span role="alert">{error}</span>}
    </label>
  );
}
