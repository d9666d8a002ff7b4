/**
 * Warm introductions end to end: capture a target and a contact from their
 * profiles, confirm the mutual connection, draft and copy the ask, see the 3B
 * nudge come due on a moved clock (badge, "Due today"), and walk the request
 * through the pipeline, undoing a mistaken step.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysAfter } from '@/utils/domain/business-days';
import { launch, popupUrl, sidePanelUrl, tabIdOf, type Harness } from './harness';
import { inPage } from './in-page';

let h: Harness;
beforeAll(async () => {
  h = await launch();
  // Extension origins can't be granted permissions; the copied text is read back from a web page.
  await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://www.linkedin.com' });
});
afterAll(async () => {
  await h?.close();
});

const DAY = 24 * 60 * 60 * 1000;

async function save(url: string): Promise<void> {
  const page = await h.context.newPage();
  await page.goto(url);
  await inPage(page).click('Save to Introbook');
  await inPage(page).waitForText('Saved');
  await page.close();
}

async function readClipboard(): Promise<string> {
  const page = await h.context.newPage();
  await page.goto('https://www.linkedin.com/feed/');
  await page.bringToFront();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  await page.close();
  return text;
}

/** The side panel's section switcher. */
const nav = (panel: Page, section: string) => panel.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: section });

const badge = () => h.worker.evaluate(() => chrome.action.getBadgeText({}));
async function refreshReminders(page: Page): Promise<void> {
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'reminders/refresh' }));
}

describe('warm introduction', () => {
  it('from mutual connection to closed loop, with the 3B nudge coming due', async () => {
    const panel = await h.context.newPage();
    await panel.setViewportSize({ width: 420, height: 1100 });
    await panel.goto(sidePanelUrl(h));

    // Settings the templates draw on.
    await nav(panel, 'Settings').click();
    const settings = panel.getByRole('form', { name: 'Settings' });
    await settings.getByRole('textbox', { name: 'Your name' }).fill('Sam Rivera');
    await settings.getByRole('textbox', { name: 'Background' }).fill('a data analyst moving into product');
    await settings.getByRole('textbox', { name: 'Goal' }).fill('product management in computing');
    await settings.getByRole('combobox', { name: 'Time zone' }).fill('Europe/London');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => settings.getByRole('status').innerText()).toBe('Settings saved.');

    // The target (with Charles among her mutual connections) and the contact.
    await save('https://www.linkedin.com/in/ada-lovelace/');
    await save('https://www.linkedin.com/in/charles-babbage/');

    await nav(panel, 'People').click();
    await panel.getByRole('list', { name: 'Saved people, newest first' }).getByRole('button', { name: /Ada Lovelace/ }).click();
    // A name match is a suggestion until the user confirms it.
    await panel.getByRole('button', { name: 'Yes, Charles Babbage is the mutual connection' }).click();
    const ranked = panel.getByRole('list', { name: 'Possible connectors, best first' });
    await ranked.getByRole('button', { name: 'Ask Charles Babbage for an intro' }).click();

    // The draft: rendered from the templates, with the checklist beside it.
    const request = panel.getByRole('region', { name: 'Request to meet Ada Lovelace' });
    const message = request.getByRole('textbox', { name: 'Message to Charles Babbage' });
    await expect.poll(() => message.inputValue()).toContain('Hi Charles,');
    expect(await message.inputValue()).toContain('Ada Lovelace at Analytical Engines');
    expect(await message.inputValue()).toContain('product management in computing');
    const blurb = await request.getByRole('textbox', { name: 'Forwardable blurb about you' }).inputValue();
    expect(blurb).toContain('Sam Rivera (a data analyst moving into product)');
    const checklist = request.getByRole('complementary', { name: 'Outreach checklist' });
    // (Folded when all is well: its text is there, under "Checklist (all good)".)
    expect(await checklist.textContent()).toContain('Asks for advice, not a job');
    expect(await checklist.textContent()).toContain('The ask is a question');

    const askedAt = Date.now();
    await request.getByRole('button', { name: 'Copy and mark as asked' }).click();
    await expect.poll(() => request.innerText()).toContain('Status: Asked');
    const copied = await readClipboard();
    expect(copied).toContain('Hi Charles,');
    expect(copied).toContain('Sam Rivera (a data analyst moving into product)');
    expect(await request.getByLabel('Next step').innerText()).toContain('Next: Nudge Charles Babbage — due');

    // Nothing is due yet; a minute after 3 business days (London working week) the nudge is.
    await refreshReminders(panel);
    expect(await badge()).toBe('');
    const london = { timeZone: 'Europe/London', workingDays: [1, 2, 3, 4, 5] };
    const nudgeDue = businessDaysAfter(askedAt, 3, london);
    expect(businessDaysAfter(askedAt, 7, london) - nudgeDue).toBeGreaterThan(DAY);
    await h.worker.evaluate((ms) => chrome.storage.local.set({ 'e2e:clockOffsetMs': ms }), nudgeDue - Date.now() + 60_000);
    await refreshReminders(panel);
    await expect.poll(badge).toBe('1');
    const popup = await h.context.newPage();
    await popup.goto(popupUrl(h));
    const due = popup.getByRole('region', { name: /^Due today/ });
    await expect.poll(() => due.innerText()).toContain('Nudge Charles Babbage');
    await popup.close();

    // Nudge sent (another way than from here): nothing due until the 7B last follow-up.
    const writeNow = request.getByRole('button', { name: 'Write the nudge now' });
    if (await writeNow.isVisible()) await writeNow.click();
    await request.getByRole('button', { name: 'I sent it another way' }).click();
    await expect.poll(badge).toBe('');
    expect(await request.getByLabel('Next step').innerText()).toContain('Next: Last follow-up to Charles Babbage');

    // Through the pipeline, with a mistaken step undone.
    const step = (label: string) => request.getByRole('group', { name: 'Next status' }).getByRole('button', { name: label });
    await step('Mark as declined').click();
    await request.getByRole('button', { name: 'Undo “Declined”' }).click();
    await expect.poll(() => request.innerText()).toContain('Status: Asked');
    for (const label of ['Mark as agreed', 'Mark as introduced', 'Mark as meeting scheduled', 'Mark as met']) {
      await step(label).click();
      if (label === 'Mark as meeting scheduled') {
        const meeting = request.getByRole('form', { name: 'Meeting details' });
        await meeting.getByLabel('Date').fill('2031-01-08');
        await meeting.getByLabel('Time').fill('10:00');
        await meeting.getByRole('button', { name: 'Schedule the meeting' }).click();
      }
      await expect.poll(() => request.innerText()).toContain(`Status: ${label.replace('Mark as ', '').replace(/^./, (c) => c.toUpperCase())}`);
    }
    expect(await request.getByLabel('Next step').innerText()).toContain('Next: Thank Ada Lovelace');
    await step('Mark as thanked').click();
    await step('Mark as closed the loop').click();
    await expect.poll(() => request.innerText()).toContain('Nothing left to do on this request.');
    const history = await request.getByRole('list', { name: 'History' }).innerText();
    expect(history).toContain('Undid a step — Declined');

    // The board folds it under "Closed the loop"; unfolded, it is filterable by connector.
    await nav(panel, 'Requests').click();
    const closed = panel.getByRole('group', { name: 'Closed the loop (1)' });
    await closed.getByText('Closed the loop').click();
    await panel.getByRole('combobox', { name: 'Connector' }).selectOption({ label: 'Charles Babbage' });
    await expect.poll(() => closed.getByRole('button', { name: /Ada Lovelace via Charles Babbage/ }).count()).toBe(1);
    await panel.close();
  });

  it('keeps reminders scheduled in alarms', async () => {
    const alarms = await h.worker.evaluate(async () => (await chrome.alarms.getAll()).map((a) => a.name));
    expect(alarms).toContain('introbook-reminders');
  });

  it('gives the same answer in the popup and the side panel on a 1st-degree contact’s page', async () => {
    const page = await h.context.newPage();
    await page.goto('https://www.linkedin.com/in/charles-babbage/');
    const popup = await h.context.newPage();
    await popup.goto(popupUrl(h, await tabIdOf(h.worker, page)));
    const who = popup.getByRole('region', { name: 'Who can introduce me?' });
    const answer = 'You know Charles Babbage yourself: ask them directly.';
    await expect.poll(() => who.innerText()).toContain(answer);
    expect(await who.innerText()).not.toContain('No confirmed mutual contact');
    await Promise.all([popup.close(), page.close()]);

    const panel = await h.context.newPage();
    await panel.goto(sidePanelUrl(h));
    await panel.getByRole('list', { name: 'Saved people, newest first' }).getByRole('button', { name: /Charles Babbage/ }).click();
    await expect.poll(() => panel.getByLabel('Answer', { exact: true }).innerText()).toBe(answer);
    await panel.close();
  });
});
