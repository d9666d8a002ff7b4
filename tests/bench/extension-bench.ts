/**
 * The issue #11 rows only the built extension can answer, measured on the
 * production build (.output/chrome-mv3) in headless Chromium, at each size
 * (default 0, 10,000 and 50,000 people with 5,000 requests, from the seeded
 * generator in tests/bench/generate.ts written into the extension's own
 * IndexedDB from one of its pages). One fresh browser profile per size; each
 * row beside a baseline measured in the same run, medians of --rounds (after
 * one warm-up round):
 *
 * - popup first paint: popup.html opened → its first view visible (the
 *   "Recently saved people" list or "Nobody saved yet", and with requests the
 *   "Due today" list), in the page's own clock from navigation start, to the
 *   frame after it appears. Baseline: the privacy page (a minimal React page of
 *   the same build) → its heading.
 * - side panel first paint: sidepanel.html → its home (the "Saved people,
 *   newest first" list or "Nobody saved yet", and "Due today"). Same baseline.
 * - click → "Saved": a mouse click on the in-page "Save to Introbook" of a
 *   fixture LinkedIn profile (served locally, as in the e2e suite) until the
 *   control says "Saved", with the worker awake; the person is removed again
 *   between rounds. Baseline: one message round trip from the content script's
 *   world to the background ("is this person saved?", one indexed read).
 * - worker heap at rest: the service worker's used JS heap after garbage
 *   collection (CDP HeapProfiler.collectGarbage, Runtime.getHeapUsage), once the
 *   rounds are done and its pages closed. Baseline: the same worker just after
 *   install, before any data (an empty database). The hourly data-care alarm
 *   (whose first run, a minute after install, takes the daily safety copy of
 *   the whole store) is held back until then, so it cannot land in the middle
 *   of a measurement; then it is fired on purpose and the heap sampled while
 *   the safety copy runs (its peak, beside the heap at rest).
 * - bytes per person: the origin's storage estimate before and after writing
 *   the people, per person (IndexedDB with its indexes). Baseline: the same
 *   rows as JSON.
 *
 * What is waited for is what a user sees (accessible names and texts from
 * locales/en.yml), not how the pages get their data.
 *
 * Options: --people 0,10000,50000  --requests 5000  --rounds 7  --json  --no-build
 * (`npm run bench -- extension --people 10000`; builds the production
 * extension first unless --no-build and a build exists).
 *
 * Each first-paint note also says when the page asked its first question, when
 * "Due today (N)" showed its count (which follows the list) and when each
 * query's first answer came. For digging: BENCH_SETTLE_MS (how long the store
 * settles after seeding; 2000), BENCH_WORKER_PROFILE=path (the worker's CPU
 * profile over the first-paint rounds, path-<people>.cpuprofile) and
 * BENCH_PROBE=1 (raw IndexedDB reads timed in the worker: a key read, the
 * newest people, the due count).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type PluginBuild } from 'esbuild';
import { chromium, type BrowserContext, type CDPSession, type Worker } from 'playwright-core';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import WebSocket from 'ws';
import { chromiumArgs, welcomePage } from '../e2e/harness';
import { controlRoot } from '../e2e/in-page';
import { startFixtureServer, type FixtureServer } from '../e2e/server';
import { englishI18n } from './english-i18n';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BUILD = resolve('.output/chrome-mv3');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] && !process.argv[i + 1]!.startsWith('--') ? process.argv[i + 1]! : fallback;
};
const SIZES = arg('people', '0,10000,50000').split(',').map(Number);
const REQUESTS = Number(arg('requests', '5000'));
const ROUNDS = Math.max(1, Number(arg('rounds', '7')));
const JSON_OUT = process.argv.includes('--json');
const log = (...a: unknown[]) => (JSON_OUT ? undefined : console.log(...a));
const step = (text: string) => (JSON_OUT ? undefined : process.stdout.write(text));
/** entrypoints/background/data-care.ts's DATA_CARE_ALARM (not imported: that module needs the extension API). */
const DATA_CARE_ALARM = 'introbook-data-care';
/** The fixture profile a user saves (tests/fixtures/linkedin/current-layout.html). */
const PROFILE = 'https://www.linkedin.com/in/ada-lovelace/';

if (!process.argv.includes('--no-build') || !existsSync(join(BUILD, 'manifest.json'))) {
  step('Building the production extension (npx wxt build)… ');
  const built = spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`wxt build failed:\n${built.stdout}\n${built.stderr}`);
  log('done');
}

/** The shipped English texts, by message key ("inPage.save" → "Save to Introbook"). */
const messages = generateChromeMessages(parseMessagesText(readFileSync('locales/en.yml', 'utf8'), 'YAML'));
const text = (key: string) => {
  const m = messages[key.replace(/\./g, '_')]?.message;
  if (!m) throw new Error(`no message ${key} in locales/en.yml`);
  return m;
};

/** The seeding script, run in an extension page (its IndexedDB is the extension's). */
const resolveProject = {
  name: 'project',
  setup(b: PluginBuild) {
    b.onResolve({ filter: /^@\// }, (a) => {
      const base = resolve(a.path.slice(2));
      for (const s of ['.ts', '.tsx', '/index.ts']) if (existsSync(base + s)) return { path: base + s };
      return undefined;
    });
  },
};
const seedScript = (
  await build({
    entryPoints: ['tests/bench/extension-seed.ts'],
    bundle: true,
    format: 'iife',
    write: false,
    minify: true,
    target: 'chrome120',
    plugins: [resolveProject, englishI18n],
    define: { 'import.meta.env.BROWSER': '"chrome"', 'import.meta.env.MANIFEST_VERSION': '3', 'import.meta.env.MODE': '"production"', 'import.meta.env.DEV': 'false' },
    logLevel: 'warning',
  })
).outputFiles[0]!.text;

const stats = (values: number[]) => {
  const sorted = [...values].filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95) };
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One alternative of what makes a view "shown": a labelled list with an item, a visible text, a visible heading. */
type Shown = { list: string } | { text: string } | { heading: true };
/** Every group must hold (any one alternative in it). */
type Condition = Shown[][];

/**
 * Installed before the page's own scripts: watches the DOM and records, in the
 * page's clock (ms from navigation start), when `condition` first holds and the
 * frame after that (the first paint that shows it).
 */
function watchFirstView({ condition, later }: { condition: Condition; later: string | null }) {
  const state = { dom: 0, paint: 0, fcp: 0, asked: 0, later: 0, answers: {} as Record<string, number> };
  (window as unknown as { __introbookFirstView: typeof state }).__introbookFirstView = state;
  // When each data-API query's first answer arrives (utils/remote/), for the note: which one the view waited on.
  const runtime = (globalThis as unknown as { chrome?: { runtime?: { connect?: (...a: unknown[]) => unknown } } }).chrome?.runtime;
  const connect = runtime?.connect?.bind(runtime);
  if (runtime && connect) {
    runtime.connect = (...args: unknown[]) => {
      const port = connect(...args) as { postMessage(m: unknown): void; onMessage: { addListener(l: (m: unknown) => void): void } };
      const names = new Map<number, string>();
      const post = port.postMessage.bind(port);
      port.postMessage = (m: unknown) => {
        const msg = m as { type?: string; id?: number; query?: string };
        if (msg?.type === 'sub' && typeof msg.id === 'number' && msg.query) names.set(msg.id, msg.query);
        if (msg?.type === 'sub' && !state.asked) state.asked = performance.now();
        post(m);
      };
      port.onMessage.addListener((m) => {
        const msg = m as { type?: string; id?: number };
        const name = typeof msg?.id === 'number' ? names.get(msg.id) : undefined;
        if (msg?.type === 'data' && name && !(name in state.answers)) state.answers[name] = performance.now();
      });
      return port;
    };
  }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') state.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  const visible = (el: Element) => el.getClientRects().length > 0;
  const labelOf = (el: Element) =>
    el.getAttribute('aria-label') ??
    (el.getAttribute('aria-labelledby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
      .join(' ')
      .trim();
  const holds = (s: Shown): boolean => {
    if ('list' in s) {
      for (const el of document.querySelectorAll('[aria-label],[aria-labelledby]')) {
        if (labelOf(el) === s.list && visible(el) && el.querySelector('li,[role="listitem"]')) return true;
      }
      return false;
    }
    if ('text' in s) {
      const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) if ((n as Text).data.includes(s.text) && n.parentElement && visible(n.parentElement)) return true;
      return false;
    }
    return Array.from(document.querySelectorAll('h1,[role="heading"]')).some((h) => visible(h) && (h.textContent ?? '').trim().length > 0);
  };
  let done = false;
  const check = () => {
    if (done || !document.body || !condition.every((group) => group.some(holds))) return;
    done = true;
    observer.disconnect();
    state.dom = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        state.paint = performance.now();
      };
      channel.port2.postMessage(0);
    });
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  // What the first view shows a moment later (Due today's count): when it first appears.
  if (later) {
    const seen = new MutationObserver(() => {
      if (state.later || !document.body?.textContent?.includes(later)) return;
      state.later = performance.now();
      seen.disconnect();
    });
    seen.observe(document, { childList: true, subtree: true, characterData: true });
  }
}

/** Open `url` in a new tab and time its first view (ms from navigation start). */
async function firstView(context: BrowserContext, url: string, condition: Condition, later: string | null = null): Promise<{ paint: number; fcp: number; asked: number; later: number; answers: Record<string, number> }> {
  const page = await context.newPage();
  try {
    await page.addInitScript(watchFirstView, { condition, later });
    await page.goto(url, { waitUntil: 'commit' });
    type State = { paint: number; fcp: number; asked: number; later: number; answers: Record<string, number> };
    try {
      await page.waitForFunction(() => (window as unknown as { __introbookFirstView?: State }).__introbookFirstView?.paint, null, { polling: 50, timeout: 60_000 });
    } catch (error) {
      const shows = await page.evaluate(() => document.body?.innerText.slice(0, 600) ?? '').catch(() => '');
      throw new Error(`${url} never showed ${JSON.stringify(condition)} within 60 s (it shows: ${JSON.stringify(shows)}): ${String(error)}`);
    }
    // Then what comes a moment later, if asked (up to 5 s; 0 if it never came).
    if (later) await page.waitForFunction(() => (window as unknown as { __introbookFirstView?: State }).__introbookFirstView?.later, null, { polling: 50, timeout: 5_000 }).catch(() => {});
    return await page.evaluate(() => (window as unknown as { __introbookFirstView: State }).__introbookFirstView);
  } finally {
    await page.close();
  }
}

/** A CDP connection to the extension's service worker (Playwright gives workers no CDP session of their own). */
async function workerCdp(userDataDir: string, extensionId: string) {
  let port = '';
  for (let i = 0; i < 100 && !port; i++) {
    if (existsSync(join(userDataDir, 'DevToolsActivePort'))) port = readFileSync(join(userDataDir, 'DevToolsActivePort'), 'utf8').split('\n')[0]!.trim();
    else await sleep(50);
  }
  if (!port) throw new Error('Chromium wrote no DevToolsActivePort');
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { type: string; url: string; webSocketDebuggerUrl: string }[];
  const target = targets.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
  if (!target) throw new Error(`no service worker target for ${extensionId}: ${JSON.stringify(targets.map((t) => [t.type, t.url]))}`);
  const ws = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((ok, fail) => {
    ws.once('open', ok);
    ws.once('error', fail);
  });
  let next = 1;
  const pending = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } };
    const waiter = msg.id === undefined ? undefined : pending.get(msg.id);
    if (!waiter) return;
    pending.delete(msg.id!);
    if (msg.error) waiter.fail(new Error(msg.error.message));
    else waiter.ok(msg.result);
  });
  const send = <T>(method: string, params: object = {}) =>
    new Promise<T>((ok, fail) => {
      const id = next++;
      pending.set(id, { ok: ok as (v: unknown) => void, fail });
      ws.send(JSON.stringify({ id, method, params }));
    });
  return {
    /** Used JS heap (bytes) after two full garbage collections. */
    async heapAtRest(): Promise<number> {
      await send('HeapProfiler.collectGarbage');
      await sleep(100);
      await send('HeapProfiler.collectGarbage');
      return (await send<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize;
    },
    /** Used JS heap (bytes) as it is, no collection first. */
    async heapNow(): Promise<number> {
      return (await send<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize;
    },
    /** The worker's CPU profile while `run` runs (BENCH_WORKER_PROFILE: where the first-paint rounds' profile goes). */
    async profile<T>(run: () => Promise<T>): Promise<{ result: T; profile: unknown }> {
      await send('Profiler.enable');
      await send('Profiler.setSamplingInterval', { interval: 200 });
      await send('Profiler.start');
      const result = await run();
      const { profile } = await send<{ profile: unknown }>('Profiler.stop');
      return { result, profile };
    },
    close: () => ws.close(),
  };
}

/** The alarms API as the service worker has it (tests/e2e/chrome-globals.d.ts declares only what the e2e tests call). */
type Alarms = {
  get(name: string): Promise<object | undefined>;
  clear(name: string): Promise<boolean>;
  create(name: string, info: { when: number; periodInMinutes: number }): Promise<void>;
};

/** Hold back the data-care alarm the background sets at start-up (its first run takes a safety copy). */
async function holdDataCare(worker: Worker): Promise<void> {
  await worker.evaluate(async (name) => {
    const alarms = (globalThis as unknown as { chrome: { alarms: Alarms } }).chrome.alarms;
    for (let i = 0; i < 50 && !(await alarms.get(name)); i++) await new Promise((r) => setTimeout(r, 100));
    await alarms.clear(name);
  }, DATA_CARE_ALARM);
}

/** How many safety copies the background has taken (raw IndexedDB in the worker; 0 before the first). */
function safetyCopies(worker: Worker): Promise<number> {
  return worker.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'introbook-safety')) return 0;
    return new Promise<number>((done, fail) => {
      const open = indexedDB.open('introbook-safety');
      open.onerror = () => fail(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('copies')) {
          db.close();
          done(0);
          return;
        }
        const count = db.transaction('copies').objectStore('copies').count();
        count.onsuccess = () => {
          db.close();
          done(count.result);
        };
        count.onerror = () => fail(count.error);
      };
    });
  });
}

/** Fire the data-care alarm now and sample the worker's heap until its safety copy is stored: the peak, and how long it took. */
async function safetyCopyHeap(worker: Worker, cdp: { heapNow(): Promise<number> }): Promise<{ peak: number; ms: number } | null> {
  const t0 = Date.now();
  await worker.evaluate(
    (name) => (globalThis as unknown as { chrome: { alarms: Alarms } }).chrome.alarms.create(name, { when: Date.now() + 50, periodInMinutes: 60 }),
    DATA_CARE_ALARM,
  );
  let peak = 0;
  while (Date.now() - t0 < 180_000) {
    peak = Math.max(peak, await cdp.heapNow());
    if ((await safetyCopies(worker)) > 0) return { peak, ms: Date.now() - t0 };
    await sleep(100);
  }
  return null;
}


/**
 * In the control's root: the centre of the button named `save` (scrolled into
 * view) once it is shown, with a watch that records (page clock) the trusted
 * click and the first moment the control's text contains `saved`.
 */
const ARM = `function (save, saved) {
  const b = Array.from(this.querySelectorAll('button')).find((b) => (b.getAttribute('aria-label') || b.textContent.trim()) === save);
  if (!b) return null;
  const root = this;
  const state = (window.__introbookSave = { clicked: 0, saved: 0 });
  const says = () => Array.from(root.children).filter((c) => c.tagName !== 'STYLE').map((c) => c.textContent).join(' ');
  window.addEventListener('click', (e) => { if (e.isTrusted && !state.clicked) state.clicked = performance.now(); }, { capture: true });
  const observer = new MutationObserver(() => {
    if (state.clicked && says().includes(saved)) { state.saved = performance.now(); observer.disconnect(); }
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
  b.scrollIntoView({ block: 'center' });
  const r = b.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}`;

/** The content script's world (its isolated execution context) in `page`. */
async function contentScriptContext(cdp: CDPSession, extensionId: string): Promise<number | null> {
  const contexts: { id: number; origin: string; name: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context as (typeof contexts)[number]));
  await cdp.send('Runtime.enable');
  await sleep(50);
  await cdp.send('Runtime.disable');
  return contexts.find((c) => c.auxData?.type === 'isolated' && (c.origin.includes(extensionId) || c.name === text('extName')))?.id ?? null;
}

/** Remove every stored row of the fixture person, with raw IndexedDB in the worker (not through our code). */
async function forgetProfile(worker: Worker) {
  await worker.evaluate(
    (profileUrl) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('introbook');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('people', 'readwrite');
          const store = tx.objectStore('people');
          const keys = store.index('profileUrl').getAllKeys(profileUrl);
          keys.onsuccess = () => {
            for (const key of keys.result) store.delete(key);
          };
          tx.oncomplete = () => {
            db.close();
            done();
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    PROFILE,
  );
}

/** One click → "Saved" on the fixture profile, and the message round trip beside it. */
async function clickToSaved(context: BrowserContext, worker: Worker, extensionId: string): Promise<{ ms: number; base: number }> {
  const page = await context.newPage();
  try {
    await page.goto(PROFILE);
    const cdp = await context.newCDPSession(page);
    const deadline = Date.now() + 20_000;
    let at = null as { x: number; y: number } | null;
    while (!at) {
      const root = await controlRoot(cdp);
      if (root) {
        const call = await cdp.send('Runtime.callFunctionOn', { objectId: root, functionDeclaration: ARM, arguments: [{ value: text('inPage.save') }, { value: text('inPage.saved') }], returnByValue: true });
        at = (call.result.value as typeof at) ?? null;
      }
      if (!at) {
        if (Date.now() > deadline) throw new Error(`the control on ${PROFILE} never offered "${text('inPage.save')}"`);
        await sleep(50);
      }
    }
    await page.mouse.click(at.x, at.y);
    type State = { clicked: number; saved: number };
    const done = await page.waitForFunction(() => {
      const s = (window as unknown as { __introbookSave: State }).__introbookSave;
      return s.saved > 0 ? s : null;
    }, null, { polling: 20, timeout: 20_000 });
    const s = (await done.jsonValue()) as State;
    // The floor of any save: one message from the content script's world to the background and back (an indexed read there).
    const world = await contentScriptContext(cdp, extensionId);
    let base = Number.NaN;
    if (world !== null) {
      const expression = `(async () => { const t0 = performance.now(); await chrome.runtime.sendMessage({ type: 'person/status', profileUrl: ${JSON.stringify(PROFILE)} }); return performance.now() - t0; })()`;
      const times: number[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await cdp.send('Runtime.evaluate', { expression, contextId: world, awaitPromise: true, returnByValue: true });
        if (!r.exceptionDetails && typeof r.result.value === 'number') times.push(r.result.value);
      }
      base = stats(times.slice(1)).median;
    }
    await cdp.detach();
    return { ms: s.saved - s.clicked, base };
  } finally {
    await page.close();
    await forgetProfile(worker);
  }
}

interface Row {
  key: 'popup' | 'sidepanel' | 'clickToSaved' | 'workerHeap' | 'safetyCopyHeap' | 'bytesPerPerson';
  what: string;
  people: number;
  requests: number;
  unit: 'ms' | 'MB' | 'KB';
  median: number;
  p95: number;
  rounds: number;
  baseline: string;
  baselineMedian: number;
  ratio: number;
  aim: string;
  met: boolean | null;
  note: string;
}
const rows: Row[] = [];
const seeds: { people: number; requests: number; peopleMs: number; requestsMs: number; counts: { people: number; requests: number } }[] = [];

async function launch(server: FixtureServer) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'introbook-bench-ext-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1200, height: 900 },
    args: [...chromiumArgs(server.port, BUILD), '--remote-debugging-port=0'],
  });
  context.setDefaultTimeout(60_000);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // The welcome tab the extension opens on install: wait for it, then close it.
  await (await welcomePage(context, extensionId)).close();
  await holdDataCare(worker);
  const cdp = await workerCdp(userDataDir, extensionId);
  return {
    context,
    worker,
    extensionId,
    cdp,
    url: (page: string) => `chrome-extension://${extensionId}/${page}`,
    async close() {
      cdp.close();
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

function push(row: Omit<Row, 'p95' | 'median' | 'baselineMedian' | 'ratio' | 'rounds' | 'met'>, values: number[], base: number[], aimMs?: number) {
  const s = stats(values);
  const b = stats(base);
  rows.push({ ...row, ...s, rounds: values.length, baselineMedian: b.median, ratio: b.median > 0 ? s.median / b.median : Number.NaN, met: aimMs === undefined ? null : s.median <= aimMs });
}

const server = await startFixtureServer();
try {
  for (const people of SIZES) {
    const requests = people === 0 ? 0 : REQUESTS;
    step(`${people.toLocaleString('en')} people, ${requests.toLocaleString('en')} requests: launching… `);
    const x = await launch(server);
    try {
      await sleep(1000);
      const heapEmpty = await x.cdp.heapAtRest();

      step('seeding… ');
      const seedPage = await x.context.newPage();
      await seedPage.goto(x.url('privacy.html'));
      await seedPage.evaluate(seedScript);
      type Seeded = { peopleMs: number; requestsMs: number; usage: { before: number; afterPeople: number; afterRequests: number }; jsonPerPerson: number; counts: { people: number; requests: number } };
      const seeded = await seedPage.evaluate(
        ({ people, requests }) => (globalThis as unknown as { IntrobookExtensionSeed: { seed(p: number, r: number): Promise<Seeded> } }).IntrobookExtensionSeed.seed(people, requests),
        { people, requests },
      );
      await seedPage.close();
      seeds.push({ people, requests, peopleMs: seeded.peopleMs, requestsMs: seeded.requestsMs, counts: seeded.counts });
      step(`${((seeded.peopleMs + seeded.requestsMs) / 1000).toFixed(1)} s; measuring… `);
      // Let the background hear of the writes and settle.
      await sleep(Number(process.env.BENCH_SETTLE_MS ?? 2000));

      const due = requests > 0 ? [[{ list: text('dueToday.title') }]] : [];
      const popupView: Condition = [[{ list: text('popup.recentlySavedPeople') }, { text: text('workspace.nobodySavedYet') }], ...due];
      const panelView: Condition = [[{ list: text('workspace.savedNewestFirst') }, { text: text('workspace.nobodySavedYet') }], ...due];
      const minimal: Condition = [[{ heading: true }]];
      const popup: number[] = [];
      const panel: number[] = [];
      const base: number[] = [];
      const fcp = { popup: [] as number[], panel: [] as number[] };
      // "Due today (1,744)": the count follows the list (due/total).
      const countShown = requests > 0 ? text('dueToday.titleCount').replace(/[$]\w+[$]?.*$|\{.*$/, '') : null;
      const counted = { popup: [] as number[], panel: [] as number[] };
      const asked = { popup: [] as number[], panel: [] as number[] };
      const answers = { popup: new Map<string, number[]>(), panel: new Map<string, number[]>() };
      const keep = (into: Map<string, number[]>, got: Record<string, number>) => {
        for (const [name, at] of Object.entries(got)) into.set(name, [...(into.get(name) ?? []), at]);
      };
      /** "due 80, people/page 75, …": each query's first answer, ms from navigation start (medians), slowest first. */
      const answered = (from: Map<string, number[]>) =>
        [...from]
          .map(([name, at]) => [name, stats(at).median] as const)
          .sort((a, b) => b[1] - a[1])
          .map(([name, ms]) => `${name} ${ms.toFixed(0)}`)
          .join(', ');
      if (process.env.BENCH_PROBE) {
        const probe = await x.worker.evaluate(async () => {
          const open = indexedDB.open('introbook');
          const db: IDBDatabase = await new Promise((ok, fail) => { open.onsuccess = () => ok(open.result); open.onerror = () => fail(open.error); });
          const req = <T,>(r: IDBRequest<T>) => new Promise<T>((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
          const out: Record<string, number[]> = {};
          const time = async (name: string, run: () => Promise<unknown>) => { const t0 = performance.now(); await run(); (out[name] ??= []).push(performance.now() - t0); };
          for (let i = 0; i < 5; i++) {
            await time('settings get', () => req(db.transaction('settings').objectStore('settings').get('user')));
            await time('people newest 6 (cursor)', () => new Promise<void>((ok) => { let n = 0; const c = db.transaction('people').objectStore('people').index('capturedAt').openCursor(null, 'prev'); c.onsuccess = () => { const cur = c.result; if (!cur || ++n >= 6) return ok(); cur.continue(); }; }));
            await time('people newest 6 (getAll keys+get)', async () => { const tx = db.transaction('people'); const idx = tx.objectStore('people').index('capturedAt'); await req(idx.getAllKeys(null, 6)); });
            await time('intros due count', () => req(db.transaction('intros').objectStore('intros').index('dueAt').count(IDBKeyRange.upperBound(Date.now() + 864e5))));
            await time('intros due 20 getAll', () => req(db.transaction('intros').objectStore('intros').index('dueAt').getAll(IDBKeyRange.upperBound(Date.now() + 864e5), 20)));
            await time('people count', () => req(db.transaction('people').objectStore('people').count()));
          }
          db.close();
          return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.map((x) => x.toFixed(1)).join(' ')]));
        });
        console.log('\nprobe', JSON.stringify(probe, null, 1));
      }
      const profileTo = process.env.BENCH_WORKER_PROFILE;
      const firstViews = async () => {
      for (let round = 0; round <= ROUNDS; round++) {
        const b = await firstView(x.context, x.url('privacy.html'), minimal);
        const p = await firstView(x.context, x.url('popup.html'), popupView, countShown);
        const s = await firstView(x.context, x.url('sidepanel.html'), panelView, countShown);
        if (round === 0) continue; // warm-up
        base.push(b.paint);
        popup.push(p.paint);
        panel.push(s.paint);
        fcp.popup.push(p.fcp);
        fcp.panel.push(s.fcp);
        asked.popup.push(p.asked);
        asked.panel.push(s.asked);
        if (countShown) {
          counted.popup.push(p.later);
          counted.panel.push(s.later);
        }
        keep(answers.popup, p.answers);
        keep(answers.panel, s.answers);
      }
      };
      if (profileTo) writeFileSync(`${profileTo}-${people}.cpuprofile`, JSON.stringify((await x.cdp.profile(firstViews)).profile));
      else await firstViews();
      const what = requests > 0 ? `"Recently saved" and "Due today" lists shown` : `"Recently saved" shown (empty)`;
      push(
        { key: 'popup', what: 'popup first paint (open → first view)', people, requests, unit: 'ms', baseline: 'privacy page first paint (minimal React page)', aim: '≤ 150 ms', note: `${what}; first contentful paint ${stats(fcp.popup).median.toFixed(0)} ms; first question asked at ${stats(asked.popup).median.toFixed(0)} ms;${counted.popup.length ? ` the count "Due today (…)" shown at ${stats(counted.popup).median.toFixed(0)} ms;` : ''} first answers (ms): ${answered(answers.popup)}` },
        popup,
        base,
        150,
      );
      push(
        { key: 'sidepanel', what: 'side panel first paint (open → home)', people, requests, unit: 'ms', baseline: 'privacy page first paint (minimal React page)', aim: '≤ 150 ms', note: `${what.replace('Recently saved', 'Saved people')}; first contentful paint ${stats(fcp.panel).median.toFixed(0)} ms; first question asked at ${stats(asked.panel).median.toFixed(0)} ms;${counted.panel.length ? ` the count "Due today (…)" shown at ${stats(counted.panel).median.toFixed(0)} ms;` : ''} first answers (ms): ${answered(answers.panel)}` },
        panel,
        base,
        150,
      );

      const saves: number[] = [];
      const trips: number[] = [];
      for (let round = 0; round <= ROUNDS; round++) {
        const r = await clickToSaved(x.context, x.worker, x.extensionId);
        if (round === 0) continue;
        saves.push(r.ms);
        trips.push(r.base);
      }
      push(
        { key: 'clickToSaved', what: 'click → "Saved" (in-page button, worker awake)', people, requests, unit: 'ms', baseline: 'content script ↔ background message round trip', aim: 'flat with size', note: `${PROFILE.replace('https://', '')}, removed between rounds` },
        saves,
        trips,
      );

      // At rest: every page closed, the background idle for a while.
      for (const page of x.context.pages()) await page.close();
      await sleep(3000);
      const heap = await x.cdp.heapAtRest();
      push(
        { key: 'workerHeap', what: 'worker heap at rest (after GC)', people, requests, unit: 'MB', baseline: 'same worker after install, empty database', aim: '–', note: 'used JS heap, CDP Runtime.getHeapUsage' },
        [heap / 2 ** 20],
        [heapEmpty / 2 ** 20],
      );
      if (people > 0) {
        const copy = await safetyCopyHeap(x.worker, x.cdp);
        if (copy) {
          push(
            { key: 'safetyCopyHeap', what: 'worker heap while the daily safety copy runs (peak)', people, requests, unit: 'MB', baseline: 'the same worker at rest', aim: '–', note: `sampled every ~0.1 s, no GC; the copy took ${(copy.ms / 1000).toFixed(1)} s` },
            [copy.peak / 2 ** 20],
            [heap / 2 ** 20],
          );
        } else log(`(no safety copy within 3 minutes at ${people} people)`);
        const perPerson = (seeded.usage.afterPeople - seeded.usage.before) / people;
        // Compaction after the requests' writes can shrink the people's part too: no figure then.
        const perRequest = requests > 0 && seeded.usage.afterRequests > seeded.usage.afterPeople ? (seeded.usage.afterRequests - seeded.usage.afterPeople) / requests : Number.NaN;
        push(
          {
            key: 'bytesPerPerson',
            what: 'bytes per person on disk',
            people,
            requests,
            unit: 'KB',
            baseline: 'the same person as JSON',
            aim: '–',
            note: `storage estimate delta once settled / people (IndexedDB with its indexes, LevelDB-compressed)${Number.isFinite(perRequest) ? `; ${(perRequest / 1024).toFixed(2)} KB per request` : ''}`,
          },
          [perPerson / 1024],
          [seeded.jsonPerPerson / 1024],
        );
      }
      log('done');
    } finally {
      await x.close();
    }
  }
} finally {
  await server.close();
}

const figure = (r: Row, v: number) => (r.unit === 'ms' ? v.toFixed(1) : v.toFixed(2));
if (JSON_OUT) {
  console.log(JSON.stringify({ bench: 'extension', chromium: CHROMIUM, build: BUILD, rounds: ROUNDS, sizes: SIZES, requests: REQUESTS, seeds, rows }, null, 2));
} else {
  console.log(`\nIssue #11 rows on the built extension (${BUILD}) in ${CHROMIUM} (headless), median of ${ROUNDS} rounds after a warm-up, each beside its baseline from the same run`);
  const header = ['what', 'people', 'requests', 'median', 'p95', 'unit', 'baseline (same run)', 'baseline', 'ratio', 'aim', 'note'];
  const table = rows.map((r) => [
    r.what,
    r.people.toLocaleString('en'),
    r.requests.toLocaleString('en'),
    figure(r, r.median),
    r.rounds > 1 ? figure(r, r.p95) : '–',
    r.unit,
    r.baseline,
    figure(r, r.baselineMedian),
    Number.isFinite(r.ratio) ? `${r.ratio.toFixed(1)}×` : '–',
    r.met === null ? r.aim : `${r.aim}: ${r.met ? 'met' : 'NOT MET'}`,
    r.note,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const key of ['popup', 'sidepanel', 'clickToSaved', 'workerHeap', 'safetyCopyHeap', 'bytesPerPerson']) for (const [i, r] of rows.entries()) if (r.key === key) console.log(line(table[i]!));
  console.log(`\nSeeding (relaxed bulk writes from an extension page): ${seeds.map((s) => `${s.people.toLocaleString('en')} people in ${(s.peopleMs / 1000).toFixed(1)} s`).join(', ')}`);
}
