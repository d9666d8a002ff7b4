/**
 * The smaller promises of the warm-intro loop, each seen in the built
 * extension (issue #8): "Not them" shown and reversible with counts, drafts
 * kept only when touched, Delete with Undo, due dates on working days, the
 * LinkedIn "Did you send it?", the email reason in words, notes that survive
 * navigation, a time-zone error that goes when fixed, Enter/Escape and focus,
 * initials from letters, buttons that don't touch, edits and "check this",
 * and the merge view opened by a save that found a duplicate.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, sidePanelUrl, storedPeople, storedRows, type Harness } from './harness';
import { inPage } from './in-page';

let h: Harness;
let panel: Page;
beforeAll(async () => {
  h = await launch();
  await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://www.linkedin.com' });
  for (const slug of ['ada-lovelace', 'charles-babbage', 'xss-test']) {
    const page = await h.context.newPage();
    await page.goto(`https://www.linkedin.com/in/${slug}/`);
    await inPage(page).click('Save to Introbook');
    await inPage(page).waitForText('Saved');
    await page.close();
  }
  panel = await h.context.newPage();
  await panel.setViewportSize({ width: 420, height: 1200 });
  await panel.goto(sidePanelUrl(h));
  await panel.getByRole('button', { name: 'Not now' }).click();
});
afterAll(async () => {
  await h?.close();
});

const nav = (section: string) => panel.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: section });
const list = () => panel.getByRole('list', { name: 'Saved people, newest first' });
const openPerson = async (name: string) => {
  await nav('People').click();
  await list().getByRole('button', { name: new RegExp(name) }).click();
  return panel.getByRole('region', { name: `Details for ${name}` });
};
const liveRequests = async () => (await storedRows<{ deletedAt: number | null; status: string }>(h.worker, 'intros')).filter((r) => r.deletedAt === null);

describe('loop details', () => {
  it('shows a "Not them" as dismissed and reversible, with how many mutuals were read and saved', async () => {
    const ada = await openPerson('Ada Lovelace');
    await expect.poll(() => ada.getByLabel('Mutual connections', { exact: true }).innerText()).toBe(
      '5 mutual connections on their profile · 2 names read · 1 saved in Introbook',
    );
    await ada.getByRole('button', { name: 'No, Charles Babbage is someone else' }).click();
    const dismissed = ada.getByRole('list', { name: 'Dismissed matches' });
    await expect.poll(() => dismissed.innerText()).toContain('Not the mutual connection Charles Babbage: the Charles Babbage you saved');
    // Not "none of them is saved": the counts still say one is.
    expect(await ada.getByLabel('Answer', { exact: true }).innerText()).toBe('5 mutual connections on their profile; 2 names read, 1 saved.');
    await dismissed.getByRole('button', { name: 'Undo: Charles Babbage may be the mutual connection' }).click();
    await expect.poll(() => ada.getByRole('button', { name: 'Yes, Charles Babbage is the mutual connection' }).count()).toBe(1);

    // The two answers sit apart, not touching.
    const yes = await ada.getByRole('button', { name: 'Yes, Charles Babbage is the mutual connection' }).boundingBox();
    const no = await ada.getByRole('button', { name: 'No, Charles Babbage is someone else' }).boundingBox();
    expect(no!.x - (yes!.x + yes!.width)).toBeGreaterThanOrEqual(6);
  });

  it('stores no untouched draft, keeps the user on the person, and deletes a request with Undo', async () => {
    const ada = await openPerson('Ada Lovelace');
    await ada.getByRole('button', { name: 'Ask Ada directly' }).click();
    const request = panel.getByRole('region', { name: 'Request to meet Ada Lovelace' });
    await expect.poll(() => request.getByRole('textbox', { name: 'Message to Ada Lovelace' }).inputValue()).toContain('Hi Ada,');
    // The checklist of a direct ask has no connection to name.
    const checklist = (await request.getByRole('complementary', { name: 'Outreach checklist' }).textContent()) ?? '';
    expect(checklist).toContain('Says why them');
    expect(checklist).not.toContain('Names the connection first');
    await request.getByRole('button', { name: 'Discard this draft' }).click();
    await expect.poll(() => panel.getByRole('region', { name: 'Details for Ada Lovelace' }).count()).toBe(1);
    expect(await liveRequests()).toStrictEqual([]);

    // Sent, then deleted (with a confirmation), then back with Undo.
    await panel.getByRole('button', { name: 'Ask Ada directly' }).click();
    await request.getByRole('button', { name: 'Copy and mark as asked' }).click();
    await request.getByRole('alertdialog').getByRole('button', { name: 'Send anyway' }).click();
    await expect.poll(() => request.getByText(/^Status:/).innerText()).toBe('Status: Asked');
    await request.getByRole('button', { name: 'Delete request' }).click();
    await request.getByRole('button', { name: 'Yes, delete it' }).click();
    const toast = panel.locator('.toasts');
    await expect.poll(() => toast.innerText()).toContain('Request to meet Ada Lovelace deleted.');
    expect(await liveRequests()).toStrictEqual([]);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await liveRequests()).map((r) => r.status)).toStrictEqual(['asked']);
  });

  it('puts the reply to an introduction on a working day', async () => {
    // A week without tomorrow: the reply "within a day" falls on the day after.
    await nav('Settings').click();
    const settings = panel.getByRole('form', { name: 'Settings' });
    await settings.getByRole('combobox', { name: 'Time zone' }).fill('Europe/London');
    /** The weekday `days` from now in London, as the panel's locale abbreviates it. */
    const weekday = (days: number) =>
      panel.evaluate((d) => new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone: 'Europe/London' }).format(Date.now() + d * 86400000), days);
    const tomorrow = await panel.evaluate(() => new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone: 'Europe/London' }).format(Date.now() + 86400000));
    for (const day of ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']) {
      await settings.getByRole('checkbox', { name: day }).setChecked(day !== tomorrow);
    }
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => settings.getByRole('status').innerText()).toBe('Settings saved.');

    const ada = await openPerson('Ada Lovelace');
    await ada.getByRole('button', { name: 'Open the request (Asked)' }).click();
    const request = panel.getByRole('region', { name: 'Request to meet Ada Lovelace' });
    await request.getByRole('group', { name: 'Next status' }).getByRole('button', { name: 'Mark as agreed' }).click();
    await expect.poll(() => request.getByText(/^Status:/).innerText()).toBe('Status: Agreed');
    // A direct ask goes straight to a meeting; an introduction is an intro request's step — make one through Charles.
    await request.getByRole('button', { name: '← Back to Ada Lovelace' }).click();
    await panel.getByRole('button', { name: 'Yes, Charles Babbage is the mutual connection' }).click();
    // With a request under way, another ask is not promoted: it waits behind "Ask someone else anyway".
    await panel.getByText('Ask someone else anyway').click();
    await panel.getByRole('button', { name: 'Ask Charles Babbage for an intro' }).click();
    const intro = panel.getByRole('region', { name: 'Request to meet Ada Lovelace' });
    await intro.getByRole('button', { name: 'I sent it another way' }).click();
    // The draft still has blanks (Settings are not filled in here): sent another way asks first, like every way of sending.
    const blanks = intro.getByRole('alertdialog');
    await expect.poll(() => blanks.innerText()).toContain('Still to fill in:');
    await blanks.getByRole('button', { name: 'Send anyway' }).click();
    await expect.poll(() => intro.getByText(/^Status:/).innerText()).toBe('Status: Asked');
    await intro.getByRole('group', { name: 'Next status' }).getByRole('button', { name: 'Mark as introduced' }).click();
    await expect.poll(() => intro.getByText(/^Status:/).innerText()).toBe('Status: Introduced');
    const next = await intro.getByLabel('Next step').innerText();
    const dayAfter = await weekday(2);
    expect(next).toContain('Next: Reply to the introduction and offer Ada Lovelace times — due');
    expect(next).toContain(`due ${dayAfter}`);
    expect(next).toMatch(/09:00/);
    expect(next).not.toContain(`due ${await weekday(1)}`);
  });

  it('asks "Did you send it?" after opening LinkedIn, says in words why email is off, and words the channel right', async () => {
    const charles = await openPerson('Charles Babbage');
    await charles.getByRole('button', { name: 'Ask Charles directly' }).click();
    const request = panel.getByRole('region', { name: 'Request to meet Charles Babbage' });
    await expect.poll(() => request.innerText()).toContain('No email saved for Charles Babbage: add it under “Your relationship” on their page.');
    expect(await request.getByRole('button', { name: 'Email draft' }).isDisabled()).toBe(true);
    const opened = h.context.waitForEvent('page');
    await request.getByRole('button', { name: 'Message on LinkedIn' }).click();
    const blanks = request.getByRole('alertdialog');
    if (await blanks.getByRole('button', { name: 'Send anyway' }).isVisible()) await blanks.getByRole('button', { name: 'Send anyway' }).click();
    const profile = await opened;
    expect(profile.url()).toBe('https://www.linkedin.com/in/charles-babbage/');
    await profile.close();
    await panel.bringToFront();
    const ask = request.getByRole('alertdialog');
    await expect.poll(() => ask.innerText()).toContain('Did you send it on LinkedIn?');
    // Nothing is marked until the user says so.
    expect(await request.getByText(/^Status:/).innerText()).toContain('New draft');
    await ask.getByRole('button', { name: 'Yes, I sent it' }).focus();
    await panel.keyboard.press('Enter');
    await expect.poll(() => request.getByText(/^Status:/).innerText()).toBe('Status: Asked');
    // The button answered is gone: focus stays in the view (its heading), not on the page body.
    await expect.poll(() => panel.evaluate(() => document.activeElement?.textContent)).toBe('Direct ask to Charles Babbage');
    expect(await request.getByRole('list', { name: 'History' }).innerText()).toContain('Asked Charles Babbage (by LinkedIn message)');
  });

  it('keeps notes typed just before leaving, and drops a stale time-zone error once fixed', async () => {
    const charles = await openPerson('Charles Babbage');
    await charles.getByRole('textbox', { name: 'Your notes' }).fill('Owes me a coffee');
    await nav('Requests').click();
    await expect.poll(async () => (await storedPeople(h.worker)).find((p) => p.name === 'Charles Babbage') as unknown as { notes: string }).toMatchObject({ notes: 'Owes me a coffee' });
    const again = await openPerson('Charles Babbage');
    expect(await again.getByRole('textbox', { name: 'Your notes' }).inputValue()).toBe('Owes me a coffee');

    await nav('Settings').click();
    const settings = panel.getByRole('form', { name: 'Settings' });
    const zone = settings.getByRole('combobox', { name: 'Time zone' });
    await zone.fill('London');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => settings.getByRole('alert').innerText()).toContain('“London” is not a time zone.');
    await zone.fill('Europe/London');
    expect(await settings.getByRole('alert').count()).toBe(0);
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => settings.getByRole('status').innerText()).toBe('Settings saved.');
  });

  it('Enter opens a person with focus on their page, Escape goes back to the row; initials come from letters only', async () => {
    await nav('People').click();
    const row = list().getByRole('button', { name: /Charles Babbage/ });
    await row.focus();
    await panel.keyboard.press('Enter');
    await expect.poll(() => panel.evaluate(() => document.activeElement?.textContent)).toBe('Charles Babbage');
    expect(await panel.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    await panel.keyboard.press('Escape');
    await expect.poll(() => list().count()).toBe(1);
    await expect.poll(() => panel.evaluate(() => document.activeElement?.getAttribute('data-person'))).toBe(
      (await storedPeople(h.worker)).find((p) => p.name === 'Charles Babbage')!.id,
    );
    // A scraped name full of markup gets no initials made of it.
    const hostile = list().getByRole('button', { name: /img src/ });
    const initials = await hostile.locator('.avatar-initials').innerText().catch(() => '');
    expect(initials).not.toMatch(/[<>=]/);
  });

  it('edits a person’s fields, and marks the ones to check until confirmed', async () => {
    const ada = await openPerson('Ada Lovelace');
    const fields = ada.getByLabel('Profile fields');
    // The headline is read from where it sits in the layout: a guess to check (role and company come from links and dates).
    await expect.poll(() => fields.innerText()).toMatch(/Headline\s+Principal Engineer at Analytical Engines[^\n]*\s+check this/);
    expect(await fields.innerText()).not.toMatch(/Role\s+Principal Engineer\s+check this/);
    await ada.getByRole('button', { name: 'Headline looks right' }).click();
    await expect.poll(() => fields.innerText()).not.toMatch(/check this/);
    await ada.getByRole('button', { name: 'Edit details' }).click();
    const form = ada.getByRole('form', { name: 'Edit Ada Lovelace' });
    await form.getByRole('textbox', { name: 'Location' }).fill('London');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => fields.innerText()).toMatch(/Location\s+London$/m);
    const stored = (await storedPeople(h.worker)).find((p) => p.name === 'Ada Lovelace')!;
    expect(stored).toMatchObject({ location: 'London', editedFields: expect.arrayContaining(['location']) });
  });

  it('opens the merge view when a save found two records of one human, and clears the hand-off', async () => {
    const people = await storedPeople(h.worker);
    const ada = people.find((p) => p.name === 'Ada Lovelace')!;
    const charles = people.find((p) => p.name === 'Charles Babbage')!;
    // What the capture side does when a save finds a duplicate (utils/ui-state.ts pendingMerge).
    await panel.evaluate(
      ([a, b]) => (chrome.storage.session as unknown as { set(v: object): Promise<void> }).set({ pendingMerge: { aId: a, bId: b } }),
      [ada.id, charles.id],
    );
    const merge = panel.getByRole('region', { name: 'Merge people' });
    await expect.poll(() => merge.count()).toBe(1);
    expect(await merge.getByRole('table', { name: 'Choose each field' }).innerText()).toContain('Name');
    expect((await panel.evaluate(() => chrome.storage.session.get('pendingMerge'))).pendingMerge ?? null).toBeNull();
    // Ada and Charles are the connector and the person to meet in one request: the merge is refused, with the reason.
    expect(await merge.getByRole('alert').innerText()).toContain('Delete it before merging (a withdrawn request still names them both).');
    expect(await merge.getByRole('button', { name: 'Merge into one' }).isDisabled()).toBe(true);
    await merge.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => merge.count()).toBe(0);
  });
});
