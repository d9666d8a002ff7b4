/**
 * For every shipped schema version: seed a database declared exactly as that
 * version was, close it, open it with the current IntrobookDB, and check every
 * row still parses and every index answers.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { makeTestDb } from '../../tests/helpers/db';
import { personSchema } from '../domain/schemas';
import { SCHEMA_VERSIONS } from './app-db';
import { findPersonByUrl, listRecentPeople } from './people';

const fixtureDir = resolve(process.cwd(), 'tests/fixtures/db');

describe('database migrations', () => {
  it('has a seed fixture for every shipped schema version', () => {
    const fixtures = readdirSync(fixtureDir).filter((f) => /^v\d+\.ts$/.test(f)).sort();
    expect(fixtures).toStrictEqual(SCHEMA_VERSIONS.map((v) => `v${v.version}.ts`).sort());
  });

  it.each(SCHEMA_VERSIONS)('opens a version $version database with the current schema', async ({ version, stores }) => {
    const seed = ((await import(`../../tests/fixtures/db/v${version}.ts`)) as Record<string, Record<string, unknown[]>>)[`v${version}`]!;
    const factory = new IDBFactory();
    const old = new Dexie('introbook', { indexedDB: factory, IDBKeyRange });
    old.version(version).stores(stores);
    await old.open();
    for (const [table, rows] of Object.entries(seed)) await old.table(table).bulkAdd(rows);
    old.close();

    const db = makeTestDb(factory);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    const people = await db.people.toArray();
    expect(people).toHaveLength(seed.people!.length);
    for (const row of people) expect(() => personSchema.parse(row)).not.toThrow();
    expect(await findPersonByUrl(db, 'https://www.linkedin.com/in/ada-lovelace/')).toMatchObject({ name: 'Ada Lovelace' });
    expect((await listRecentPeople(db)).map((p) => p.name)).toStrictEqual(['Ada Lovelace']);
    db.close();
  });
});
