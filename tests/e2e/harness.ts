/**
 * Launch Debian's Chromium with the built extension (.output/chrome-mv3) and the
 * fixture server standing in for LinkedIn. One fresh profile per spec file.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { MAPPED_HOSTS, startFixtureServer, type FixtureServer } from './server';

/** The end-to-end build (see wxt.config.ts): production code plus host access for the served test hosts. */
export const EXTENSION_DIR = resolve(process.cwd(), '.output/e2e/chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Chromium's flags for every run against the fixture server (the e2e suite and
 * the benches): the served hosts mapped to it, its self-signed certificate
 * accepted, nothing of Chromium's own in the background; with `extensionDir`,
 * that build loaded and no other extension.
 */
export function chromiumArgs(serverPort: number, extensionDir?: string): string[] {
  const rules = MAPPED_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${serverPort}`).join(', ');
  return [
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    `--host-resolver-rules=${rules}`,
    '--ignore-certificate-errors',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

/**
 * One run of `run` in a throwaway Chromium profile with `extension` loaded (null: no extension, the
 * page alone), against the fixture server on `serverPort`: the benches' side-by-side loads.
 */
export async function withBrowser<T>(serverPort: number, extension: string | null, run: (context: BrowserContext) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'introbook-bench-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: chromiumArgs(serverPort, extension ?? undefined) });
  try {
    if (extension && context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
    return await run(context);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface Harness {
  context: BrowserContext;
  /** The welcome page the extension opened on install (closed unless `launch({ keepWelcome: true })`). */
  welcome: Page | null;
  worker: Worker;
  extensionId: string;
  server: FixtureServer;
  close(): Promise<void>;
}

/**
 * The tab the extension opens on install (background: runtime.onInstalled,
 * reason 'install'). Waited for here, so it never lands in a spec's
 * `waitForEvent('page')` later on.
 */
export async function welcomePage(context: BrowserContext, extensionId: string): Promise<Page> {
  const url = `chrome-extension://${extensionId}/welcome.html`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    const page = context.pages().find((p) => p.url() === url);
    if (page) return page;
    if (Date.now() > deadline) throw new Error(`the extension opened no welcome page (${url}) on install`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function launch(options: { keepWelcome?: boolean } = {}): Promise<Harness> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run "INTROBOOK_E2E=1 npx wxt build" first (npm run test:e2e does).`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: run "apt-get install -y chromium" or set CHROMIUM_PATH.`);
  }
  const server = await startFixtureServer();
  const userDataDir = mkdtempSync(join(tmpdir(), 'introbook-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1200, height: 900 },
    args: chromiumArgs(server.port, EXTENSION_DIR),
  });
  // Fail a step with a clear message rather than hang until the test's own timeout.
  context.setDefaultTimeout(15_000);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const welcome = await welcomePage(context, extensionId);
  if (!options.keepWelcome) await welcome.close();
  return {
    context,
    welcome: options.keepWelcome ? welcome : null,
    worker,
    extensionId,
    server,
    async close() {
      await context.close();
      await server.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface StoredPerson {
  id: string;
  profileUrl: string;
  name: string;
  role: string | null;
  company: string | null;
  headline: string | null;
  degree: number | null;
  mutualConnections: { count: number; names: string[] };
  deletedAt: number | null;
  location: string | null;
  aliases: string[];
  editedFields: string[];
  roleHistory: { role: string | null; company: string | null; until: number }[];
  knowsPersonally: boolean;
  email: string;
}

/** Every row of the `people` table, read with raw IndexedDB in the service worker (not through our code). */
export async function storedPeople(worker: Worker): Promise<StoredPerson[]> {
  return worker.evaluate(
    () =>
      new Promise<StoredPerson[]>((done, fail) => {
        const request = indexedDB.open('introbook');
        request.onerror = () => fail(request.error);
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('people')) {
            db.close();
            done([]);
            return;
          }
          const all = db.transaction('people').objectStore('people').getAll();
          all.onsuccess = () => {
            db.close();
            done(all.result as StoredPerson[]);
          };
          all.onerror = () => fail(all.error);
        };
      }),
  );
}

/** Wait until the store holds rows matching `predicate`; returns them. */
export async function waitForPeople(
  worker: Worker,
  predicate: (people: StoredPerson[]) => boolean,
  timeoutMs = 10_000,
): Promise<StoredPerson[]> {
  const deadline = Date.now() + timeoutMs;
  let people = await storedPeople(worker);
  while (!predicate(people)) {
    if (Date.now() > deadline) throw new Error(`store never matched; it holds ${JSON.stringify(people, null, 2)}`);
    await new Promise((r) => setTimeout(r, 100));
    people = await storedPeople(worker);
  }
  return people;
}

/**
 * The id Chrome gave the tab showing `page`. Introbook has no "tabs" permission,
 * so URLs are hidden from it: bring the page to the front and take the active tab.
 */
export async function tabIdOf(worker: Worker, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? null;
  });
  if (id === null) throw new Error(`no active tab for ${page.url()}`);
  return id;
}

export function popupUrl(h: Harness, tabId?: number): string {
  return `chrome-extension://${h.extensionId}/popup.html${tabId === undefined ? '' : `?tab=${tabId}`}`;
}

export function sidePanelUrl(h: Harness): string {
  return `chrome-extension://${h.extensionId}/sidepanel.html`;
}

/** Every row of a table (raw IndexedDB in the service worker, not through our code). */
export async function storedRows<T = Record<string, unknown>>(worker: Worker, table: string): Promise<T[]> {
  return worker.evaluate(
    (name) =>
      new Promise<T[]>((done, fail) => {
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
            done(all.result as T[]);
          };
          all.onerror = () => fail(all.error);
        };
      }),
    table,
  );
}

/** Open the popup's "Edit details" (every field in its box), once the capture is shown; left open if it already is. */
export async function editDetails(popup: Page): Promise<void> {
  const button = popup.getByRole('button', { name: 'Edit details' });
  await button.waitFor();
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}
