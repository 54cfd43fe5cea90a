/**
 * Helpers for the panel's component tests, which run in Chromium against the real admin API
 * (web-test-runner.config.mjs mounts the fixture app on the test server's origin).
 */
import { render, type ComponentChildren } from 'preact';
import { DEMO_LOGIN } from '../../server/seed/demo-content.ts';
import { api } from '../api.ts';
import { $session } from '../stores/session.ts';

/** Mocha's `this` in a test or hook: `this.skip()` marks it skipped, with the reason in a log line. */
type Hook = (this: { skip(): void }) => void | Promise<void>;
interface MochaGlobals {
  describe(title: string, body: () => void): void;
  it(title: string, body: Hook): void;
  before(body: Hook): void;
  after(body: Hook): void;
}
/** Mocha's globals, typed here rather than declared globally (the rest of the repo runs vitest). */
export const { describe, it, before, after } = globalThis as unknown as MochaGlobals;

/**
 * Signs in as the demo owner through the real endpoint, as the sign-in page does. A test file
 * that ran before in the same page may have left a session cookie, and a request carrying one
 * needs its CSRF token: the panel reads the session first for the same reason.
 */
export async function signIn(): Promise<void> {
  $session.set(await api.session().catch(() => null));
  $session.set(await api.signIn({ email: DEMO_LOGIN.email, password: DEMO_LOGIN.password }));
}

/** Renders into a fresh host in the page, with the panel's real stylesheet and a fixed size. */
export function mount(children: ComponentChildren, { height = 600 }: { height?: number } = {}): HTMLElement {
  if (!document.querySelector('link[data-panel-styles]')) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = '/panel/styles.css';
    link.dataset.panelStyles = '';
    document.head.append(link);
  }
  const host = document.createElement('div');
  host.style.height = `${height}px`;
  host.style.display = 'flex';
  host.style.flexDirection = 'column';
  document.body.append(host);
  render(<>{children}</>, host);
  return host;
}

export function unmount(host: HTMLElement): void {
  render(null, host);
  host.remove();
}
