import type { Page } from 'playwright-core';
import { DEMO_LOGIN } from '../server/seed/demo-content.ts';

/** Signs in to the panel as the demo owner through its sign-in form, and waits for the panel. */
export async function signInToPanel(page: Page, serverUrl: string): Promise<void> {
  await page.goto(`${serverUrl}/panel/`);
  await page.getByLabel('Email').fill(DEMO_LOGIN.email);
  await page.getByLabel('Password').fill(DEMO_LOGIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Generous: on a loaded two-core CI machine the server also collects and re-hosts meanwhile.
  await page.getByRole('navigation', { name: 'Panel' }).waitFor({ timeout: 60_000 });
}
