/**
 * The side panel as a workspace, in Chromium with the built extension: search
 * as you type with the keyboard ("/", arrows, Enter, Escape), tags and a tag
 * filter, planning a meeting and preparing it (bank and own questions, order,
 * prepared answers), "Add to calendar" as an .ics download, and paying it
 * forward (a favour, an offer, an introduction the user makes).
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, sidePanelUrl, type Harness } from './harness';
import { inPage } from './in-page';

let h: Harness;
let panel: Page;
beforeAll(async () => {
  h = await launch();
  await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://www.linkedin.com' });
  for (const slug of ['ada-lovelace', 'charles-babbage', 'zoë-ångström']) {
    const page = await h.context.newPage();
    await page.goto(`https://www.linkedin.com/in/${slug}/`);
    await inPage(page).click('Save to Introbook');
    await inPage(page).waitForText('Saved');
    await page.close();
  }
  panel = await h.context.newPage();
  await panel.setViewportSize({ width: 460, height: 1200 });
  await panel.goto(sidePanelUrl(h));
});
afterAll(async () => {
  await h?.close();
});

const search = () => panel.getByRole('searchbox', { name: 'Search people' });
const results = () => panel.getByRole('list', { name: 'Search results' });
const focusedText = () => panel.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent ?? (document.activeElement as HTMLInputElement | null)?.value ?? '');

/** WCAG 2.1 A/AA violations axe-core finds on the page (as in accessibility.e2e.ts). */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('workspace', () => {
  it('finds people as you type, from the keyboard', async () => {
    await panel.locator('body').click();
    await panel.keyboard.press('/');
    expect(await panel.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    // Accents and case ignored, word prefixes in any order.
    await panel.keyboard.type('ANG zo');
    await expect.poll(() => results().getByRole('button').allTextContents()).toEqual([expect.stringContaining('Zoë Ångström')]);
    await search().fill('');
    await search().fill('an');
    await expect.poll(() => results().getByRole('button').count()).toBeGreaterThan(1);
    // Arrows move through the results, Enter opens (focus in their page), Escape goes back to the same
    // results with focus on that person's row; "/" again is the search box.
    await panel.keyboard.press('ArrowDown');
    const first = await focusedText();
    await panel.keyboard.press('ArrowDown');
    expect(await focusedText()).not.toBe(first);
    const second = await panel.evaluate(() => document.activeElement?.getAttribute('data-person'));
    await panel.keyboard.press('ArrowUp');
    expect(await focusedText()).toBe(first);
    await panel.keyboard.press('ArrowDown');
    await panel.keyboard.press('Enter');
    const details = panel.getByRole('region', { name: /^Details for / });
    await expect.poll(() => details.count()).toBe(1);
    expect(await panel.evaluate(() => document.activeElement?.closest('[data-view]') !== null)).toBe(true);
    await panel.keyboard.press('Escape');
    await expect.poll(() => details.count()).toBe(0);
    expect(await search().inputValue()).toBe('an');
    await expect.poll(() => panel.evaluate(() => document.activeElement?.getAttribute('data-person'))).toBe(second);
    await panel.keyboard.press('/');
    expect(await panel.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
  });

  it('tags people and filters by tag; searches tags', async () => {
    await search().fill('ada love');
    await results().getByRole('button', { name: /Ada Lovelace/ }).click();
    await panel.getByRole('combobox', { name: 'Add a tag' }).fill('mentor, climate');
    await panel.getByRole('button', { name: 'Add tag' }).click();
    await expect.poll(() => panel.getByRole('list', { name: 'Tags for Ada Lovelace' }).getByRole('listitem').count()).toBe(2);
    await panel.getByRole('button', { name: 'Remove tag climate' }).click();
    await expect.poll(() => panel.getByRole('list', { name: 'Tags for Ada Lovelace' }).getByRole('listitem').count()).toBe(1);
    await panel.getByRole('button', { name: '← All people' }).click();

    await search().fill('mento');
    await expect.poll(() => results().getByRole('button').allTextContents()).toEqual([expect.stringContaining('Ada Lovelace')]);
    await search().fill('');
    await panel.getByText('Filters', { exact: true }).click();
    expect(await violations(panel)).toStrictEqual([]);
    await panel.getByRole('combobox', { name: 'Tag' }).selectOption('mentor');
    await expect.poll(() => results().getByRole('button').allTextContents()).toEqual([expect.stringContaining('Ada Lovelace')]);
    await panel.getByRole('button', { name: 'Clear filters' }).click();
  });

  it('plans a meeting, prepares it, and exports it to the calendar', async () => {
    await search().fill('zoe');
    await results().getByRole('button', { name: /Zoë Ångström/ }).click();
    await panel.getByRole('button', { name: 'Plan a meeting' }).click();
    const plan = panel.getByRole('form', { name: 'Plan a meeting' });
    await plan.getByLabel('Date and time').fill('2030-03-05T16:00');
    await plan.getByLabel('Call link').fill('https://meet.google.com/abc-defg-hij');
    await plan.getByRole('button', { name: 'Save meeting' }).click();
    const sheet = panel.getByRole('region', { name: 'Prep sheet for Zoë Ångström' });
    await expect.poll(() => sheet.count()).toBe(1);

    await sheet.getByRole('checkbox', { name: 'Gauge the company’s culture' }).check();
    await sheet.getByText(/^Question bank/).click();
    await sheet.getByRole('button', { name: 'Add: If you were in my position, what would you focus on over the next six months?' }).click();
    await sheet.getByRole('button', { name: 'Add: What is changing fastest in your part of the field right now?' }).click();
    await sheet.getByRole('textbox', { name: 'Your own question' }).fill('How did you move from research to product?');
    await sheet.getByRole('button', { name: 'Add question' }).click();
    const questions = sheet.getByRole('list', { name: 'Your questions, in order' });
    await expect.poll(() => questions.getByRole('listitem').count()).toBe(3);
    await sheet.getByRole('button', { name: 'Move up: How did you move from research to product?' }).click();
    await expect.poll(async () => (await questions.getByRole('listitem').allTextContents())[1]).toContain('How did you move from research to product?');
    await sheet.getByRole('textbox', { name: 'Why this company?' }).fill('Their grid storage work.');
    await expect.poll(() => sheet.getByText('Saved').count()).toBeGreaterThan(0);

    await sheet.getByRole('button', { name: 'Change meeting details' }).click();
    expect(await violations(panel)).toStrictEqual([]);
    await sheet.getByRole('button', { name: 'Change meeting details' }).click();
    const download = panel.waitForEvent('download');
    await sheet.getByRole('button', { name: 'Add to calendar (.ics)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('introbook-Zoe-Angstrom-2030-03-05.ics');
    const ics = readFileSync((await file.path())!, 'utf8');
    const unfolded = ics.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain('SUMMARY:Informational interview: Zoë Ångström');
    expect(unfolded).toContain('LOCATION:https://meet.google.com/abc-defg-hij');
    expect(unfolded).toMatch(/DTSTART:2030030\dT\d{6}Z/);
    expect(unfolded).toContain('2. How did you move from research to product?');
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);

    // Cancelling the meeting says so with Undo; Undo brings it back with its prep.
    await sheet.getByRole('button', { name: 'Change meeting details' }).click();
    await sheet.getByRole('button', { name: 'Cancel this meeting' }).click();
    await expect.poll(() => sheet.count()).toBe(0);
    const toast = panel.getByRole('status', { name: 'Notifications' });
    await expect.poll(() => toast.innerText()).toContain('Meeting cancelled.');
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => sheet.count()).toBe(1);
    await expect.poll(() => toast.innerText()).toContain('Undone.');
    await expect.poll(async () => (await questions.getByRole('listitem').allTextContents())[1]).toContain('How did you move from research to product?');

    // On the home page: an upcoming meeting.
    await panel.getByRole('button', { name: '← All people' }).click();
    await search().fill('');
    await expect.poll(() => panel.getByRole('list', { name: 'Upcoming meetings' }).getByRole('button').allTextContents()).toEqual([expect.stringContaining('Zoë Ångström')]);
  });

  it('pays it forward: favours, an offer with a due date, and an introduction between two saved people', async () => {
    await search().fill('charles');
    await results().getByRole('button', { name: /Charles Babbage/ }).click();
    const favour = panel.getByRole('form', { name: 'Record a favour' });
    await favour.getByRole('textbox', { name: 'What happened' }).fill('Introduced me to Ada');
    await favour.getByRole('button', { name: 'Record favour' }).click();
    await expect.poll(() => panel.getByRole('list', { name: 'Favours with Charles Babbage' }).getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('Introduced me to Ada')]);

    const offer = panel.getByRole('form', { name: 'Something you offered' });
    await offer.getByRole('textbox', { name: 'Something you offered to do' }).fill('Send him the article on difference engines');
    await offer.getByLabel('By when').fill('2020-01-02');
    await offer.getByRole('button', { name: 'Add offer' }).click();
    await expect.poll(() => panel.getByRole('list', { name: 'To do for Charles Babbage' }).getByRole('listitem').count()).toBe(1);

    const idea = panel.getByRole('form', { name: 'Suggest an introduction' });
    await idea.getByRole('searchbox', { name: 'Introduce to' }).fill('zoe');
    await idea.getByRole('button', { name: /Zoë Ångström/ }).click();
    await idea.getByRole('textbox', { name: 'Why they should meet' }).fill('both care about energy storage');
    await idea.getByRole('button', { name: 'Save introduction idea' }).click();
    const ideas = panel.getByRole('list', { name: 'Introductions involving Charles Babbage' });
    await expect.poll(() => ideas.getByRole('listitem').count()).toBe(1);
    await ideas.getByRole('button', { name: 'Copy the ask to Charles Babbage' }).click();
    await ideas.getByRole('button', { name: 'They said yes: copy the introduction' }).click();
    await expect.poll(() => ideas.getByText('(Introduced)').count()).toBe(1);
    await expect.poll(() => panel.getByRole('list', { name: 'Favours with Charles Babbage' }).getByRole('listitem').count()).toBe(2);

    // The overdue offer is due today on the home page.
    await panel.getByRole('button', { name: '← All people' }).click();
    await search().fill('');
    await expect
      .poll(() => panel.getByRole('list', { name: 'Due today' }).getByRole('button').allTextContents(), { timeout: 10_000 })
      .toContain('Send him the article on difference engines');
  });
});
