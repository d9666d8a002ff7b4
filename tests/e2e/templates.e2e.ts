/**
 * Templates (create, flag unknown variables, duplicate, delete, restore), a
 * connector added by hand, and a direct ask whose due date the user moves.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, sidePanelUrl, storedPeople, type Harness } from './harness';
import { inPage } from './in-page';

let h: Harness;
let panel: Page;
beforeAll(async () => {
  h = await launch();
  panel = await h.context.newPage();
  await panel.goto(sidePanelUrl(h));
});
afterAll(async () => {
  await h?.close();
});

const nav = (section: string) => panel.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: section });

describe('templates', () => {
  it('creates a template, flags an unknown variable, duplicates and deletes it, and restores a built-in', async () => {
    await nav('Templates').click();
    const list = panel.getByRole('list', { name: 'Your templates' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(9);

    await panel.getByRole('button', { name: 'New template' }).click();
    const form = panel.getByRole('form', { name: 'New template' });
    await form.getByRole('combobox', { name: 'Used for' }).selectOption({ label: 'Nudge' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Two-line nudge');
    await form.getByRole('textbox', { name: 'Message' }).fill('Hi {{conector.firstName}}, any news?');
    await expect.poll(() => form.getByRole('list', { name: 'Template problems' }).innerText()).toContain(
      '{{conector.firstName}} is not a variable Introbook knows.',
    );
    await form.getByRole('textbox', { name: 'Message' }).fill('Hi {{connector.firstName}}, any news?');
    await expect.poll(() => form.getByRole('list', { name: 'Template problems' }).count()).toBe(0);
    await form.getByRole('button', { name: 'Save template' }).click();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(10);

    await list.getByRole('button', { name: 'Duplicate Two-line nudge' }).click();
    await expect.poll(() => list.getByText('Two-line nudge (copy)').count()).toBe(1);
    await list.getByRole('button', { name: 'Delete Two-line nudge (copy)' }).click();
    await list.getByRole('button', { name: 'Delete Friendly nudge', exact: true }).click();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(9);
    await panel.getByRole('button', { name: 'Restore built-in templates' }).click();
    await expect.poll(() => list.getByText('Friendly nudge', { exact: true }).count()).toBe(1);

    await list.getByRole('button', { name: 'Edit Two-line nudge' }).click();
    const edit = panel.getByRole('form', { name: 'Edit Two-line nudge' });
    await edit.getByRole('textbox', { name: 'Name' }).fill('Short nudge');
    await edit.getByRole('button', { name: 'Save template' }).click();
    await expect.poll(() => list.getByText('Short nudge').count()).toBe(1);
  });
});

describe('connectors by hand and direct asks', () => {
  it('adds a connector by hand for a saved person, asks directly, and moves the due date', async () => {
    const page = await h.context.newPage();
    await page.goto('https://www.linkedin.com/in/lise-meitner/');
    await inPage(page).click('Save to Introbook');
    await inPage(page).waitForText('Saved');
    await page.close();

    await nav('People').click();
    await panel.getByRole('button', { name: /Lise Meitner/ }).click();
    await panel.getByRole('button', { name: 'Add a connector by hand' }).click();
    const add = panel.getByRole('form', { name: 'Add a connector' });
    await add.getByRole('textbox', { name: 'Name' }).fill('Otto Hahn');
    await add.getByRole('textbox', { name: 'How you know them' }).fill('Former lab partner');
    await add.getByRole('textbox', { name: 'Email' }).fill('otto@example.org');
    await add.getByRole('combobox', { name: 'How well' }).selectOption({ label: 'Close' });
    await add.getByRole('button', { name: 'Add connector' }).click();
    const ranked = panel.getByRole('list', { name: 'Possible connectors, best first' });
    await expect.poll(() => ranked.innerText()).toContain('Otto Hahn — You are close');
    const otto = (await storedPeople(h.worker)).find((p) => p.name === 'Otto Hahn');
    expect(otto).toMatchObject({ profileUrl: expect.stringMatching(/^urn:uuid:/), knowsPersonally: true, email: 'otto@example.org' });

    await panel.getByRole('button', { name: 'Ask Lise directly' }).click();
    const request = panel.getByRole('region', { name: 'Request to meet Lise Meitner' });
    await expect.poll(() => request.getByRole('textbox', { name: 'Message to Lise Meitner' }).inputValue()).toContain('Hi Lise,');
    // No connector, so no blurb; her email is unknown, so no email draft.
    expect(await request.getByRole('textbox', { name: 'Forwardable blurb about you' }).count()).toBe(0);
    expect(await request.getByRole('button', { name: 'Email draft' }).isDisabled()).toBe(true);
    await request.getByRole('button', { name: 'Copy and mark as asked' }).click();
    // Settings are empty here: the message still has blanks, and sending asks first.
    const blanks = request.getByRole('alertdialog');
    await expect.poll(() => blanks.innerText()).toContain('Still to fill in: [what you are exploring]');
    await blanks.getByRole('button', { name: 'Send anyway' }).click();
    await expect.poll(() => request.getByLabel('Next step').innerText()).toContain('Next: Nudge Lise Meitner — due');

    await request.getByLabel('Change due date').fill('2030-01-15T10:30');
    await request.getByLabel('Change due date').press('Enter');
    await expect.poll(() => request.getByLabel('Next step').innerText()).toContain('(your date)');
    await request.getByRole('button', { name: 'Back to the schedule' }).click();
    await expect.poll(() => request.getByLabel('Next step').innerText()).not.toContain('(your date)');
  });
});

describe('a saved person in the side panel', () => {
  it('keeps the user’s relationship and notes, and removes the person on confirmation', async () => {
    await nav('People').click();
    await panel.getByRole('list', { name: 'Saved people, newest first' }).getByRole('button', { name: /Lise Meitner/ }).click();
    const details = panel.getByRole('region', { name: 'Details for Lise Meitner' });

    const relationship = details.getByRole('form', { name: 'Your relationship with Lise Meitner' });
    await details.getByText('Your relationship').click();
    await relationship.getByRole('checkbox', { name: 'I know them' }).check();
    await relationship.getByRole('combobox', { name: 'How well' }).selectOption({ label: 'Acquaintance' });
    await relationship.getByRole('textbox', { name: 'How you know them' }).fill('Met at a physics conference');
    await relationship.getByRole('button', { name: 'Save relationship' }).click();
    await expect.poll(() => relationship.getByRole('status').innerText()).toBe('Saved.');

    await details.getByRole('textbox', { name: 'Your notes' }).fill('Ask about the Kaiser-Wilhelm-Institut <b>years</b>');
    // Saved as typed, no button to forget.
    await expect.poll(() => details.getByRole('status').filter({ hasText: 'Notes saved.' }).count()).toBe(1);
    const lise = (await storedPeople(h.worker)).find((p) => p.name === 'Lise Meitner') as unknown as Record<string, unknown>;
    expect(lise).toMatchObject({ knowsPersonally: true, closeness: 1, howWeKnow: 'Met at a physics conference', notes: 'Ask about the Kaiser-Wilhelm-Institut <b>years</b>' });

    await details.getByRole('button', { name: 'Remove from Introbook' }).click();
    await details.getByRole('button', { name: 'Yes, remove Lise Meitner' }).click();
    const list = panel.getByRole('list', { name: 'Saved people, newest first' });
    await expect.poll(() => list.getByRole('button', { name: /Lise Meitner/ }).count()).toBe(0);
    // A soft delete: the row stays as a tombstone for sync.
    expect((await storedPeople(h.worker)).find((p) => p.name === 'Lise Meitner')?.deletedAt).toEqual(expect.any(Number));
    // …and the confirmation offers Undo.
    const toast = panel.locator('.toasts');
    expect(await toast.innerText()).toContain('Removed Lise Meitner.');
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => list.getByRole('button', { name: /Lise Meitner/ }).count()).toBe(1);
    expect((await storedPeople(h.worker)).find((p) => p.name === 'Lise Meitner')?.deletedAt).toBeNull();
  });
});
