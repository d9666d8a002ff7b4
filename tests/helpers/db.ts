import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { IntrobookDB } from '../../utils/db/app-db';
import type { ProfileCapture } from '../../utils/domain/schemas';

/** A fresh, isolated database per call; pass the same factory to open a second connection to it. */
export function makeTestDb(factory: IDBFactory = new IDBFactory()): IntrobookDB {
  return new IntrobookDB({ indexedDB: factory, IDBKeyRange });
}

export function makeCapture(overrides: Partial<ProfileCapture> = {}): ProfileCapture {
  return {
    profileUrl: 'https://www.linkedin.com/in/ada-lovelace/',
    name: 'Ada Lovelace',
    firstName: 'Ada',
    lastName: 'Lovelace',
    headline: 'Principal Engineer at Analytical Engines',
    role: 'Principal Engineer',
    company: 'Analytical Engines',
    location: 'London, England, United Kingdom',
    photoUrl: 'https://media.licdn.com/dms/image/ada.jpg',
    degree: 2,
    mutualConnections: { count: 5, names: ['Charles Babbage', 'Mary Somerville'] },
    source: 'linkedin',
    positions: [{ title: 'Principal Engineer', company: 'Analytical Engines' }],
    aliases: [],
    fieldSources: { profileUrl: 'url', name: 'heading' },
    ...overrides,
  };
}

/** Charles Babbage, a first-degree contact: the connector in the request tests (Ada, makeCapture's default, is their target). */
export const charlesCapture = (overrides: Partial<ProfileCapture> = {}): ProfileCapture =>
  makeCapture({ profileUrl: 'https://www.linkedin.com/in/charles-babbage/', name: 'Charles Babbage', firstName: 'Charles', lastName: 'Babbage', degree: 1, ...overrides });

/**
 * Count what queries read, per table: rows returned by key lookups and index
 * queries, and rows a cursor visits (how Dexie walks a table with a filter). Register before the database opens. Tests use it to prove a query
 * reads only what it answers with, however many rows are stored.
 */
export function countReads(db: IntrobookDB): { rows: Record<string, number>; cursors: Record<string, number>; counts: Record<string, number>; reset(): void } {
  const rows: Record<string, number> = {};
  const cursors: Record<string, number> = {};
  /** Index or table counts asked (each walks every key in its range). */
  const counts: Record<string, number> = {};
  const add = (map: Record<string, number>, table: string, n: number) => void (map[table] = (map[table] ?? 0) + n);
  db.use({
    stack: 'dbcore',
    name: 'countReads',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          get: async (req) => {
            const value = await table.get(req);
            if (value !== undefined) add(rows, name, 1);
            return value;
          },
          getMany: async (req) => {
            const values = await table.getMany(req);
            add(rows, name, values.filter((v) => v !== undefined).length);
            return values;
          },
          query: async (req) => {
            const result = await table.query(req);
            if (req.values) add(rows, name, result.result.length);
            return result;
          },
          count: async (req) => {
            add(counts, name, 1);
            return table.count(req);
          },
          openCursor: async (req) => {
            add(cursors, name, 1);
            const cursor = await table.openCursor(req);
            if (cursor) {
              // Every row a cursor visits counts, kept or filtered out.
              const start = cursor.start.bind(cursor);
              cursor.start = (onNext) => start(() => {
                add(rows, name, 1);
                onNext();
              });
            }
            return cursor;
          },
        };
      },
    }),
  });
  return {
    rows,
    cursors,
    counts,
    reset() {
      for (const map of [rows, cursors, counts]) for (const k of Object.keys(map)) delete map[k];
    },
  };
}

/** What IndexedDB throws when the disk or the quota is full (tests make a write fail with it). */
export const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
