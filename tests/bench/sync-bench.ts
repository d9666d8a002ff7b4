/**
 * Sync figures in real Chromium with the production build and the real relay
 * (server/relay.mjs) on 127.0.0.1:
 * - first upload of N people (default 10,000) from the browser that creates the vault;
 * - first sync of those N people to an empty browser that joins;
 * - time for one edit (notes saved in the side panel) to reach the other browser;
 * - relay storage per person (bytes on disk / N);
 * - the background service worker's JS heap: sync off, right after the first
 *   sync, and at rest with sync on (after the vault document is dropped when idle);
 * - the same edit after the rest, when both browsers load their vault again.
 *
 * SYNC_BENCH_PEOPLE=1000 npm run bench  runs a smaller vault.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { startRelay } from '../../server/relay.mjs';

const N = Number(process.env.SYNC_BENCH_PEOPLE ?? 10_000);
const EDITS = 5;
const REST_MS = 150_000; // the vault is dropped after 2 minutes without work
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EXTENSION = resolve('.output/chrome-mv3');

interface Browser {
  context: BrowserContext;
  worker: Worker;
  panel: Page;
  heap(): Promise<number>;
  close(): Promise<void>;
}

async function launchBrowser(): Promise<Browser> {
  const dir = mkdtempSync(join(tmpdir(), 'introbook-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [`--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context.setDefaultTimeout(120_000);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${id}/sidepanel.html`);
  await panel.getByRole('heading', { name: /Saved people/ }).waitFor();
  const cdp = await context.newCDPSession(panel);
  return {
    context,
    worker,
    panel,
    heap: () => workerHeap(cdp),
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The service worker's used JS heap after a full GC, through the DevTools protocol. */
async function workerHeap(cdp: CDPSession): Promise<number> {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.endsWith('/background.js'));
  if (!sw) throw new Error('no service worker');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false });
  const replies = new Map<number, { usedSize?: number }>();
  const listener = (e: { sessionId?: string; message: string }) => {
    const m = JSON.parse(e.message) as { id?: number; result?: { usedSize?: number } };
    if (e.sessionId === sessionId && m.id) replies.set(m.id, m.result ?? {});
  };
  cdp.on('Target.receivedMessageFromTarget', listener);
  const call = async (id: number, method: string) => {
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params: {} }) });
    for (let i = 0; i < 400 && !replies.has(id); i++) await sleep(25);
    return replies.get(id) ?? {};
  };
  await call(1, 'HeapProfiler.collectGarbage');
  const { usedSize } = await call(2, 'Runtime.getHeapUsage');
  cdp.off('Target.receivedMessageFromTarget', listener);
  await cdp.send('Target.detachFromTarget', { sessionId });
  return usedSize ?? Number.NaN;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function person(i: number, now: number) {
  const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  const company = `Company ${i % 400}`;
  return {
    id,
    profileUrl: `https://www.linkedin.com/in/person-${i}/`,
    name: i === 0 ? 'Bench Target' : `Person ${String(i).padStart(5, '0')}`,
    firstName: 'Person',
    lastName: String(i),
    headline: `Senior Engineer at ${company}`,
    role: 'Senior Engineer',
    company,
    location: 'London, England, United Kingdom',
    photoUrl: `https://media.licdn.com/dms/image/${i}.jpg`,
    degree: 2,
    mutualConnections: { count: 3, names: ['Charles Babbage', 'Mary Somerville'] },
    source: 'linkedin',
    positions: [{ title: 'Senior Engineer', company }],
    aliases: [],
    fieldSources: { profileUrl: 'url', name: 'heading', role: 'structure', company: 'link' },
    createdAt: now - i,
    updatedAt: now - i,
    capturedAt: i === 0 ? now + 1 : now - i,
    deletedAt: null,
    editedFields: [],
    notes: i % 10 === 0 ? 'Met at a meetup; follow up about their team.' : '',
    roleHistory: [],
    knowsPersonally: false,
    closeness: null,
    howWeKnow: '',
    email: '',
    mutualContactIds: [],
    dismissedMutualIds: [],
  };
}

/** Raw IndexedDB in the service worker (not through Introbook's code). */
function putPeople(worker: Worker, rows: unknown[]): Promise<void> {
  return worker.evaluate(
    (rows) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('introbook');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('people', 'readwrite');
          for (const row of rows) tx.objectStore('people').put(row);
          tx.oncomplete = () => (open.result.close(), done());
          tx.onerror = () => fail(tx.error);
        };
      }),
    rows,
  );
}

function countPeople(worker: Worker): Promise<number> {
  return worker.evaluate(
    () =>
      new Promise<number>((done, fail) => {
        const open = indexedDB.open('introbook');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const r = open.result.transaction('people').objectStore('people').count();
          r.onsuccess = () => (open.result.close(), done(r.result));
          r.onerror = () => fail(r.error);
        };
      }),
  );
}

function notesOf(worker: Worker, id: string): Promise<string | null> {
  return worker.evaluate(
    (id) =>
      new Promise<string | null>((done, fail) => {
        const open = indexedDB.open('introbook');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const r = open.result.transaction('people').objectStore('people').get(id);
          r.onsuccess = () => (open.result.close(), done((r.result as { notes?: string } | undefined)?.notes ?? null));
          r.onerror = () => fail(r.error);
        };
      }),
    id,
  );
}

const nav = (panel: Page, section: string) => panel.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: section });
const syncSection = (panel: Page) => panel.getByRole('region', { name: 'Sync between browsers' });
async function status(panel: Page): Promise<string> {
  await nav(panel, 'Settings').click();
  return syncSection(panel).getByRole('status', { name: 'Sync status' }).innerText();
}
async function until(what: () => Promise<boolean>, timeoutMs: number, every = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await what())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(every);
  }
}

function du(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => sum + (e.isDirectory() ? du(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

console.log(`Building the production extension…`);
execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
if (!existsSync(join(EXTENSION, 'manifest.json'))) throw new Error('no build');

const dataDir = mkdtempSync(join(tmpdir(), 'introbook-bench-relay-'));
const relay = await startRelay({ port: 0, host: '127.0.0.1', dataDir });
const a = await launchBrowser();
const b = await launchBrowser();
try {
  const now = Date.now();
  const rows = Array.from({ length: N }, (_, i) => person(i, now));
  for (let i = 0; i < rows.length; i += 1000) await putPeople(a.worker, rows.slice(i, i + 1000));
  // Rows written behind Dexie's back: the panel reads them on reload.
  await a.panel.reload();
  await a.panel.getByRole('heading', { name: /Saved people/ }).waitFor();
  const heapOff = await a.heap();

  // A creates the vault: everything it has goes up.
  await nav(a.panel, 'Settings').click();
  await syncSection(a.panel).getByRole('textbox', { name: 'Relay address' }).fill(relay.url);
  let t = Date.now();
  await syncSection(a.panel).getByRole('button', { name: 'Create a new vault' }).click();
  await until(async () => (await status(a.panel)) === 'Synced', 600_000, 250);
  const upload = Date.now() - t;
  const code = await syncSection(a.panel).getByRole('status', { name: 'Pairing code' }).innerText();

  // B joins empty: the first sync.
  await nav(b.panel, 'Settings').click();
  await syncSection(b.panel).getByRole('textbox', { name: 'Relay address' }).fill(relay.url);
  await syncSection(b.panel).getByRole('textbox', { name: 'Pairing code' }).fill(code);
  t = Date.now();
  await syncSection(b.panel).getByRole('button', { name: 'Join with this code' }).click();
  await until(async () => (await countPeople(b.worker)) >= N, 600_000, 250);
  const firstSync = Date.now() - t;
  await until(async () => (await status(b.panel)) === 'Synced', 120_000, 250);
  const heapAfterSync = await b.heap();

  // One edit at a time, saved in A's side panel, until it is in B's store.
  const times: number[] = [];
  await nav(a.panel, 'People').click();
  await a.panel.getByRole('list', { name: 'Saved people, newest first' }).getByRole('button', { name: /Bench Target/ }).click();
  for (let i = 1; i <= EDITS; i++) {
    const text = `Edit number ${i}`;
    await a.panel.getByRole('textbox', { name: 'Your notes' }).fill(text);
    t = Date.now();
    await a.panel.getByRole('button', { name: 'Save notes' }).click();
    await until(async () => (await notesOf(b.worker, rows[0]!.id)) === text, 60_000, 10);
    times.push(Date.now() - t);
    await sleep(500);
  }
  times.sort((x, y) => x - y);

  // At rest: no work for longer than the idle unload.
  await sleep(REST_MS);
  const [heapRestA, heapRestB] = [await a.heap(), await b.heap()];

  // One more edit after the rest: both browsers load their vault again first.
  await a.panel.getByRole('textbox', { name: 'Your notes' }).fill('Edit after rest');
  t = Date.now();
  await a.panel.getByRole('button', { name: 'Save notes' }).click();
  await until(async () => (await notesOf(b.worker, rows[0]!.id)) === 'Edit after rest', 60_000, 10);
  const coldEdit = Date.now() - t;

  await relay.close();
  const stored = du(dataDir);

  console.log(`\nSync benchmark: ${N.toLocaleString('en')} people, production build, headless Chromium, relay on 127.0.0.1\n`);
  const table = [
    ['measure', 'value'],
    [`first upload of ${N.toLocaleString('en')} people (creating browser)`, s(upload)],
    [`first sync of ${N.toLocaleString('en')} people to an empty browser`, s(firstSync)],
    [`one edit reaching the other browser (median of ${EDITS})`, `${times[Math.floor(times.length / 2)]} ms (min ${times[0]}, max ${times.at(-1)})`],
    [`one edit after ${REST_MS / 1000} s at rest (both vaults loaded again)`, `${coldEdit} ms`],
    ['relay storage', `${mb(stored)} (${Math.round(stored / N)} bytes per person)`],
    ['background JS heap, sync off', mb(heapOff)],
    ['background JS heap, just after the first sync (vault loaded)', mb(heapAfterSync)],
    ['background JS heap at rest, sync on (creating / joining browser)', `${mb(heapRestA)} / ${mb(heapRestB)}`],
  ];
  for (const [k, v] of table) console.log(`| ${k} | ${v} |`);
} finally {
  await a.close();
  await b.close();
  await relay.close().catch(() => {});
  rmSync(dataDir, { recursive: true, force: true });
}
