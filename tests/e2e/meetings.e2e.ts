/**
 * Prepare, meet, follow through — in Chromium with the built extension:
 * a Meet page served on meet.google.com goes from lobby to call with a saved
 * person and the side panel (opened as a page) switches to their prep sheet;
 * notes typed there are saved; leaving the call brings up the after-call
 * steps. With the panel closed, the call raises "prep notes are ready".
 * Zoom's and Teams' pages are followed through lobby, call and end too.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, popupUrl, sidePanelUrl, storedPeople, tabIdOf, type Harness } from './harness';
import { inPage } from './in-page';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

interface StoredCall {
  tabId: number;
  site: string;
  state: string;
  participants: string[];
  self: string | null;
  match: { personId: string; name: string; meetingId: string; how: string } | null;
}

const liveCalls = () =>
  h.worker.evaluate(async () => Object.values(((await chrome.storage.session.get('liveCalls')).liveCalls ?? {}) as Record<string, unknown>)) as Promise<StoredCall[]>;

async function callOfTab(tabId: number, state: string): Promise<StoredCall> {
  let found: StoredCall | undefined;
  await expect
    .poll(async () => {
      found = (await liveCalls()).find((c) => c.tabId === tabId);
      return found?.state;
    }, { timeout: 15_000 })
    .toBe(state);
  return found!;
}

/** A row of one of our tables, read with raw IndexedDB in the service worker. */
function storedRow(table: string, key: string): Promise<Record<string, unknown> | null> {
  return h.worker.evaluate(
    ([table, key]) =>
      new Promise<Record<string, unknown> | null>((done, fail) => {
        const open = indexedDB.open('introbook');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction(table!).objectStore(table!).get(key!);
          get.onsuccess = () => {
            db.close();
            done((get.result as Record<string, unknown>) ?? null);
          };
          get.onerror = () => fail(get.error);
        };
      }),
    [table, key] as const,
  );
}

/** Write a row with raw IndexedDB in the service worker (test set-up for tables without an index field). */
function putRow(table: string, row: Record<string, unknown>): Promise<void> {
  return h.worker.evaluate(
    ([table, row]) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('introbook');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(table as string, 'readwrite');
          tx.objectStore(table as string).put(row);
          tx.oncomplete = () => {
            db.close();
            done();
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    [table, row] as const,
  );
}

async function save(url: string): Promise<void> {
  const page = await h.context.newPage();
  await page.goto(url);
  await inPage(page).click('Save to Introbook');
  await inPage(page).waitForText('Saved');
  await page.close();
}

const nav = (panel: Page, section: string) => panel.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: section });

/** WCAG 2.1 A/AA violations axe-core finds on the page (as in accessibility.e2e.ts). */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('meetings', () => {
  it('a Meet call with a saved person switches the panel to their prep sheet; notes are saved; the end brings the after-call steps', async () => {
    await save('https://www.linkedin.com/in/ada-lovelace/');
    const panel = await h.context.newPage();
    await panel.setViewportSize({ width: 460, height: 1200 });
    await panel.goto(sidePanelUrl(h));
    // The user's own name: never matched, even if they saved themselves.
    await nav(panel, 'Settings').click();
    await panel.getByRole('form', { name: 'Settings' }).getByRole('textbox', { name: 'Your name' }).fill('Sam Rivera');
    await panel.getByRole('textbox', { name: 'Tell me about yourself' }).fill('An analyst moving into product.');
    await panel.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => panel.getByRole('status').filter({ hasText: 'Settings saved.' }).count()).toBe(1);
    await nav(panel, 'People').click();

    // A direct ask to Ada that got as far as a scheduled meeting (rows as the request board would write them).
    const ada = (await storedPeople(h.worker)).find((p) => p.name === 'Ada Lovelace')!;
    const requestId = '0f6b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
    const at = Date.now() - 86_400_000;
    await putRow('intros', {
      id: requestId,
      kind: 'direct',
      targetId: ada.id,
      connectorId: null,
      status: 'meeting-scheduled',
      history: [
        { from: null, to: 'draft', at, note: '', correction: false },
        { from: 'draft', to: 'asked', at, note: '', correction: false },
        { from: 'asked', to: 'meeting-scheduled', at, note: '', correction: false },
      ],
      subject: '',
      message: '',
      blurb: '',
      templateId: null,
      channel: 'copy',
      followUps: [],
      dueOverride: null,
      meetingAt: null,
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
    });

    const meet = await h.context.newPage();
    await meet.goto('https://meet.google.com/abc-defg-hij?participant=Ada%20Lovelace');
    const tabId = await tabIdOf(h.worker, meet);
    await callOfTab(tabId, 'lobby');
    await meet.getByRole('button', { name: 'Join now' }).click();
    const call = await callOfTab(tabId, 'in-call');
    expect(call).toMatchObject({ site: 'meet', participants: ['Ada Lovelace'], self: 'Sam Rivera', match: { name: 'Ada Lovelace', how: 'name' } });

    // The panel (open as a page, so it follows the most recent call) is now "In call" on Ada's prep sheet.
    await panel.bringToFront();
    const sheet = panel.getByRole('region', { name: 'Prep sheet for Ada Lovelace' });
    await expect.poll(() => sheet.count(), { timeout: 15_000 }).toBe(1);
    expect(await nav(panel, 'In call').getAttribute('aria-current')).toBe('page');
    expect(await sheet.getByRole('timer', { name: 'Time in the call' }).count()).toBe(1);
    expect(await violations(panel)).toStrictEqual([]);
    await sheet.getByText('Your prep', { exact: true }).click();
    expect(await sheet.getByText('An analyst moving into product.').count()).toBe(1);

    // Quick notes are saved as typed, with no save button.
    await sheet.getByRole('textbox', { name: 'Quick notes' }).fill('Ada suggests the reading group; compilers are hiring interest');
    await expect.poll(() => sheet.getByText('Saved').count()).toBeGreaterThan(0);
    await expect
      .poll(async () => (await storedRow('meetingNotes', call.match!.meetingId))?.callNotes)
      .toBe('Ada suggests the reading group; compilers are hiring interest');
    // Questions ticked during the call, "who else should I talk to?" names.
    await sheet.getByRole('textbox', { name: 'Your own question' }).fill('What surprised you most this year?');
    await sheet.getByRole('button', { name: 'Add question' }).click();
    await sheet.getByRole('checkbox', { name: 'What surprised you most this year?' }).check();
    await sheet.getByRole('textbox', { name: 'Someone to talk to' }).fill('Grace Hopper');
    await sheet.getByRole('textbox', { name: 'Who they are' }).fill('runs the compiler reading group');
    await sheet.getByRole('button', { name: 'Add person' }).click();
    await expect.poll(async () => ((await storedRow('meetingNotes', call.match!.meetingId))?.suggestions as unknown[] | undefined)?.length).toBe(1);
    expect(((await storedRow('meetingNotes', call.match!.meetingId))?.questions as { done: boolean }[])[0]?.done).toBe(true);

    // Leaving the call brings up the after-call steps.
    await meet.bringToFront();
    await meet.getByRole('button', { name: 'Leave call' }).click();
    await callOfTab(tabId, 'ended');
    await panel.bringToFront();
    const after = panel.getByRole('region', { name: 'After the call with Ada Lovelace' });
    await expect.poll(() => after.count(), { timeout: 15_000 }).toBe(1);
    // The request moved to "met" when the call ended; Undo puts it back.
    expect((await storedRow('intros', requestId))?.status).toBe('met');
    await after.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await storedRow('intros', requestId))?.status).toBe('meeting-scheduled');
    await expect.poll(() => after.getByText(/Undone: the request is back to “Meeting scheduled”/).count()).toBe(1);
    expect(await violations(panel)).toStrictEqual([]);
    await after.getByRole('textbox', { name: 'Conversation notes' }).fill('Warm, practical; short on time.');
    await after.getByRole('group', { name: 'Formality' }).getByRole('radio', { name: 'Relaxed' }).check();
    await after.getByRole('textbox', { name: 'A piece of advice' }).fill('Join the compiler reading group');
    await after.getByRole('button', { name: 'Add advice' }).click();
    await after.getByRole('textbox', { name: 'What you’ll do with their advice' }).fill('email Grace this week');
    // The thank-you draft cites what was noted; the follow-up reminders are in place (the request tracks the thank-you).
    const thanks = after.getByRole('textbox', { name: 'Thank-you to Ada Lovelace' });
    await expect.poll(() => thanks.inputValue()).toContain('Your advice about join the compiler reading group was especially useful, and I am going to email Grace this week.');
    const tasks = after.getByRole('list', { name: 'Follow-through for this meeting' });
    await expect.poll(() => tasks.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('Connect with Ada Lovelace on LinkedIn'),
      expect.stringContaining('Tell Ada what you did with their advice'),
    ]);
    // The person suggested becomes someone to follow up.
    await after.getByRole('button', { name: 'Save Grace Hopper to follow up' }).click();
    await expect.poll(() => after.getByText('(saved, with a reminder to reach out)').count()).toBe(1);
    await expect.poll(async () => ((await storedRow('meetingNotes', call.match!.meetingId))?.culture as { formality: number } | undefined)?.formality).toBe(2);
    await meet.close();
  });

  it('with the panel closed, a call with a saved person says its prep notes are ready', async () => {
    for (const page of h.context.pages()) if (page.url().startsWith('chrome-extension://')) await page.close();
    const meet = await h.context.newPage();
    await meet.goto('https://meet.google.com/xyz-abcd-efg?participant=Ada%20Lovelace');
    const tabId = await tabIdOf(h.worker, meet);
    await callOfTab(tabId, 'lobby');
    await meet.getByRole('button', { name: 'Join now' }).click();
    await callOfTab(tabId, 'in-call');
    await expect
      .poll(() => h.worker.evaluate(() => new Promise<string[]>((done) => chrome.notifications.getAll((all) => done(Object.keys(all))))))
      .toContain(`introbook-call:${tabId}`);
    // The toolbar popup offers the prep notes (its click is the gesture Chrome needs to open the panel).
    const popup = await h.context.newPage();
    await popup.goto(popupUrl(h, tabId));
    await expect.poll(() => popup.getByRole('button', { name: 'Open prep notes for Ada Lovelace' }).count()).toBe(1);
    await popup.close();
    await meet.close();
    // Closing the tab ends the call.
    await callOfTab(tabId, 'ended');
  });

  it.each([
    ['Zoom', 'https://app.zoom.us/wc/81234567890/join?pwd=secret', 'Join', 'Leave', 'zoom', 'Jürgen Müller'],
    ['Teams', 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzQ4%40thread.v2/0', 'Join now', 'Leave', 'teams', 'Zoë Ångström'],
  ])('%s: lobby, call and end are followed, with participants and the user left out', async (_site, url, join, leave, site, other) => {
    const page = await h.context.newPage();
    await page.goto(url);
    const tabId = await tabIdOf(h.worker, page);
    await callOfTab(tabId, 'lobby');
    await page.getByRole('button', { name: join, exact: true }).click();
    const call = await callOfTab(tabId, 'in-call');
    expect(call).toMatchObject({ site, participants: [other], self: 'Sam Rivera' });
    await page.getByRole('button', { name: leave, exact: true }).click();
    await callOfTab(tabId, 'ended');
    await page.close();
  });
});
