/**
 * Helpers for the panel's component tests, which run in Chromium against the real admin API
 * (web-test-runner.config.mjs mounts the fixture app on the test server's origin).
 */
import { render, type ComponentChildren } from 'preact';
import type { SessionView } from '../../shared/admin-types.ts';
import { TEST_CLIENT_IP_HEADER } from '../../server/dev/testing/client-ip.ts';
import { api } from '../api.ts';
import { setPanelClock } from '../clock.ts';
import { followUser } from '../i18n/i18n.ts';
import { $session } from '../stores/session.ts';

/** A test or hook body. (Nothing here skips: a broken setup fails the test instead.) */
type Hook = () => void | Promise<void>;
interface MochaGlobals {
  describe(title: string, body: () => void): void;
  it(title: string, body: Hook): void;
  before(body: Hook): void;
  after(body: Hook): void;
}
/** Mocha's globals, typed here rather than declared globally (the rest of the repo runs vitest). */
export const { describe, it, before, after } = globalThis as unknown as MochaGlobals;

/**
 * The fixture server's clock, which the panel in this page reads (panel/clock.ts): it starts on
 * the day VITRINE_TEST_CLOCK_START names, not today, so "in N days" and "the last 30 days" must
 * come from it. Read by a root hook, before any other hook or test of the file (the server's
 * clock stands still), and moved on by `advanceFixtureClock`; another test file advancing it
 * meanwhile leaves this page seconds behind, which no date the panel shows can tell.
 */
let fixtureNow: number | null = null;
setPanelClock(() => {
  if (fixtureNow === null) throw new Error('the panel read the time before the fixture clock was: read it in a hook or a test, not at import');
  return fixtureNow;
});
before(async () => {
  fixtureNow = await readFixtureClock(fetch('/__fixture/clock'));
  // The panel's words, in the browser's language (English in the test Chromium), as main.tsx loads them.
  await followUser(null);
});

async function readFixtureClock(answer: Promise<Response>): Promise<number> {
  const response = await answer;
  if (!response.ok) throw new Error(`the fixture clock answered HTTP ${response.status}`);
  return ((await response.json()) as { now: number }).now;
}

/** Time passes on the fixture server's clock and on the panel's, together. */
export async function advanceFixtureClock(ms: number): Promise<void> {
  fixtureNow = await readFixtureClock(fetch('/__fixture/clock/advance', { method: 'POST', body: JSON.stringify({ ms }) }));
}

/**
 * Signs in as the demo owner through the real endpoint, as the sign-in page does. A test file
 * that ran before in the same page may have left a session cookie, and a request carrying one
 * needs its CSRF token: the panel reads the session first for the same reason. Each call comes
 * from a client address of its own (a header only the test harness honours): every panel test
 * file signs in, and from one address they would soon hit the sign-in rate limit (10 per
 * account and address per 15 minutes, on a clock that stands still; 30 per account whatever the
 * address, so the panel's test files together must sign in fewer times than that). The owner's
 * password is the one the fixture generated (/__fixture.json).
 */
export async function signIn(): Promise<void> {
  const existing = await api.session().catch(() => null);
  const { owner } = (await (await fetch('/__fixture.json')).json()) as { owner: { email: string; password: string } };
  $session.set(existing);
  const response = await fetch('/admin/auth/sign-in', {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'Content-Type': 'application/json',
      [TEST_CLIENT_IP_HEADER]: `198.51.100.${1 + (crypto.getRandomValues(new Uint8Array(1))[0]! % 254)}`,
      ...(existing ? { 'X-CSRF-Token': existing.csrfToken } : {}),
    },
    body: JSON.stringify({ email: owner.email, password: owner.password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: HTTP ${response.status} ${await response.text()}`);
  $session.set((await response.json()) as SessionView);
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
