/**
 * The extension bench's seeding half (tests/bench/extension-bench.ts): bundled
 * for the browser and evaluated in one of the built extension's own pages, so
 * it writes the extension's IndexedDB ("introbook", the shipped schema) through
 * the same Dexie class and derived-fields middleware as the extension (search
 * words, name keys, due dates). Bulk writes with relaxed durability: seeding is
 * set-up, not a measured path. The storage estimate before and after each table
 * gives the bytes a stored person (and request) costs on disk.
 */
import { IntrobookDB, requestIndexFields } from '../../utils/db/app-db';
import { getSettings } from '../../utils/settings';
import { generatePeople, generateRequests } from './generate';

const usage = async () => (await navigator.storage.estimate()).usage ?? 0;

/**
 * The usage once it holds still: LevelDB (Chromium's IndexedDB) writes a log
 * first and compacts it into tables in the background, so the figure moves for
 * a while after a bulk write. Polled until three readings in a row agree (at
 * most 15 s).
 */
async function settledUsage(): Promise<number> {
  let last = await usage();
  let same = 0;
  for (let i = 0; i < 60 && same < 2; i++) {
    await new Promise((r) => setTimeout(r, 250));
    const now = await usage();
    same = now === last ? same + 1 : 0;
    last = now;
  }
  return last;
}

async function seed(people: number, requests: number) {
  const db = new IntrobookDB({ chromeTransactionDurability: 'relaxed' });
  await db.open();
  try {
    const settings = await getSettings(db);
    const week = { timeZone: settings.timeZone, workingDays: settings.workingDays };
    const before = await settledUsage();
    const rows = generatePeople(people, 42);
    const t0 = performance.now();
    for (let i = 0; i < rows.length; i += 2000) await db.people.bulkPut(rows.slice(i, i + 2000));
    const peopleMs = performance.now() - t0;
    const afterPeople = await settledUsage();
    const made = requests > 0 && rows.length > 1 ? generateRequests(rows, requests).map((r) => ({ ...r, ...requestIndexFields(r, week, null) })) : [];
    const t1 = performance.now();
    for (let i = 0; i < made.length; i += 2000) await db.intros.bulkPut(made.slice(i, i + 2000));
    const requestsMs = performance.now() - t1;
    const afterRequests = await settledUsage();
    return {
      peopleMs,
      requestsMs,
      usage: { before, afterPeople, afterRequests },
      /** The rows as JSON: what the data itself weighs, the baseline for bytes on disk. */
      jsonPerPerson: rows.length > 0 ? rows.reduce((n, p) => n + JSON.stringify(p).length, 0) / rows.length : 0,
      counts: { people: await db.people.count(), requests: await db.intros.count() },
    };
  } finally {
    db.close();
  }
}

(globalThis as unknown as { IntrobookExtensionSeed: unknown }).IntrobookExtensionSeed = { seed, usage };
