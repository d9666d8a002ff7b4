/**
 * Never lose a contact, never leak one — in Chromium with the built extension:
 * - export from the side panel, import the file into a fresh profile: every
 *   person, request and photo arrives intact;
 * - a content script cannot read or write storage.local;
 * - a saved person's photo renders from the local copy, with no request
 *   leaving the extension, and the pages' CSP blocks remote images.
 */
import AxeBuilder from '@axe-core/playwright';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { launch, sidePanelUrl, storedPeople, tabIdOf, type Harness } from './harness';
import { inPage } from './in-page';

const open: Harness[] = [];
const tmp = mkdtempSync(join(tmpdir(), 'introbook-data-e2e-'));
afterAll(async () => {
  for (const h of open.splice(0)) await h.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function start(): Promise<Harness> {
  const h = await launch();
  open.push(h);
  return h;
}
async function stop(h: Harness): Promise<void> {
  open.splice(open.indexOf(h), 1);
  await h.close();
}

/** Every row of a table, read with raw IndexedDB in the service worker (not through Introbook's code). */
function storedRows(worker: Worker, table: string): Promise<{ id: string }[]> {
  return worker.evaluate(
    (name) =>
      new Promise<{ id: string }[]>((done, fail) => {
        const request = indexedDB.open('introbook');
        request.onerror = () => fail(request.error);
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            done([]);
            return;
          }
          const all = db.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => {
            db.close();
            done((all.result as { id: string }[]).sort((a, b) => a.id.localeCompare(b.id)));
          };
          all.onerror = () => fail(all.error);
        };
      }),
    table,
  );
}

async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value)) {
    if (Date.now() > deadline) throw new Error(`never happened: ${what}; last value ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 150));
    value = await read();
  }
  return value;
}

async function save(h: Harness, url: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(url);
  await inPage(page).click('Save to Introbook');
  await inPage(page).waitForText('Saved');
  return page;
}

const nav = (panel: Page, section: string) => panel.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: section });

describe('export and import between profiles', () => {
  it('exports from the side panel and imports into a fresh profile, every person and request intact', async () => {
    const a = await start();
    for (const url of [
      'https://www.linkedin.com/in/ada-lovelace/',
      'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-1a2b/',
      'https://www.linkedin.com/in/charles-babbage/',
    ]) {
      await (await save(a, url)).close();
    }
    const panel = await a.context.newPage();
    await panel.goto(sidePanelUrl(a));
    // A request, made through the app: a direct ask to Ada.
    await panel.getByRole('list', { name: 'Saved people, newest first' }).getByRole('button', { name: /Ada Lovelace/ }).click();
    await panel.getByRole('button', { name: /^Ask Ada directly$/ }).click();
    // An untouched draft is not stored: write in it.
    const message = panel.getByRole('region', { name: 'Request to meet Ada Lovelace' }).getByRole('textbox', { name: 'Message to Ada Lovelace' });
    await expect.poll(() => message.inputValue()).toContain('Hi Ada,');
    await message.press('End');
    await message.pressSequentially(' Thank you!');
    await message.blur();
    // Stored as typed (the draft is saved while typing: wait for the whole text, not the first keystroke).
    const intros = await waitFor(
      () => storedRows(a.worker, 'intros'),
      (rows) => rows.length === 1 && String((rows[0] as { message?: unknown }).message).includes('Thank you!'),
      'the request is stored with what was typed',
    );
    const photos = await waitFor(() => storedRows(a.worker, 'photos'), (rows) => rows.length >= 1, 'photos are stored');

    await nav(panel, 'Settings').click();
    const data = panel.getByRole('region', { name: 'Your data' });
    const [download] = await Promise.all([panel.waitForEvent('download'), data.getByRole('button', { name: 'Export everything (JSON backup)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^introbook-backup-\d{4}-\d\d-\d\d\.json$/);
    const file = join(tmp, download.suggestedFilename());
    copyFileSync(await download.path(), file);
    await expect.poll(() => data.getByText(/^Exported 3 people and 1 request to/).count()).toBe(1);
    await expect.poll(() => data.getByText(/^Last export: /).count()).toBe(1);
    const people = (await storedPeople(a.worker)).sort((x, y) => x.id.localeCompare(y.id));
    await stop(a);

    const b = await start();
    const fresh = await b.context.newPage();
    await fresh.goto(sidePanelUrl(b));
    await nav(fresh, 'Settings').click();
    const freshData = fresh.getByRole('region', { name: 'Your data' });
    await freshData.getByLabel('Choose an Introbook backup (.json)').setInputFiles(file);
    const review = freshData.getByRole('region', { name: /^Review the import from introbook-backup-/ });
    await expect.poll(() => review.getByRole('row', { name: /^People/ }).innerText()).toMatch(/^People\s+3\s+0\s+0\s+0\s+0$/);
    expect(await storedPeople(b.worker)).toStrictEqual([]); // nothing written before the user says so
    await review.getByRole('button', { name: /^Import \d+ changes$/ }).click();
    await expect.poll(() => freshData.getByText(/^Imported: \d+ new, 0 updated\./).count()).toBe(1);

    expect((await storedPeople(b.worker)).sort((x, y) => x.id.localeCompare(y.id))).toStrictEqual(people);
    expect(await storedRows(b.worker, 'intros')).toStrictEqual(intros);
    expect(await storedRows(b.worker, 'photos')).toStrictEqual(photos);
    // The imported people show up in the side panel of the new profile.
    await nav(fresh, 'People').click();
    await expect.poll(() => fresh.getByRole('list', { name: 'Saved people, newest first' }).getByRole('button').count()).toBe(3);

    // Changed their mind: the safety copy taken before the import undoes it.
    await nav(fresh, 'Settings').click();
    const copies = freshData.getByRole('list', { name: 'Safety copies, newest first' });
    await copies.getByRole('listitem').filter({ hasText: /^Before an import/ }).getByRole('button', { name: /^Restore the copy of / }).click();
    const restore = freshData.getByRole('region', { name: /^Replace your data with the safety copy of / });
    await restore.getByRole('checkbox', { name: /I understand/ }).check();
    await restore.getByRole('button', { name: 'Replace my data' }).click();
    await expect.poll(() => freshData.getByText(/^Restored \d+ records?\./).count()).toBe(1);
    expect(await storedPeople(b.worker)).toStrictEqual([]);
    expect(await storedRows(b.worker, 'intros')).toStrictEqual([]);
    await stop(b);
  });
});

describe('the security boundary', () => {
  it('a content script cannot read or write storage.local', async () => {
    const h = await start();
    // A page the end-to-end build may script (as a user's click on the toolbar button would allow):
    // code injected there runs in Introbook's isolated world, where its content scripts run.
    const page = await h.context.newPage();
    await page.goto('https://github.com/octo-ada');
    await h.worker.evaluate(() => chrome.storage.local.set({ 'e2e:probe': 'kept by the extension' }));
    const tabId = await tabIdOf(h.worker, page);
    const result = await h.worker.evaluate(async (tab) => {
      const [injection] = await chrome.scripting.executeScript({
        target: { tabId: tab },
        func: async () => {
          const out: { read: string; write: string } = { read: '', write: '' };
          try {
            out.read = `read ${JSON.stringify(await chrome.storage.local.get(null))}`;
          } catch (error) {
            out.read = `denied: ${(error as Error).message}`;
          }
          try {
            await chrome.storage.local.set({ 'e2e:probe': 'changed by a page' });
            out.write = 'written';
          } catch (error) {
            out.write = `denied: ${(error as Error).message}`;
          }
          return out;
        },
      });
      return injection?.result as { read: string; write: string };
    }, tabId);
    expect(result.read).toMatch(/^denied/);
    expect(result.write).toMatch(/^denied/);
    expect(await h.worker.evaluate(() => chrome.storage.local.get('e2e:probe'))).toStrictEqual({ 'e2e:probe': 'kept by the extension' });
    await stop(h);
  });
});

describe('the privacy page', () => {
  it('opens from Settings and explains every permission the extension holds, accessibly', async () => {
    const h = await start();
    const panel = await h.context.newPage();
    await panel.goto(sidePanelUrl(h));
    await nav(panel, 'Settings').click();
    const [privacy] = await Promise.all([
      h.context.waitForEvent('page'),
      panel.getByRole('link', { name: 'What Introbook stores, and what each permission is for' }).click(),
    ]);
    await privacy.waitForLoadState();
    expect(privacy.url()).toBe(`chrome-extension://${h.extensionId}/privacy.html`);
    const permissions = privacy.getByRole('region', { name: 'Permissions, and what each is for' });
    const manifest = (await h.worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): { permissions: string[] } } } }).chrome.runtime.getManifest())) as {
      permissions: string[];
    };
    for (const permission of manifest.permissions) expect(await permissions.getByText(permission, { exact: true }).count()).toBe(1);
    expect(await permissions.innerText()).toContain('media.licdn.com');
    expect(await privacy.getByRole('region', { name: 'What leaves your computer' }).innerText()).toMatch(/Nothing, unless you export a file/);
    // The only unexplained entries are the end-to-end build's test hosts (wxt.config.ts E2E_HOSTS).
    const unexplained = await permissions
      .locator('.privacy-row')
      .filter({ hasText: 'Not explained: please report this.' })
      .locator('dt')
      .allInnerTexts();
    expect(unexplained.sort()).toStrictEqual(['https://github.com/*', 'https://people.example.edu/*', 'https://team.example.org/*']);
    const result = await new AxeBuilder({ page: privacy }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(result.violations.map((v) => v.id)).toStrictEqual([]);
    await stop(h);
  });
});

describe('photos', () => {
  it('a saved person’s photo renders from the local copy, with no request leaving the extension', async () => {
    const h = await start();
    await (await save(h, 'https://www.linkedin.com/in/ada-lovelace/')).close();
    const [photo] = await waitFor(() => storedRows(h.worker, 'photos'), (rows) => rows.length === 1, 'the photo is stored');
    expect((photo as unknown as { dataUrl: string }).dataUrl).toMatch(/^data:image\/jpeg;base64,/);
    const served = h.server.requests.length;

    const panel = await h.context.newPage();
    const external: string[] = [];
    panel.on('request', (request) => {
      if (!/^(chrome-extension|data|blob):/.test(request.url())) external.push(request.url());
    });
    await panel.goto(sidePanelUrl(h));
    const row = panel.getByRole('list', { name: 'Saved people, newest first' }).getByRole('button', { name: /Ada Lovelace/ });
    const avatar = row.locator('img.avatar');
    await expect.poll(() => avatar.getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);
    await expect.poll(() => avatar.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await row.click();
    const details = panel.getByRole('region', { name: 'Details for Ada Lovelace' });
    await expect.poll(() => details.locator('img.avatar').getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);

    expect(external).toStrictEqual([]);
    // The pages' CSP refuses remote images outright: the browser never sends the request.
    const loaded = await panel.evaluate(
      () =>
        new Promise<string>((done) => {
          const img = document.createElement('img');
          img.onload = () => done('loaded');
          img.onerror = () => done('blocked');
          img.src = 'https://media.licdn.com/dms/image/csp-probe.png';
          document.body.append(img);
        }),
    );
    expect(loaded).toBe('blocked');

    expect(h.server.requests.slice(served)).toStrictEqual([]);
    await stop(h);
  });
});
