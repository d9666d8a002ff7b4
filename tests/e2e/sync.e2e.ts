/**
 * Sync between two browser profiles (two persistent contexts, each with the
 * built extension) through the real relay started here on 127.0.0.1: pairing
 * with the code from the settings page, a save reaching the other browser
 * within 2 s, concurrent edits (different fields, the same field), edits made
 * while the relay is down, a request moved on one browser, the service worker
 * stopped and started again, and what the relay keeps on disk.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page, Worker } from 'playwright-core';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelay, type Relay } from '../../server/relay.mjs';
import { deriveVaultKey, open, parsePairingCode } from '../../utils/sync/crypto';
import { launch, sidePanelUrl, storedPeople, waitForPeople, type Harness, type StoredPerson } from './harness';
import { inPage } from './in-page';

let a: Harness;
let b: Harness;
let relay: Relay;
let relayPort = 0;
let dataDir: string;
let code = '';
let panelA: Page;
let panelB: Page;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'introbook-relay-e2e-'));
  relay = await startRelay({ port: 0, host: '127.0.0.1', dataDir });
  relayPort = relay.port;
  a = await launch();
  b = await launch();
}, 60_000);

afterAll(async () => {
  await a?.close();
  await b?.close();
  await relay?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const relayDown = () => relay.close();
async function relayUp(): Promise<void> {
  relay = await startRelay({ port: relayPort, host: '127.0.0.1', dataDir });
}

const nav = (panel: Page, section: string) => panel.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: section });
const syncSection = (panel: Page) => panel.getByRole('region', { name: 'Sync between browsers' });
/** The status line in Settings → Sync (opens Settings). */
async function statusText(panel: Page): Promise<string> {
  await nav(panel, 'Settings').click();
  return syncSection(panel).getByRole('status', { name: 'Sync status' }).innerText();
}

async function openPanel(h: Harness): Promise<Page> {
  const page = await h.context.newPage();
  await page.setViewportSize({ width: 420, height: 1100 });
  await page.goto(sidePanelUrl(h));
  return page;
}

async function save(h: Harness, url: string): Promise<void> {
  const page = await h.context.newPage();
  await page.goto(url);
  await inPage(page).click('Save to Introbook');
  await inPage(page).waitForText('Saved');
  await page.close();
}

async function openPerson(panel: Page, name: string): Promise<void> {
  await nav(panel, 'People').click();
  await panel.getByRole('list', { name: 'Saved people, newest first' }).getByRole('button', { name: new RegExp(name) }).click();
}

type Row = StoredPerson & { notes?: string; howWeKnow?: string };

/** Notes are saved as you type (and when the field is left): write them, leave the field, wait until stored. */
async function writeNotes(h: Harness, panel: Page, text: string): Promise<void> {
  const box = panel.getByRole('textbox', { name: 'Your notes' });
  await box.fill(text);
  await box.blur();
  await waitForPeople(h.worker, (people) => people.some((p) => (p as Row).notes === text), 10_000);
}
const ada = (people: StoredPerson[]) => people.find((p) => p.name === 'Ada Lovelace') as Row | undefined;

async function storedRows(worker: Worker, table: string): Promise<Record<string, unknown>[]> {
  return worker.evaluate(
    (name) =>
      new Promise<Record<string, unknown>[]>((done, fail) => {
        const request = indexedDB.open('introbook');
        request.onerror = () => fail(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const all = db.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => {
            db.close();
            done(all.result as Record<string, unknown>[]);
          };
          all.onerror = () => fail(all.error);
        };
      }),
    table,
  );
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('sync between two browsers', () => {
  it('is off by default; the first browser creates a vault and shows a pairing code and its QR code', async () => {
    panelA = await openPanel(a);
    await nav(panelA, 'Settings').click();
    const sync = syncSection(panelA);
    expect(await sync.innerText()).toContain('Off.');
    await sync.getByRole('textbox', { name: 'Relay address' }).fill(relay.url);
    await sync.getByRole('button', { name: 'Create a new vault' }).click();
    await expect.poll(() => statusText(panelA), { timeout: 15_000 }).toBe('Synced');
    code = await sync.getByRole('status', { name: 'Pairing code' }).innerText();
    expect(code).toMatch(/^IB1(-[0-9A-Z]{1,5}){9}$/);
    await expect.poll(() => sync.getByRole('img', { name: 'QR code of the pairing code' }).count()).toBe(1);
    const axe = await new AxeBuilder({ page: panelA }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).include('section[aria-labelledby="sync-title"]').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toStrictEqual([]);
  });

  it('the second browser joins with the code; a person saved in A appears in B within 2 seconds', async () => {
    panelB = await openPanel(b);
    await nav(panelB, 'Settings').click();
    const sync = syncSection(panelB);
    await sync.getByRole('textbox', { name: 'Relay address' }).fill(relay.url);
    await sync.getByRole('textbox', { name: 'Pairing code' }).fill(code.toLowerCase());
    await sync.getByRole('textbox', { name: 'Pairing code' }).press('Enter');
    await expect.poll(() => statusText(panelB), { timeout: 15_000 }).toBe('Synced');

    await save(a, 'https://www.linkedin.com/in/ada-lovelace/');
    const savedAt = Date.now();
    await waitForPeople(b.worker, (people) => ada(people) !== undefined, 5_000);
    expect(Date.now() - savedAt).toBeLessThan(2_000);
    const [inA, inB] = [ada(await storedPeople(a.worker))!, ada(await storedPeople(b.worker))!];
    expect(inB).toStrictEqual(inA);
  });

  it('concurrent edits to different fields of one person both survive', async () => {
    await relayDown();
    await expect.poll(() => statusText(panelA), { timeout: 15_000 }).toMatch(/^Offline/);
    await openPerson(panelA, 'Ada Lovelace');
    await writeNotes(a, panelA, 'Met at the Royal Society');
    await openPerson(panelB, 'Ada Lovelace');
    await panelB.locator('summary', { hasText: 'Your relationship' }).click();
    const relationship = panelB.getByRole('form', { name: 'Your relationship with Ada Lovelace' });
    await relationship.getByRole('textbox', { name: 'How you know them' }).fill('Worked together at the Engine');
    await relationship.getByRole('button', { name: 'Save relationship' }).click();
    await expect.poll(async () => ada(await storedPeople(b.worker))?.howWeKnow).toBe('Worked together at the Engine');
    await expect.poll(() => statusText(panelA)).toBe('Offline — 1 change waiting');

    await relayUp();
    for (const h of [a, b]) {
      await waitForPeople(h.worker, (people) => ada(people)?.notes === 'Met at the Royal Society' && ada(people)?.howWeKnow === 'Worked together at the Engine', 20_000);
    }
  });

  it('the same field edited in both ends identical on both, the other value in the person’s history', async () => {
    await relayDown();
    await expect.poll(() => statusText(panelB), { timeout: 15_000 }).toMatch(/^Offline/);
    for (const [h, panel, text] of [
      [a, panelA, 'Notes written in A'],
      [b, panelB, 'Notes written in B'],
    ] as const) {
      await openPerson(panel, 'Ada Lovelace');
      await writeNotes(h, panel, text);
    }
    await relayUp();
    let notes = '';
    await expect
      .poll(
        async () => {
          const [x, y] = [ada(await storedPeople(a.worker))!, ada(await storedPeople(b.worker))!];
          notes = x.notes ?? '';
          return x.notes === y.notes;
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    expect(['Notes written in A', 'Notes written in B']).toContain(notes);
    const other = notes === 'Notes written in A' ? 'Notes written in B' : 'Notes written in A';
    for (const panel of [panelA, panelB]) {
      await openPerson(panel, 'Ada Lovelace');
      const history = panel.getByRole('list', { name: 'Sync history' });
      await expect.poll(() => history.innerText().catch(() => ''), { timeout: 10_000 }).toContain(`Notes: kept “${notes}”; the other browser had “${other}”.`);
    }
  });

  it('A edits while the relay is down, reconnects, and B receives everything', async () => {
    await relayDown();
    await expect.poll(() => statusText(panelA), { timeout: 15_000 }).toMatch(/^Offline/);
    await save(a, 'https://www.linkedin.com/in/charles-babbage/');
    await openPerson(panelA, 'Ada Lovelace');
    await writeNotes(a, panelA, 'Final notes, written offline');
    await expect.poll(() => statusText(panelA)).toBe('Offline — 2 changes waiting');
    expect((await storedPeople(b.worker)).some((p) => p.name === 'Charles Babbage')).toBe(false);

    await relayUp();
    await waitForPeople(b.worker, (people) => people.some((p) => p.name === 'Charles Babbage') && ada(people)?.notes === 'Final notes, written offline', 20_000);
    await expect.poll(() => statusText(panelA), { timeout: 15_000 }).toBe('Synced');
  });

  it('a request moved in B shows its history in A', async () => {
    await openPerson(panelA, 'Ada Lovelace');
    await panelA.getByRole('button', { name: 'Ask Ada directly' }).click();
    const inA = panelA.getByRole('region', { name: 'Request to meet Ada Lovelace' });
    await inA.getByRole('button', { name: 'Copy and mark as asked' }).click();
    // Settings are not filled in here: the draft still has blanks, and sending asks first.
    await inA.getByRole('alertdialog').getByRole('button', { name: 'Send anyway' }).click();
    await expect.poll(() => inA.innerText()).toContain('Status: Asked');
    await expect.poll(async () => (await storedRows(b.worker, 'intros')).map((r) => r.status)).toStrictEqual(['asked']);

    await nav(panelB, 'Requests').click();
    await panelB.getByRole('region', { name: 'Asked (1)' }).getByRole('button', { name: /Ada Lovelace/ }).click();
    const inB = panelB.getByRole('region', { name: 'Request to meet Ada Lovelace' });
    await inB.getByRole('textbox', { name: 'Note (optional)' }).fill('She said yes');
    await inB.getByRole('group', { name: 'Next status' }).getByRole('button', { name: 'Mark as agreed' }).click();

    const history = inA.getByRole('list', { name: 'History' });
    await expect.poll(() => history.innerText(), { timeout: 10_000 }).toContain('Agreed — She said yes');
    expect(await inA.innerText()).toContain('Status: Agreed');
  });

  it('removed in A while edited in B: the edit survives and both browsers offer to restore', async () => {
    await relayDown();
    await expect.poll(() => statusText(panelB), { timeout: 15_000 }).toMatch(/^Offline/);
    await openPerson(panelA, 'Charles Babbage');
    await panelA.getByRole('button', { name: 'Remove from Introbook' }).click();
    await panelA.getByRole('button', { name: 'Yes, remove Charles Babbage' }).click();
    await openPerson(panelB, 'Charles Babbage');
    await writeNotes(b, panelB, 'Lunch next Tuesday');
    await relayUp();

    for (const panel of [panelA, panelB]) {
      const offer = panel.getByRole('region', { name: 'Removed on one browser, edited on another' });
      await expect.poll(() => offer.innerText().catch(() => ''), { timeout: 20_000 }).toContain('Charles Babbage was removed on one of your browsers');
    }
    await panelB.getByRole('button', { name: 'Restore Charles Babbage' }).click();
    for (const h of [a, b]) {
      await waitForPeople(h.worker, (people) => {
        const charles = people.find((p) => p.name === 'Charles Babbage') as Row | undefined;
        return charles?.deletedAt === null && charles.notes === 'Lunch next Tuesday';
      }, 20_000);
    }
    // Both panels drop the offer: A's store was written by sync; B's by the panel itself, which the
    // background's live query (the panel's first view reads through it) hears of from another context.
    for (const panel of [panelA, panelB]) {
      await expect.poll(() => panel.getByRole('region', { name: 'Removed on one browser, edited on another' }).count(), { timeout: 10_000 }).toBe(0);
    }
  });

  it('the same profile saved in both browsers while apart becomes one person in both', async () => {
    await relayDown();
    await expect.poll(() => statusText(panelA), { timeout: 15_000 }).toMatch(/^Offline/);
    await save(a, 'https://www.linkedin.com/in/claude-shannon/');
    await save(b, 'https://www.linkedin.com/in/claude-shannon/');
    const idsBefore = [a, b].map(async (h) => (await storedPeople(h.worker)).find((p) => p.name === 'Claude Shannon')!.id);
    const [idA, idB] = await Promise.all(idsBefore);
    expect(idA).not.toBe(idB);
    await relayUp();
    const survivor = [idA, idB].sort()[0];
    for (const h of [a, b]) {
      await waitForPeople(h.worker, (people) => {
        const shannons = people.filter((p) => p.profileUrl === 'https://www.linkedin.com/in/claude-shannon/');
        return shannons.length === 1 && shannons[0]!.id === survivor;
      }, 20_000);
    }
  });

  it('starts again by itself after the service worker is stopped', async () => {
    // Stop A's service worker the way Chrome does when it idles (DevTools protocol), and watch it.
    const cdp = await a.context.newCDPSession(panelA);
    const running: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => running.push(...versions.map((v) => v.runningStatus)));
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => running.at(-1)).toBe('stopped');
    // The next capture wakes the worker; sync starts again from IndexedDB and sends it.
    await save(a, 'https://www.linkedin.com/in/grace-hopper/');
    expect(running.at(-1)).toBe('running');
    await waitForPeople(b.worker, (people) => people.some((p) => p.name === 'Grace Hopper'), 20_000);
    await expect.poll(() => statusText(panelA), { timeout: 15_000 }).toBe('Synced');
    await cdp.detach();
  });

  it('turning sync off keeps the data and catches up when turned on; leaving the vault deletes nothing anywhere', async () => {
    await nav(panelB, 'Settings').click();
    await syncSection(panelB).getByRole('button', { name: 'Turn sync off' }).click();
    await expect.poll(() => statusText(panelB)).toMatch(/^Sync is off on this device/);
    await openPerson(panelA, 'Ada Lovelace');
    await writeNotes(a, panelA, 'Written while B was off');
    await expect.poll(() => statusText(panelA), { timeout: 15_000 }).toBe('Synced');
    expect(ada(await storedPeople(b.worker))?.notes).not.toBe('Written while B was off');
    const countB = (await storedPeople(b.worker)).length;

    await syncSection(panelB).getByRole('button', { name: 'Turn sync on' }).click();
    await waitForPeople(b.worker, (people) => ada(people)?.notes === 'Written while B was off', 20_000);

    await nav(panelB, 'Settings').click();
    await syncSection(panelB).getByRole('button', { name: 'Leave this vault…' }).click();
    await syncSection(panelB).getByRole('button', { name: 'Yes, leave the vault' }).click();
    await expect.poll(() => syncSection(panelB).innerText()).toContain('Off.');
    expect((await storedPeople(b.worker)).length).toBe(countB);
    expect((await storedPeople(a.worker)).length).toBe(countB);
    // B's later edits stay on B.
    await openPerson(panelB, 'Ada Lovelace');
    await writeNotes(b, panelB, 'Only on B now');
    await expect.poll(async () => ada(await storedPeople(b.worker))?.notes).toBe('Only on B now');
    await new Promise((r) => setTimeout(r, 1_000));
    expect(ada(await storedPeople(a.worker))?.notes).toBe('Written while B was off');
  });

  it('the relay’s stored data holds no contact in clear text, yet everything is there for the pairing code', async () => {
    await relayDown();
    const stored = Buffer.concat(filesUnder(dataDir).map((f) => readFileSync(f)));
    expect(stored.length).toBeGreaterThan(1000);
    for (const clear of ['Ada Lovelace', 'Lovelace', 'Charles Babbage', 'Grace Hopper', 'ada-lovelace', 'Royal Society', 'Notes written in', 'She said yes', 'Analytical Engines']) {
      expect(stored.includes(Buffer.from(clear)), clear).toBe(false);
      expect(stored.includes(Buffer.from(clear, 'utf16le')), clear).toBe(false);
    }
    await relayUp();
    const keys = await parsePairingCode(code);
    const carrier = await relay.persistence!.getYDoc(keys.vaultId);
    const key = await deriveVaultKey(keys);
    const vault = new Y.Doc();
    for (const blob of carrier.getArray<Uint8Array>('log').toArray()) Y.applyUpdateV2(vault, await open(key, keys.vaultId, blob));
    const names = Array.from(vault.getMap<Y.Map<unknown>>('people').values()).map((p) => p.get('name'));
    expect(names).toEqual(expect.arrayContaining(['Ada Lovelace', 'Charles Babbage', 'Grace Hopper']));
  });
});
