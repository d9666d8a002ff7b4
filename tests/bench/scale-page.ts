/**
 * The scale benchmark's in-page half (tests/bench/scale-bench.ts): bundled for
 * the browser and run in a Chromium page against real IndexedDB, with the
 * extension API stubbed in memory (tests/bench/stub-browser.ts). Each
 * measurement returns its own in-run baseline.
 */
import Dexie from 'dexie';
import { counters } from './stub-browser';

if (process.env.BENCH_DEBUG) Dexie.debug = true;
import { IntrobookDB, requestIndexFields } from '../../utils/db/app-db';
import { introAnswer } from '../../utils/db/contacts';
import { dueUntil } from '../../utils/db/due';
import { BOARD_STATUSES, boardFirstRead, countByStatus, FOLDED_STATUSES } from '../../utils/db/intros';
import { COLUMN_PAGE } from '../../components/RequestBoard';
import { peoplePage, searchPeople } from '../../utils/db/search';
import { saveSettings, defaultSettings } from '../../utils/settings';
import { createReminders } from '../../entrypoints/background/reminders';
import { createRemote, type RemotePort } from '../../entrypoints/background/remote';
import { liveQuery } from 'dexie';
import type { SearchFilters } from '../../utils/domain/search-filters';
import { REMOTE_PORT } from '../../utils/remote/protocol';
import type { Person } from '../../utils/domain/schemas';
import { generatePeople, generateRequests } from './generate';

const WEEK = { timeZone: 'Europe/London', workingDays: [1, 2, 3, 4, 5] };
/** "Now" for every measurement: mid-2025, inside the generated requests' span. */
const NOW = Date.UTC(2025, 4, 15, 12);

let db: IntrobookDB | null = null;
let target: Person | null = null;

const time = async <T>(f: () => Promise<T>): Promise<[number, T]> => {
  const t0 = performance.now();
  const value = await f();
  return [performance.now() - t0, value];
};

/** Rounds of `measure` beside `baseline`, alternating, after one warm-up of each. */
async function pair(rounds: number, measure: () => Promise<unknown>, baseline: () => Promise<unknown>) {
  const ms: number[] = [];
  const base: number[] = [];
  await measure();
  await baseline();
  for (let i = 0; i < rounds; i++) {
    ms.push((await time(measure))[0]);
    base.push((await time(baseline))[0]);
  }
  return { ms, base };
}

async function usage(): Promise<number> {
  return (await navigator.storage.estimate()).usage ?? 0;
}

/**
 * `people` generated people (at least one: the person "Who can introduce me?"
 * is asked about) and `requests` requests between them; the target has 20
 * mutual connection names read from a profile (unconfirmed) and 5 confirmed.
 */
async function seed(people: number, requests: number) {
  if (db) await db.delete();
  db = new IntrobookDB(undefined, 'introbook-scale-bench');
  await db.delete();
  await db.open();
  await saveSettings({ ...defaultSettings(), timeZone: WEEK.timeZone }, db);
  const before = await usage();
  const rows = generatePeople(Math.max(people, 1), 42);
  const pick = (i: number) => rows[(i * 7919) % rows.length]!;
  target = rows[Math.floor(rows.length / 2)]!;
  target = {
    ...target,
    mutualConnections: { count: 40, names: Array.from({ length: Math.min(20, rows.length - 1) }, (_, i) => pick(i + 1).name) },
    mutualContactIds: Array.from({ length: Math.min(5, rows.length - 1) }, (_, i) => pick(i + 31).id).filter((id) => id !== target!.id),
  };
  rows[Math.floor(rows.length / 2)] = target;
  const t0 = performance.now();
  for (let i = 0; i < rows.length; i += 2000) await db.people.bulkPut(rows.slice(i, i + 2000));
  const made = requests > 0 && rows.length > 1 ? generateRequests(rows, requests).map((r) => ({ ...r, ...requestIndexFields(r, WEEK, null) })) : [];
  for (let i = 0; i < made.length; i += 2000) await db.intros.bulkPut(made.slice(i, i + 2000));
  const seedMs = performance.now() - t0;
  const bytes = (await usage()) - before;
  const json = rows.reduce((n, p) => n + JSON.stringify(p).length, 0);
  return { seedMs, bytesPerPerson: people > 0 ? bytes / people : 0, jsonPerPerson: json / rows.length };
}

/** One indexed read by key: the floor any view pays (the person card's read). */
const keyRead = () => db!.people.get(target!.id);

async function whoCanIntroduce(rounds: number) {
  const r = await pair(rounds, () => introAnswer(db!, target!), keyRead);
  const answer = await introAnswer(db!, target!);
  return { ...r, note: `${answer.options.ranked.length} ranked, ${answer.options.suggestions.length} to confirm` };
}

async function dueList(rounds: number) {
  const r = await pair(rounds, () => dueUntil(db!, WEEK, NOW, 20), keyRead);
  const due = await dueUntil(db!, WEEK, NOW, 20);
  return { ...r, note: `${due.items.length} shown of ${due.total} due` };
}

/** What the requests board reads before its first paint, beside a raw read of every request (IndexedDB getAll). */
async function board(rounds: number) {
  const raw = () =>
    new Promise((resolve, reject) => {
      const req = db!.backendDB().transaction('intros', 'readonly').objectStore('intros').getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  const read = () => Promise.all([boardFirstRead(db!, BOARD_STATUSES, COLUMN_PAGE), countByStatus(db!, FOLDED_STATUSES)]);
  const r = await pair(rounds, read, raw);
  const [data] = await read();
  return { ...r, note: `${data.requests.length} open requests, ${data.first.requests.length} cards with their people` };
}

async function peopleList(rounds: number) {
  const r = await pair(rounds, () => peoplePage(db!, null, 50), keyRead);
  return { ...r, note: 'first page of 50, newest first; every page by cursor' };
}

const QUERIES = ['pri ram', 'nimbus labs', 'product manager', 'mentor', 'jose garcia'];
async function search(rounds: number) {
  const ms: number[] = [];
  const base: number[] = [];
  for (let round = 0; round <= rounds; round++) {
    for (const q of QUERIES) {
      for (let i = 1; i <= q.length; i++) {
        const [t] = await time(() => searchPeople(db!, q.slice(0, i), {}, { limit: 50 }));
        const [b] = await time(keyRead);
        if (round > 0) {
          ms.push(t);
          base.push(b);
        }
      }
    }
  }
  return { ms, base, note: `${ms.length / rounds} keystrokes a round: ${QUERIES.map((q) => `"${q}"`).join(', ')}` };
}

/**
 * The side panel's search as it runs: through the background's data port (entrypoints/background/remote.ts),
 * each keystroke dropping the last live search and asking for the next; timed from the ask to the answer.
 */
function remotePort() {
  const listeners: ((m: unknown) => void)[] = [];
  const gone: (() => void)[] = [];
  const waiting = new Map<number, (value: unknown) => void>();
  const port: RemotePort = {
    name: REMOTE_PORT,
    sender: { id: 'bench', url: 'chrome-extension://bench/sidepanel.html' },
    // What Chrome does to a message: a copy (the answer's people go through it).
    postMessage: (m) => {
      const copy = JSON.parse(JSON.stringify(m)) as { type: string; id: number; value?: unknown; error?: string };
      if (copy.type === 'error') throw new Error(copy.error);
      waiting.get(copy.id)?.(copy.value);
    },
    disconnect: () => gone.forEach((l) => l()),
    onMessage: { addListener: (l) => void listeners.push(l) },
    onDisconnect: { addListener: (l) => void gone.push(l) },
  };
  const remote = createRemote({
    db: db!,
    runtimeId: 'bench',
    extensionOrigin: 'chrome-extension://bench/',
    readTab: () => Promise.reject(new Error('none')),
    readTabOnDemand: () => Promise.reject(new Error('none')),
    tabUrl: async () => undefined,
    notifyTab: async () => {},
    setPendingMerge: async () => {},
    storePhoto: async () => {},
    log: () => {},
  });
  remote.onConnect(port);
  let id = 0;
  let last = 0;
  return {
    /** One keystroke: the last search dropped, this one asked; resolves with its first answer. */
    keystroke(args: { query: string; filters: SearchFilters }) {
      if (last) listeners.forEach((l) => l({ type: 'unsub', id: last }));
      last = ++id;
      const answer = new Promise((resolve) => waiting.set(last, resolve));
      listeners.forEach((l) => l({ type: 'sub', id: last, query: 'people/search', args: { ...args, limit: 50, at: 0 } }));
      return answer;
    },
    /** Wave 4's handler: a live query reading the filters and searching, per keystroke (no filter set kept). */
    async unkept(args: { query: string; filters: SearchFilters }) {
      const run = remote.queries['people/search'];
      let sub: { unsubscribe(): void } | undefined;
      const value = await new Promise((resolve, reject) => {
        sub = liveQuery(async () => await run({ ...args, limit: 50, at: 0 })).subscribe({ next: resolve, error: reject });
      });
      sub!.unsubscribe();
      return JSON.parse(JSON.stringify(value)) as unknown;
    },
    close: () => port.disconnect(),
  };
}

/** Filters a user sets while typing (issue #11): a status (~1,100 of 5,000 requests are "asked"), and a tag. */
const FILTERS: SearchFilters[] = [{ status: 'asked' }, { tag: 'mentor' }];

/** Per keystroke with a filter, as the side panel asks: `how` is 'kept' (the port's live search) or 'unkept' (wave 4: the filters re-read each keystroke). Baseline: the same keystrokes without filters, through the port. */
async function filteredKeystrokes(rounds: number, how: 'kept' | 'unkept') {
  const remote = remotePort();
  const ms: number[] = [];
  const base: number[] = [];
  let results = 0;
  for (let round = 0; round <= rounds; round++) {
    for (const filters of FILTERS) {
      for (const q of QUERIES) {
        for (let i = 1; i <= q.length; i++) {
          const args = { query: q.slice(0, i), filters };
          const [t, value] = await time(() => (how === 'kept' ? remote.keystroke(args) : remote.unkept(args)));
          const [b] = await time(() => remote.keystroke({ ...args, filters: {} }));
          if (round > 0) {
            ms.push(t);
            base.push(b);
          } else if (i === q.length) results += (value as { people: unknown[] }).people.length;
        }
      }
    }
  }
  remote.close();
  const filterSizes = await Promise.all(FILTERS.map(async (f) => `${JSON.stringify(f)} ${(await searchPeople(db!, '', f, { limit: 1e9 })).people.length} people`));
  return { ms, base, note: `${ms.length / rounds} keystrokes a round (the search row's queries under ${filterSizes.join(', ')}); ${results} results in all` };
}
const searchFiltered = (rounds: number) => filteredKeystrokes(rounds, 'kept');
const searchFilteredUnkept = (rounds: number) => filteredKeystrokes(rounds, 'unkept');

/** A reminder recount with nothing new (the steady state: every 5 minutes and after each edit), and how many notifications passes sent. */
async function recount(rounds: number) {
  const reminders = createReminders(db!, async () => NOW);
  counters.notifications = 0;
  const [firstMs] = await time(() => reminders.refresh());
  const first = counters.notifications;
  counters.notifications = 0;
  const r = await pair(rounds, () => reminders.refresh(), keyRead);
  return { ...r, note: `first pass ${firstMs.toFixed(0)} ms, ${first} notification(s); ${counters.notifications} in ${rounds + 1} recounts after` };
}

const api: Record<string, (...args: never[]) => Promise<unknown>> = { seed, whoCanIntroduce, dueList, board, peopleList, search, searchFiltered, searchFilteredUnkept, recount };
/** Errors cross into Node as their text (a DexieError's name alone says little). */
const explained = Object.fromEntries(
  Object.entries(api).map(([k, f]) => [
    k,
    (...args: never[]) =>
      f(...args).catch((e: unknown) => {
        throw new Error(`${k}: ${e instanceof Error ? `${e.name}: ${e.message} ${process.env.BENCH_DEBUG ? e.stack : ""}` : String(e)}`);
      }),
  ]),
);
(globalThis as unknown as { IntrobookScaleBench: unknown }).IntrobookScaleBench = explained;
