/**
 * The product as users see it, light and dark, from the real build: the
 * in-page button, the popup (a person not saved yet, saved, changed since),
 * the side panel's main views (empty home, home, a person, a draft, the
 * board, a prep sheet, in-call mode, templates, settings). Each view is
 * checked with axe-core (WCAG 2.1 A/AA, zero violations) in both schemes, and
 * its screenshots are written to docs/screenshots/ for the README (the
 * options and welcome pages' come from first-run.e2e.ts). Assertions are
 * about the pages, never about pixels.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, popupUrl, sidePanelUrl, tabIdOf, waitForPeople, type Harness } from './harness';
import { inPage } from './in-page';
import { inBothSchemes, SCHEMES, SCREENSHOTS } from './looks';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

const nav = (panel: Page, section: string) => panel.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: section });

async function popupFor(page: Page): Promise<Page> {
  const popup = await h.context.newPage();
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.goto(popupUrl(h, await tabIdOf(h.worker, page)));
  return popup;
}

describe('screenshots, light and dark, with axe in both', () => {
  let panel: Page;

  it('the side panel before anyone is saved teaches the first save and the first ask', async () => {
    panel = await h.context.newPage();
    await panel.setViewportSize({ width: 420, height: 900 });
    await panel.goto(sidePanelUrl(h));
    const empty = panel.getByText('Nobody saved yet', { exact: true });
    await empty.waitFor();
    expect(await panel.getByRole('listitem').filter({ hasText: 'Save to Introbook' }).count()).toBe(1);
    await inBothSchemes(panel, 'sidepanel-empty');
    await nav(panel, 'Requests').click();
    await panel.getByText('No requests yet', { exact: true }).waitFor();
    expect(await panel.getByText(/Who can introduce me\?/).count()).toBe(1);
    await nav(panel, 'People').click();
  });

  it('the in-page button and the popup: a person not saved yet, saved, and changed since', async () => {
    const page = await h.context.newPage();
    await page.setViewportSize({ width: 900, height: 560 });
    await page.goto('https://www.linkedin.com/in/ada-lovelace/');
    await inPage(page).waitForText('Save to Introbook');
    const host = page.locator('#introbook-save-root');
    const box = (await host.boundingBox())!;
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({
        path: resolve(SCREENSHOTS, `in-page-button-${scheme}.png`),
        clip: { x: 0, y: Math.max(0, box.y - 60), width: 900, height: box.height + 120 },
      });
    }
    await page.emulateMedia({ colorScheme: 'light' });

    // Not saved yet: one card, Save the one primary action, only the "check this" fields open.
    let popup = await popupFor(page);
    const onPage = popup.getByRole('region', { name: 'On this page' });
    await onPage.getByRole('button', { name: 'Save', exact: true }).waitFor();
    expect(await onPage.locator('button.primary').allInnerTexts()).toStrictEqual(['Save']);
    expect(await onPage.getByRole('article', { name: 'Captured person' }).innerText()).toContain('Ada Lovelace');
    expect(await onPage.getByText('Check this', { exact: true }).count()).toBeGreaterThan(0);
    expect(await onPage.getByRole('textbox', { name: 'Company', exact: true }).count()).toBe(0);
    await inBothSchemes(popup, 'popup-unsaved');
    // Fields open on demand, each saying where its value came from.
    const edit = onPage.getByRole('button', { name: 'Edit details' });
    await edit.click();
    expect(await edit.getAttribute('aria-expanded')).toBe('true');
    expect(await onPage.getByRole('textbox', { name: 'Company', exact: true }).inputValue()).toBe('Analytical Engines');
    await inBothSchemes(popup, 'popup-editing');
    await edit.click();

    await onPage.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => onPage.getByRole('status').filter({ hasText: 'Saved Ada Lovelace.' }).count()).toBe(1);
    await onPage.getByText('Saved in Introbook', { exact: true }).waitFor();
    await inBothSchemes(popup, 'popup-saved');
    await popup.close();

    // The page changed since (a new job): the popup lists what changed, Save changes primary.
    await page.goto('https://www.linkedin.com/in/ada-lovelace/?variant=promoted');
    await inPage(page).waitForText('Saved');
    popup = await popupFor(page);
    const changes = popup.getByRole('region', { name: 'Changed on the page since you saved' });
    await expect.poll(() => changes.innerText()).toContain('Chief Engineer');
    expect(await popup.locator('button.primary').allInnerTexts()).toStrictEqual(['Save changes']);
    await inBothSchemes(popup, 'popup-changed');
    await Promise.all([popup.close(), page.close()]);
  });

  it('the side panel: home, a person, a draft, the board, templates and settings', async () => {
    await nav(panel, 'Settings').click();
    const settings = panel.getByRole('form', { name: 'Settings' });
    await settings.getByRole('textbox', { name: 'Your name' }).fill('Sam Rivera');
    await settings.getByRole('textbox', { name: 'Background' }).fill('a data analyst moving into product');
    await settings.getByRole('textbox', { name: 'Goal' }).fill('product management in computing');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => settings.getByRole('status').innerText()).toBe('Settings saved.');
    await inBothSchemes(panel, 'settings');
    await nav(panel, 'Templates').click();
    await panel.getByRole('list', { name: 'Your templates' }).waitFor();
    await inBothSchemes(panel, 'templates');

    for (const url of ['https://www.linkedin.com/in/charles-babbage/', 'https://www.linkedin.com/in/zo%C3%AB-%C3%A5ngstr%C3%B6m/']) {
      const page = await h.context.newPage();
      await page.goto(url);
      await inPage(page).click('Save to Introbook');
      await inPage(page).waitForText('Saved');
      await page.close();
    }
    await waitForPeople(h.worker, (p) => p.length === 3);
    await nav(panel, 'People').click();
    const recent = panel.getByRole('list', { name: 'Saved people, newest first' });
    await expect.poll(() => recent.getByRole('button').count()).toBe(3);
    // In a row the name comes first and is set larger than the role line under it.
    const [nameSize, roleSize] = await recent
      .getByRole('button', { name: /Ada Lovelace/ })
      .evaluate((row) => ['.person-row-name', '.person-row-role'].map((s) => parseFloat(getComputedStyle(row.querySelector(s)!).fontSize)));
    expect(nameSize).toBeGreaterThan(roleSize!);
    await inBothSchemes(panel, 'sidepanel-home');

    await recent.getByRole('button', { name: /Ada Lovelace/ }).click();
    await panel.getByRole('region', { name: 'Details for Ada Lovelace' }).waitFor();
    await inBothSchemes(panel, 'sidepanel-person');

    await panel.getByRole('button', { name: 'Yes, Charles Babbage is the mutual connection' }).click();
    await panel.getByRole('list', { name: 'Possible connectors, best first' }).getByRole('button', { name: 'Ask Charles Babbage for an intro' }).click();
    const request = panel.getByRole('region', { name: 'Request to meet Ada Lovelace' });
    const message = request.getByRole('textbox', { name: 'Message to Charles Babbage' });
    await expect.poll(() => message.inputValue()).toContain('Hi Charles,');
    // The draft reads first: the message is set larger than the checklist, which folds away.
    const checklist = request.getByRole('complementary', { name: 'Outreach checklist' });
    const [messageSize, checklistSize] = await Promise.all([
      message.evaluate((m) => parseFloat(getComputedStyle(m).fontSize)),
      checklist.evaluate((c) => parseFloat(getComputedStyle(c).fontSize)),
    ]);
    expect(messageSize).toBeGreaterThan(checklistSize);
    await inBothSchemes(panel, 'draft');
    // Nothing to check: folded to one line; it opens on demand.
    expect(await checklist.locator('summary').innerText()).toMatch(/^Checklist \(all good\)$/);
    expect(await checklist.getByRole('list').first().isVisible()).toBe(false);
    await checklist.locator('summary').click();
    expect(await checklist.getByRole('list').first().isVisible()).toBe(true);
    await inBothSchemes(panel, 'draft-checklist', { shot: false });
    await checklist.locator('summary').click();
    await request.getByRole('button', { name: 'Copy and mark as asked' }).click();
    await expect.poll(() => request.innerText()).toContain('Status: Asked');
    // One primary action: the expected next step.
    const next = request.getByRole('group', { name: 'Next status' });
    expect(await next.locator('button.primary').allInnerTexts()).toStrictEqual(['Mark as agreed']);

    await nav(panel, 'Requests').click();
    await panel.getByRole('button', { name: /Ada Lovelace/ }).first().waitFor();
    // A quiet confirmation with Undo sits at the bottom ("Copied. Marked as asked."); dismissed, it goes.
    expect(await panel.getByRole('status', { name: 'Notifications' }).innerText()).toContain('Marked as asked.');
    await inBothSchemes(panel, 'board');
    await panel.getByRole('button', { name: 'Dismiss' }).click();

    // 200% zoom: a 420 px panel is 210 CSS px wide. Every main view still fits without sideways scrolling.
    await panel.setViewportSize({ width: 210, height: 900 });
    // What sticks out past the right edge (the innermost elements), by tag and class.
    const overflow = () =>
      panel.evaluate(() => {
        const width = document.documentElement.clientWidth;
        return Array.from(document.querySelectorAll('main *'))
          .filter((el) => el.getBoundingClientRect().right > width + 1 && !Array.from(el.children).some((c) => c.getBoundingClientRect().right > width + 1))
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent ?? '').slice(0, 30)}`);
      });
    for (const section of ['Requests', 'People', 'Templates', 'Settings']) {
      await nav(panel, section).click();
      await panel.locator('main').waitFor();
      expect(await overflow(), `${section} at 200%`).toStrictEqual([]);
    }
    await nav(panel, 'People').click();
    await panel.getByRole('list', { name: 'Saved people, newest first' }).getByRole('button', { name: /Ada Lovelace/ }).click();
    await panel.getByRole('region', { name: 'Details for Ada Lovelace' }).waitFor();
    expect(await overflow(), 'a person at 200%').toStrictEqual([]);
    await panel.setViewportSize({ width: 420, height: 900 });
  });

  it('a prep sheet and in-call mode', async () => {
    await nav(panel, 'People').click();
    await panel.getByRole('list', { name: 'Saved people, newest first' }).getByRole('button', { name: /Zoë Ångström/ }).click();
    await panel.getByRole('button', { name: 'Plan a meeting' }).click();
    const plan = panel.getByRole('form', { name: 'Plan a meeting' });
    await plan.getByLabel('Date and time').fill('2030-03-05T16:00');
    await plan.getByLabel('Call link').fill('https://meet.google.com/abc-defg-hij');
    await plan.getByRole('button', { name: 'Save meeting' }).click();
    const sheet = panel.getByRole('region', { name: 'Prep sheet for Zoë Ångström' });
    await sheet.waitFor();
    await sheet.getByRole('textbox', { name: 'Your own question' }).fill('How did you move from research to product?');
    await sheet.getByRole('button', { name: 'Add question' }).click();
    await sheet.getByRole('list', { name: 'Your questions, in order' }).getByRole('listitem').first().waitFor();
    await inBothSchemes(panel, 'prep-sheet');

    const meet = await h.context.newPage();
    await meet.goto('https://meet.google.com/abc-defg-hij?participant=Ada%20Lovelace');
    await meet.getByRole('button', { name: 'Join now' }).click();
    await panel.bringToFront();
    const inCall = panel.getByRole('region', { name: 'Prep sheet for Ada Lovelace' });
    await expect.poll(() => inCall.count(), { timeout: 20_000 }).toBe(1);
    expect(await nav(panel, 'In call').getAttribute('aria-current')).toBe('page');
    await inCall.getByRole('timer', { name: 'Time in the call' }).waitFor();
    await inBothSchemes(panel, 'in-call');
    await Promise.all([meet.close(), panel.close()]);
  });
});
