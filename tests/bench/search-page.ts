/**
 * The search benchmark's in-page half: bundled for the browser and run in a
 * Chromium page (real IndexedDB), as the side panel runs it.
 */
import { IntrobookDB, requestIndexFields } from '../../utils/db/app-db';
import { dueUntil } from '../../utils/db/due';
import { upcomingMeetings } from '../../utils/db/meetings';
import { peoplePage, searchPeople } from '../../utils/db/search';
import { generatePeople, generateRequests } from './generate';

const dbs = new Map<number, IntrobookDB>();
const WEEK = { timeZone: 'Europe/London', workingDays: [1, 2, 3, 4, 5] };

/**
 * What a search reads, counted only while `reads.on` (a pass after the timed
 * rounds): rows (values), index keys, index entries counted, and reads made.
 * Unlike time, these do not depend on how busy the machine is.
 */
const reads = { on: false, rows: 0, keys: 0, counted: 0, calls: 0 };
const countingReads = {
  stack: 'dbcore' as const,
  name: 'benchReads',
  create: (down: import('dexie').DBCore) => ({
    ...down,
    table: (name: string) => {
      const table = down.table(name);
      return {
        ...table,
        query: async (req: import('dexie').DBCoreQueryRequest) => {
          const result = await table.query(req);
          if (reads.on) {
            reads.calls++;
            if (req.values) reads.rows += result.result.length;
            else reads.keys += result.result.length;
          }
          return result;
        },
        getMany: async (req: import('dexie').DBCoreGetManyRequest) => {
          const result = await table.getMany(req);
          if (reads.on) {
            reads.calls++;
            reads.rows += req.keys.length;
          }
          return result;
        },
        count: async (req: import('dexie').DBCoreCountRequest) => {
          const result = await table.count(req);
          if (reads.on) {
            reads.calls++;
            reads.counted += result;
          }
          return result;
        },
      };
    },
  }),
};

async function seed(people: number, requests: number): Promise<{ seedMs: number }> {
  const db = new IntrobookDB(undefined, `introbook-bench-${people}`);
  db.use(countingReads);
  await db.delete();
  await db.open();
  dbs.set(people, db);
  const rows = generatePeople(people);
  const t0 = performance.now();
  // Through Dexie, so the search-index middleware computes every row's words, as a real import would.
  for (let i = 0; i < rows.length; i += 2000) await db.people.bulkPut(rows.slice(i, i + 2000));
  // Requests with their stored due dates, as utils/db/intros.ts writes them (no meetings here).
  await db.intros.bulkPut(generateRequests(rows, requests).map((r) => ({ ...r, ...requestIndexFields(r, WEEK, null) })));
  return { seedMs: performance.now() - t0 };
}

/** Time one search per keystroke of each query (every prefix as typed), `rounds` times. */
async function keystrokes(people: number, queries: string[], rounds: number) {
  const db = dbs.get(people)!;
  const times: number[] = [];
  const slowest: { typed: string; ms: number }[] = [];
  const perQuery: Record<string, { ms: number[]; results: number; first: string | null }> = {};
  /** Every prefix typed, with its times over the rounds: tells a slow prefix (real work) from a one-off (GC, the machine). */
  const perPrefix: Record<string, number[]> = {};
  for (let round = 0; round < rounds + 1; round++) {
    for (const query of queries) {
      for (let i = 1; i <= query.length; i++) {
        const typed = query.slice(0, i);
        const t0 = performance.now();
        const result = await searchPeople(db, typed, {}, { limit: 50 });
        const ms = performance.now() - t0;
        if (round === 0) continue; // warm-up round
        times.push(ms);
        slowest.push({ typed, ms });
        (perPrefix[typed] ??= []).push(ms);
        const entry = (perQuery[query] ??= { ms: [], results: 0, first: null });
        entry.ms.push(ms);
        if (i === query.length) {
          entry.results = result.people.length;
          entry.first = result.people[0]?.name ?? null;
        }
      }
    }
  }
  slowest.sort((a, b) => b.ms - a.ms);
  // What each keystroke reads (one more, untimed pass).
  const perPrefixReads: Record<string, { rows: number; keys: number; counted: number; calls: number }> = {};
  for (const query of queries) {
    for (let i = 1; i <= query.length; i++) {
      Object.assign(reads, { on: true, rows: 0, keys: 0, counted: 0, calls: 0 });
      await searchPeople(db, query.slice(0, i), {}, { limit: 50 });
      reads.on = false;
      perPrefixReads[query.slice(0, i)] = { rows: reads.rows, keys: reads.keys, counted: reads.counted, calls: reads.calls };
    }
  }
  return { times, perQuery, perPrefix, perPrefixReads, slowest: slowest.slice(0, 8) };
}

async function listPages(people: number, pages: number) {
  const db = dbs.get(people)!;
  const times: number[] = [];
  let after = null as Awaited<ReturnType<typeof peoplePage>>['next'];
  for (let i = 0; i < pages; i++) {
    const t0 = performance.now();
    const page = await peoplePage(db, after, 50);
    times.push(performance.now() - t0);
    after = page.next;
  }
  return times;
}

/** The side panel home's reads (due today by the due-date indexes, upcoming meetings, recent people), `runs` times. */
async function home(people: number, runs: number) {
  const db = dbs.get(people)!;
  const times: number[] = [];
  const week = WEEK;
  const until = Date.UTC(2025, 6, 1);
  let due = 0;
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    const [entries] = await Promise.all([dueUntil(db, week, until), upcomingMeetings(db, until, 5), peoplePage(db, null, 5)]);
    if (i > 0) times.push(performance.now() - t0);
    due = entries.total;
  }
  return { times, due };
}

async function close(people: number) {
  const db = dbs.get(people);
  if (!db) return;
  await db.delete();
  dbs.delete(people);
}

(globalThis as unknown as { IntrobookSearchBench: unknown }).IntrobookSearchBench = { seed, keystrokes, listPages, home, close };
