/**
 * The whole warm-intro loop as a user lives it, by clicking (and typing) in the
 * built extension: save a target and a contact from their profiles, add the
 * contact again by hand (the saved one is offered, not duplicated), draft with
 * the settings still empty (warned, linked), fill them, send by copy (the text
 * is kept in the history), nudge and undo only the nudge, walk agree →
 * introduced → meeting scheduled (with a date) → met → thank-you → report back
 * → closed the loop; then add a second record of the same human by hand and
 * merge the two, and see the requests follow.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, popupUrl, sidePanelUrl, storedPeople, tabIdOf, type Harness } from './harness';
import { inPage } from './in-page';

let h: Harness;
let panel: Page;
beforeAll(async () => {
  h = await launch();
  await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://www.linkedin.com' });
  panel = await h.context.newPage();
  await panel.setViewportSize({ width: 420, height: 1200 });
});
afterAll(async () => {
  await h?.close();
});

async function saveFromProfile(url: string): Promise<void> {
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
  await panel.bringToFront();
  return text;
}

const nav = (section: string) => panel.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: section });
const toast = () => panel.locator('.toasts');
const request = () => panel.getByRole('region', { name: 'Request to meet Ada Lovelace' });
const history = () => request().getByRole('list', { name: 'History' });
const step = (label: string) => request().getByRole('group', { name: 'Next status' }).getByRole('button', { name: label });
const status = (label: string) => expect.poll(() => request().getByText(/^Status:/).innerText()).toBe(`Status: ${label}`);

describe('the warm-intro loop, by clicking', () => {
  it('from a hand-added connector to a closed loop', async () => {
    await saveFromProfile('https://www.linkedin.com/in/ada-lovelace/');
    await saveFromProfile('https://www.linkedin.com/in/charles-babbage/');
    await panel.goto(sidePanelUrl(h));
    await panel.getByRole('list', { name: 'Saved people, newest first' }).getByRole('button', { name: /Ada Lovelace/ }).click();

    // Charles, added by hand: the saved Charles is offered, and no second record is made.
    await panel.getByRole('button', { name: 'Add a connector by hand' }).click();
    const add = panel.getByRole('form', { name: 'Add a connector' });
    await add.getByRole('textbox', { name: 'Name' }).fill('charles babbage');
    await add.getByRole('combobox', { name: 'How well' }).selectOption({ label: 'Close' });
    await add.getByRole('button', { name: 'Add connector' }).click();
    const same = panel.getByRole('alertdialog');
    await expect.poll(() => same.innerText()).toContain('Is this the Charles Babbage you saved?');
    await same.getByRole('button', { name: /^Yes, Charles Babbage/ }).click();
    const ranked = panel.getByRole('list', { name: 'Possible connectors, best first' });
    await expect.poll(() => ranked.innerText()).toContain('Charles Babbage — You are close');
    expect((await storedPeople(h.worker)).filter((p) => p.name === 'Charles Babbage')).toHaveLength(1);

    // The draft opens here, on Ada; nothing is stored until the user acts on it.
    await ranked.getByRole('button', { name: 'Ask Charles Babbage for an intro' }).click();
    await expect.poll(() => request().getByRole('button', { name: '← Back to Ada Lovelace' }).count()).toBe(1);
    expect(await nav('People').getAttribute('aria-current')).toBe('page');
    const missing = request().getByRole('region', { name: 'Missing values' });
    await expect.poll(() => missing.innerText()).toContain('Missing: what you are exploring.');
    expect(await request().innerText()).not.toContain('{{');

    // The missing goal links to the setting that fills it.
    await missing.getByRole('button', { name: 'Open “Goal” in Settings' }).click();
    const settings = panel.getByRole('form', { name: 'Settings' });
    await expect.poll(() => panel.evaluate(() => (document.activeElement as HTMLInputElement | null)?.getAttribute('data-setting'))).toBe('goal');
    await settings.getByRole('textbox', { name: 'Goal' }).fill('product management in computing');
    await settings.getByRole('textbox', { name: 'Your name' }).fill('Sam Rivera');
    await settings.getByRole('textbox', { name: 'Background' }).fill('a data analyst moving into product');
    await settings.getByRole('combobox', { name: 'Time zone' }).fill('Europe/London');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => settings.getByRole('status').innerText()).toBe('Settings saved.');
    // The first-run prompt goes once the settings are there.
    // (Polled: the prompt hears of the save through the settings watch, after the form's own status.)
    await expect.poll(() => panel.getByRole('form', { name: 'Before your first ask' }).count()).toBe(0);

    // Back on Ada, the draft is where it was, filled in.
    await nav('People').click();
    await panel.getByRole('list', { name: 'Saved people, newest first' }).getByRole('button', { name: /Ada Lovelace/ }).click();
    const message = request().getByRole('textbox', { name: 'Message to Charles Babbage' });
    await expect.poll(() => message.inputValue()).toContain('I’m exploring product management in computing');
    expect(await request().getByRole('region', { name: 'Missing values' }).count()).toBe(0);

    // Send by copy: "Copied", and the exact text is kept in the history.
    await request().getByRole('button', { name: 'Copy and mark as asked' }).click();
    await expect.poll(() => toast().innerText()).toContain('Copied. Marked as asked.');
    await status('Asked');
    const copied = await readClipboard();
    expect(copied).toContain('Hi Charles,');
    expect(copied).toContain('Sam Rivera (a data analyst moving into product)');
    await history().getByText('What was sent').click();
    expect(await history().innerText()).toContain('Asked Charles Babbage (copied to send yourself)');
    expect(await history().innerText()).toContain('Subject: Would you introduce me to Ada?');
    expect(await history().locator('.sent-text').first().innerText()).toBe(copied.split('\n\n---\n')[0]);

    // The nudge (not due yet: written on demand), then Undo takes back the nudge only.
    await request().getByRole('button', { name: 'Write the nudge now' }).click();
    await expect.poll(() => request().getByRole('textbox', { name: 'Message to Charles Babbage' }).inputValue()).toContain('Would an intro to Ada still work');
    await request().getByRole('button', { name: 'Copy and mark as sent' }).click();
    await expect.poll(() => history().innerText()).toContain('Sent the nudge (copied to send yourself)');
    await expect.poll(() => request().getByLabel('Next step').innerText()).toContain('Next: Last follow-up to Charles Babbage');
    await request().getByRole('button', { name: 'Undo “Sent the nudge (copied to send yourself)”' }).click();
    await status('Asked');
    await expect.poll(() => request().getByLabel('Next step').innerText()).toContain('Next: Nudge Charles Babbage');
    expect(await request().getByRole('button', { name: /^Undo “Asked Charles Babbage/ }).count()).toBe(1);

    // Agreed → introduced → a meeting with a date.
    await step('Mark as agreed').click();
    await status('Agreed');
    await step('Mark as introduced').click();
    await status('Introduced');
    await expect.poll(() => request().getByRole('region', { name: /^Reply to the introduction — to Ada Lovelace/ }).count()).toBe(1);
    await step('Mark as meeting scheduled').click();
    const meeting = request().getByRole('form', { name: 'Meeting details' });
    await meeting.getByLabel('Date').fill('2031-03-14');
    await meeting.getByLabel('Time').fill('15:30');
    await meeting.getByRole('spinbutton', { name: 'Length (minutes)' }).fill('30');
    await meeting.getByRole('textbox', { name: 'Call link' }).fill('https://meet.google.com/abc-defg-hij');
    await meeting.getByRole('button', { name: 'Schedule the meeting' }).click();
    await status('Meeting scheduled');
    // (Times as the browser's locale writes them: 15:30 or 03:30 PM.)
    expect(await request().getByLabel('Next step').innerText()).toMatch(/Next: Meet Ada Lovelace — due Fri.*14.*(15:30|03:30\sPM)/);
    expect(await request().getByLabel('Meeting').innerText()).toMatch(/(15:30|03:30\sPM)–(16:00|04:00\sPM) \(30 min\)/);

    // Met → the thank-you, drafted, sent and recorded.
    await step('Mark as met').click();
    await status('Met');
    // 24 hours after the meeting ends is a Saturday: due on Monday morning instead.
    expect(await request().getByLabel('Next step').innerText()).toMatch(/Next: Thank Ada Lovelace — due Mon.*17.*09:00/);
    const thanks = request().getByRole('textbox', { name: 'Message to Ada Lovelace' });
    await expect.poll(() => thanks.inputValue()).toContain('Thank you for your time today');
    await thanks.fill('Hi Ada,\n\nThank you for your time today. Your advice about finding a mentor was especially useful.\n\nSam');
    await request().getByRole('button', { name: 'Copy and mark as sent' }).click();
    await status('Thanked');
    expect(await readClipboard()).toContain('finding a mentor');

    // Report back to Charles, and the loop is closed.
    const report = request().getByRole('textbox', { name: 'Message to Charles Babbage' });
    await expect.poll(() => report.inputValue()).toContain('Thank you for introducing me to Ada Lovelace');
    await report.fill('Hi Charles,\n\nThank you for introducing me to Ada Lovelace. We spoke, and I am reading the book she suggested.\n\nSam');
    await request().getByRole('button', { name: 'Copy and mark as sent' }).click();
    await status('Closed the loop');
    const done = await history().innerText();
    expect(done).toContain('Thanked Ada Lovelace (copied to send yourself)');
    expect(done).toContain('Reported back to Charles Babbage (copied to send yourself)');

    // The popup and the side panel give one answer, and a closed loop promotes no new ask.
    const profile = await h.context.newPage();
    await profile.goto('https://www.linkedin.com/in/ada-lovelace/');
    const popup = await h.context.newPage();
    await popup.goto(popupUrl(h, await tabIdOf(h.worker, profile)));
    await expect.poll(() => popup.getByRole('region', { name: 'Who can introduce me?' }).innerText()).toContain('You met Ada Lovelace and closed the loop.');
    await Promise.all([popup.close(), profile.close()]);
    await panel.bringToFront();
    await request().getByRole('button', { name: '← Back to Ada Lovelace' }).click();
    await expect.poll(() => panel.getByLabel('Answer', { exact: true }).innerText()).toBe('You met Ada Lovelace and closed the loop.');
    expect(await panel.getByRole('button', { name: 'Ask Charles Babbage for an intro' }).isVisible()).toBe(false);

    // On the board, the finished request folds away.
    await nav('Requests').click();
    const closed = panel.getByRole('group', { name: 'Closed the loop (1)' });
    await expect.poll(() => closed.count()).toBe(1);
    expect(await closed.getByRole('button', { name: /Ada Lovelace/ }).isVisible()).toBe(false);
    await closed.getByText('Closed the loop').click();
    await expect.poll(() => closed.getByRole('button', { name: /Ada Lovelace/ }).isVisible()).toBe(true);
  });

  it('merges a second record of Ada, and her requests follow the record kept', async () => {
    await nav('People').click();
    await panel.getByRole('button', { name: 'Add a person' }).click();
    const form = panel.getByRole('form', { name: 'Add a person' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Ada Lovelace');
    await expect.poll(() => form.getByLabel('Saved people with this name').innerText()).toContain('Open Ada Lovelace (Principal Engineer · Analytical Engines)');
    await form.getByRole('textbox', { name: 'Email' }).fill('ada@example.org');
    await form.getByRole('button', { name: 'Add person' }).click();
    const same = panel.getByRole('alertdialog');
    await expect.poll(() => same.innerText()).toContain('Is this the Ada Lovelace you saved?');
    await same.getByRole('button', { name: 'No, add someone new' }).click();
    const hand = panel.getByRole('region', { name: 'Details for Ada Lovelace' });
    await expect.poll(() => hand.innerText()).toContain('Another Ada Lovelace is saved (Principal Engineer · Analytical Engines)');

    // A request to the hand-added Ada (a draft, stored once written in).
    await hand.getByRole('button', { name: 'Ask Ada directly' }).click();
    await request().getByRole('textbox', { name: 'Message to Ada Lovelace' }).fill('Hi Ada, could we talk about your work?');
    await expect.poll(async () => (await storedPeople(h.worker)).filter((p) => p.name === 'Ada Lovelace').length).toBe(2);
    await request().getByRole('button', { name: '← Back to Ada Lovelace' }).click();

    await hand.getByRole('button', { name: 'Compare and merge' }).click();
    const merge = panel.getByRole('region', { name: 'Merge people' });
    const table = merge.getByRole('table', { name: 'Choose each field' });
    await expect.poll(() => table.innerText()).toContain('Profile link');
    // The saved Ada (older) is kept; her LinkedIn profile stays; the email comes from the hand-added record.
    expect(await merge.getByRole('radio', { name: /Ada Lovelace \(from their profile\)/ }).isChecked()).toBe(true);
    await merge.getByRole('button', { name: 'Merge into one' }).click();
    await expect.poll(() => toast().innerText()).toContain('Merged into one Ada Lovelace.');

    const kept = panel.getByRole('region', { name: 'Details for Ada Lovelace' });
    await expect.poll(() => kept.getByRole('region', { name: 'Requests to meet Ada Lovelace' }).innerText()).toMatch(/Intro request · Closed the loop[\s\S]*Direct ask · Draft|Direct ask · Draft[\s\S]*Intro request · Closed the loop/);
    expect(await kept.innerText()).toContain('ada@example.org');
    const people = await storedPeople(h.worker);
    const adas = people.filter((p) => p.name === 'Ada Lovelace');
    expect(adas.filter((p) => p.deletedAt === null)).toHaveLength(1);
    const tombstone = adas.find((p) => p.deletedAt !== null) as unknown as { mergedInto: string };
    expect(tombstone.mergedInto).toBe(adas.find((p) => p.deletedAt === null)!.id);
  });
});
