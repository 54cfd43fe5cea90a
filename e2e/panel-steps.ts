import type { Page } from 'playwright-core';
import type { RunningServer } from './server.ts';

/** Signs in to the panel as the demo owner (with the password the server made) through its sign-in form, and waits for the panel. */
export async function signInToPanel(page: Page, server: Pick<RunningServer, 'url' | 'owner'>): Promise<void> {
  await page.goto(`${server.url}/panel/`);
  await page.getByLabel('Email').fill(server.owner.email);
  await page.getByLabel('Password').fill(server.owner.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Generous: on a loaded two-core CI machine the server also collects and re-hosts meanwhile.
  await page.getByRole('navigation', { name: 'Panel' }).waitFor({ timeout: 60_000 });
}

/** A new owner as the first-run setup form asks for them. */
export const NEW_OWNER = { workspace: 'Atelier Nord', name: 'Ines', email: 'ines@atelier.example', password: 'a long enough password' };

/** Fills the first-run setup form as a new owner would (the setup token, when asked, is the caller's). */
export async function fillSetupForm(page: Page, owner = NEW_OWNER): Promise<void> {
  await page.getByLabel('Brand or workspace name').fill(owner.workspace);
  await page.getByLabel('Your name').fill(owner.name);
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password (at least 10 characters)').fill(owner.password);
}

/**
 * Types `text` into the inbox search and waits for the list it asks for. The search waits a
 * moment after the last keystroke, so until then the list on screen (and its current post) is
 * the one from before: a key pressed in that gap acts on a list about to be replaced.
 */
export async function searchInbox(page: Page, text: string): Promise<void> {
  const answered = page.waitForResponse((response) => {
    const url = new URL(response.url());
    return url.pathname === '/admin/posts' && url.searchParams.get('q') === text;
  });
  await page.getByRole('searchbox').fill(text);
  await answered;
}
