/**
 * Renders the README's screenshots into .output/screenshots/ (copy them to docs/
 * when the UI changes), and checks along the way that the popup shows the
 * person on the current tab next to the in-page button.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launch, popupUrl, tabIdOf, waitForPeople, type Harness } from './harness';
import { inPage } from './in-page';

const OUT = resolve(process.cwd(), '.output/screenshots');
let h: Harness;
beforeAll(async () => {
  h = await launch();
  mkdirSync(OUT, { recursive: true });
});
afterAll(async () => {
  await h?.close();
});

it('shows the popup for the profile on screen', async () => {
  const page = await h.context.newPage();
  await page.setViewportSize({ width: 900, height: 560 });
  await page.goto('https://www.linkedin.com/in/zo%C3%AB-%C3%A5ngstr%C3%B6m/');
  await inPage(page).click('Save to Introbook');
  await waitForPeople(h.worker, (p) => p.length === 1);
  await page.goto('https://www.linkedin.com/in/ada-lovelace/');
  await inPage(page).waitForText('Save to Introbook');
  await page.screenshot({ path: resolve(OUT, 'in-page-button.png') });

  const popup = await h.context.newPage();
  await popup.setViewportSize({ width: 360, height: 520 });
  await popup.goto(popupUrl(h, await tabIdOf(h.worker, page)));
  await popup.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => popup.getByRole('status').filter({ hasText: 'Saved.' }).count()).toBe(1);
  await expect.poll(() => popup.getByRole('list', { name: 'Recently saved people' }).getByRole('button').count()).toBe(2);
  await popup.screenshot({ path: resolve(OUT, 'popup.png'), fullPage: true });
});
