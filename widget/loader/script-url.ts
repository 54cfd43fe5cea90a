/**
 * The URL of the script element that loaded the widget: its origin is the API's, and the
 * gallery chunk sits beside it. Null when it can't be known (no `src`, or a module script,
 * for which `document.currentScript` is null).
 */
export function scriptUrl(script: Element | null): URL | null {
  if (!(script instanceof HTMLScriptElement) || !script.src) return null;
  return new URL(script.src);
}
