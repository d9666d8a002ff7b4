/**
 * First run: installing Introbook opens the welcome page (the three moves, and
 * the few things templates and prep sheets need, all skippable); the options
 * page gathers the settings views and the keyboard shortcuts, and the side
 * panel and popup lead to it. Axe in light and dark on both pages.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, popupUrl, sidePanelUrl, storedRows, type Harness } from './harness';
import { inBothSchemes } from './looks';

let h: Harness;
beforeAll(async () => {
  h = await launch({ keepWelcome: true });
});
afterAll(async () => {
  await h?.close();
});

const storedSettings = async () => (await storedRows<{ value: Record<string, unknown> }>(h.worker, 'settings'))[0]?.value;

describe('first run', () => {
  it('opens the welcome page on install; what it asks is saved, and every field may stay empty', async () => {
    const welcome = h.welcome!;
    expect(welcome.url()).toBe(`chrome-extension://${h.extensionId}/welcome.html`);
    await welcome.setViewportSize({ width: 1000, height: 900 });
    await welcome.getByRole('heading', { name: 'Welcome to Introbook' }).waitFor();
    expect(await welcome.getByRole('list').first().getByRole('heading').allInnerTexts()).toStrictEqual([
      'Save people',
      'Ask for intros',
      'Prepare and follow through',
    ]);
    const form = welcome.getByRole('form', { name: 'About you' });
    for (const field of ['Your name', 'Current role', 'Background, in a sentence', 'Goal', 'Résumé link']) {
      expect(await form.getByRole('textbox', { name: field, exact: true }).inputValue(), field).toBe('');
    }
    // The browser's own time zone and a Monday–Friday week to start from.
    expect(await form.getByRole('combobox', { name: 'Time zone' }).inputValue()).not.toBe('');
    expect(await form.getByRole('checkbox', { name: 'Monday' }).isChecked()).toBe(true);
    expect(await form.getByRole('checkbox', { name: 'Sunday' }).isChecked()).toBe(false);
    await inBothSchemes(welcome, 'welcome');

    await form.getByRole('textbox', { name: 'Your name' }).fill('Sam Rivera');
    await form.getByRole('textbox', { name: 'Current role' }).fill('data analyst at Acme');
    await form.getByRole('textbox', { name: 'Goal' }).fill('product management in climate tech');
    await form.getByRole('combobox', { name: 'Time zone' }).fill('Europe/London');
    await form.getByRole('checkbox', { name: 'Friday' }).uncheck();
    await form.getByRole('button', { name: 'Save and start' }).click();
    await welcome.getByRole('heading', { name: 'Saved. You’re ready.' }).waitFor();
    expect(await storedSettings()).toMatchObject({
      name: 'Sam Rivera',
      currentRole: 'data analyst at Acme',
      background: '',
      goal: 'product management in climate tech',
      resumeUrl: '',
      timeZone: 'Europe/London',
      workingDays: [1, 2, 3, 4],
    });

    // Skipping saves nothing.
    const again = await h.context.newPage();
    await again.goto(`chrome-extension://${h.extensionId}/welcome.html`);
    await again.getByRole('textbox', { name: 'Your name' }).fill('Somebody Else');
    await again.getByRole('button', { name: 'Skip for now' }).click();
    await again.getByRole('heading', { name: 'You can fill these in any time.' }).waitFor();
    expect(await storedSettings()).toMatchObject({ name: 'Sam Rivera' });
    await again.close();

    // "Open Options" leads on.
    const opened = h.context.waitForEvent('page');
    await welcome.getByRole('button', { name: 'Open Options' }).click();
    const options = await opened;
    await options.waitForURL(/\/options\.html/);
    await options.close();
  });

  it('the options page holds profile, reminders, templates, data, privacy and shortcuts, reached from the side panel and popup', async () => {
    const panel = await h.context.newPage();
    await panel.goto(sidePanelUrl(h));
    let opened = h.context.waitForEvent('page');
    await panel.getByRole('button', { name: 'Options' }).click();
    const options: Page = await opened;
    await options.waitForURL(/\/options\.html/);
    await options.setViewportSize({ width: 1000, height: 900 });
    const settings = options.getByRole('form', { name: 'Settings' });
    // The profile the welcome page saved, in the same settings form as the side panel's.
    await expect.poll(() => settings.getByRole('textbox', { name: 'Your name' }).inputValue()).toBe('Sam Rivera');
    expect(await settings.getByRole('textbox', { name: 'Current role' }).inputValue()).toBe('data analyst at Acme');
    for (const nav of ['Profile, reminders and data', 'Templates', 'Privacy', 'Keyboard shortcuts']) {
      expect(await options.getByRole('navigation', { name: 'Options sections' }).getByRole('link', { name: nav }).count(), nav).toBe(1);
    }
    expect(await options.getByRole('list', { name: 'Your templates' }).getByRole('listitem').count()).toBeGreaterThan(3);
    expect(await options.getByRole('heading', { name: 'Your data' }).count()).toBe(1);
    const shortcuts = options.getByRole('region', { name: 'Keyboard shortcuts' });
    await expect.poll(() => shortcuts.innerText()).toContain('Save the person on this page to Introbook');
    expect(await shortcuts.innerText()).toContain('Alt+Shift+S');
    expect(await shortcuts.getByRole('button', { name: 'Change shortcuts in the browser' }).count()).toBe(1);

    // Reminders: off, or quiet hours, saved with the form.
    await settings.getByRole('checkbox', { name: /No notifications between/ }).check();
    await settings.getByLabel('Quiet from').fill('22:30');
    await settings.getByLabel('Quiet until').fill('07:15');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(async () => (await storedSettings())?.quietHoursStart).toBe('22:30');
    expect(await storedSettings()).toMatchObject({ remindersEnabled: true, quietHoursEnabled: true, quietHoursStart: '22:30', quietHoursEnd: '07:15' });
    await inBothSchemes(options, 'options');

    // The popup's header leads there too (a new tab once the open one is closed: the browser reuses it).
    await options.close();
    const popup = await h.context.newPage();
    await popup.goto(popupUrl(h));
    opened = h.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Options' }).click();
    await (await opened).waitForURL(/\/options\.html/);
    await Promise.all([panel.close(), popup.close()]);
  });

  it('the side panel asks for what templates still need; saving it there stores it and the prompt goes', async () => {
    // The welcome page left the background empty: the panel's first view (read through the background) asks for it alone.
    const panel = await h.context.newPage();
    await panel.goto(sidePanelUrl(h));
    const prompt = panel.getByRole('form', { name: 'Before your first ask' });
    await prompt.waitFor();
    expect(await prompt.getByRole('textbox').count()).toBe(1);
    await prompt.getByRole('textbox', { name: 'Background' }).fill('a data analyst moving into product');
    await prompt.getByRole('button', { name: 'Save' }).click();
    // The panel saved with its own store code; the background's live settings hear of it and the prompt goes.
    await expect.poll(() => prompt.count(), { timeout: 10_000 }).toBe(0);
    expect(await storedSettings()).toMatchObject({ name: 'Sam Rivera', background: 'a data analyst moving into product', goal: 'product management in climate tech' });
    await panel.close();
  });
});
