/**
 * The store outlives other connections and keeps its durability promises:
 * - after another connection upgrades the schema (versionchange), a background
 *   that kept its database reference still saves;
 * - every transaction is strict except those made only of RELAXED_TABLES;
 * - the first open of a schema version is followed by a strict commit.
 */
import Dexie, { type DBCore } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { makeCapture } from '@/tests/helpers/db';
import { SCHEMA_VERSIONS } from './app-db';
import { openAppDb } from './db';
import { savePersonCapture } from './people';

const latest = SCHEMA_VERSIONS.at(-1)!;

describe('after a versionchange', () => {
  it('the background keeps the same database object and still saves', async () => {
    const factory = new IDBFactory();
    const db = openAppDb({ indexedDB: factory, IDBKeyRange }, 'introbook', false);
    await savePersonCapture(db, makeCapture());

    // Newer code opens the same database at a higher version, with one more table.
    const newer = new Dexie('introbook', { indexedDB: factory, IDBKeyRange });
    newer.version(latest.version + 1).stores({ ...latest.stores, futureTable: 'id' });
    await newer.open();
    newer.close();

    // The reference the router was given at start-up still works.
    const { person, created } = await savePersonCapture(db, makeCapture({ profileUrl: 'https://www.linkedin.com/in/grace-hopper/', name: 'Grace Hopper' }));
    expect(created).toBe(true);
    expect(person.name).toBe('Grace Hopper');
    expect(await db.people.count()).toBe(2);
    db.close();
  });

  it('also when the database was deleted under it', async () => {
    const factory = new IDBFactory();
    const db = openAppDb({ indexedDB: factory, IDBKeyRange }, 'introbook', false);
    await savePersonCapture(db, makeCapture());
    await new Dexie('introbook', { indexedDB: factory, IDBKeyRange }).delete();
    await savePersonCapture(db, makeCapture());
    expect(await db.people.count()).toBe(1);
    db.close();
  });
});

/** Records the durability each transaction is opened with. */
function recordDurability(db: Dexie): { stores: string[]; mode: string; durability: string | undefined }[] {
  const seen: { stores: string[]; mode: string; durability: string | undefined }[] = [];
  db.use({
    stack: 'dbcore',
    name: 'test-record-durability',
    level: -10, // below the durability middleware: sees what it decided
    create: (down: DBCore) => ({
      ...down,
      transaction: (stores, mode, options) => {
        seen.push({ stores: [...stores], mode, durability: options?.durability });
        return down.transaction(stores, mode, options);
      },
    }),
  });
  return seen;
}

describe('durability', () => {
  it('is strict for every read-write transaction except photo-cache writes', async () => {
    const db = openAppDb({ indexedDB: new IDBFactory(), IDBKeyRange }, 'introbook', false);
    const seen = recordDurability(db);
    await savePersonCapture(db, makeCapture());
    await db.photos.put({
      id: crypto.randomUUID(),
      url: 'https://media.licdn.com/a.jpg',
      dataUrl: 'data:image/png;base64,AAAA',
      width: 1,
      height: 1,
      createdAt: 1,
      updatedAt: 1,
    });
    const writes = seen.filter((t) => t.mode === 'readwrite');
    expect(writes.find((t) => t.stores.includes('people'))?.durability).toBe('strict');
    expect(writes.find((t) => t.stores.length === 1 && t.stores[0] === 'photos')?.durability).toBe('relaxed');
    expect(writes.filter((t) => t.durability !== 'strict').every((t) => t.stores.every((s) => s === 'photos'))).toBe(true);
    db.close();
  });

  it('commits the schema version in a strict transaction the first time a version opens, and only then', async () => {
    const factory = new IDBFactory();
    const db = openAppDb({ indexedDB: factory, IDBKeyRange }, 'introbook', false);
    const seen = recordDurability(db);
    await db.open();
    expect(await db.meta.get('schema')).toMatchObject({ value: latest.version });
    expect(seen.some((t) => t.mode === 'readwrite' && t.stores.includes('meta') && t.durability === 'strict')).toBe(true);
    db.close();

    const again = openAppDb({ indexedDB: factory, IDBKeyRange }, 'introbook', false);
    const seenAgain = recordDurability(again);
    await again.open();
    expect(seenAgain.filter((t) => t.mode === 'readwrite')).toStrictEqual([]);
    again.close();
  });
});
