/**
 * The languages the panel speaks, in the order its language menu lists them. Shared by the
 * server (which validates a user's choice) and the panel (which loads that language's words);
 * a plain list, so the panel's first paint does not carry a validation library.
 */
export const PANEL_LOCALES = ['en', 'fr'] as const;

export type PanelLocale = (typeof PANEL_LOCALES)[number];

export const isPanelLocale = (value: unknown): value is PanelLocale => (PANEL_LOCALES as readonly unknown[]).includes(value);
