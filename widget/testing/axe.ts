/**
 * axe-core in the test page, for accessibility checks of the widget in its real states. axe is
 * a UMD bundle, so it is loaded as a classic script (it then sets `window.axe`). axe reads open
 * shadow roots, so checking the host element checks the gallery and its open lightbox.
 */
import type { AxeResults, RunOptions } from 'axe-core';

declare global {
  interface Window {
    axe?: typeof import('axe-core');
  }
}

async function loadAxe(): Promise<NonNullable<Window['axe']>> {
  if (!window.axe) {
    await new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = '/node_modules/axe-core/axe.min.js';
      script.onload = resolve;
      script.onerror = () => reject(new Error('axe-core could not be loaded'));
      document.head.append(script);
    });
  }
  if (!window.axe) throw new Error('axe-core did not define window.axe');
  return window.axe;
}

/**
 * Every axe rule, WCAG and best practices, except `region` (whether the page puts its content
 * in landmarks is the page's business, not the widget's). Answers one line per violation.
 */
export async function axeViolations(context: Element): Promise<string[]> {
  const axe = await loadAxe();
  const options: RunOptions = { rules: { region: { enabled: false } } };
  const results: AxeResults = await axe.run(context, options);
  return results.violations.map(
    (violation) => `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} — ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`,
  );
}
