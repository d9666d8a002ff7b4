import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { Person } from '../domain/schemas';

export const DB_NAME = 'introbook';

/**
 * Every shipped schema, oldest first. Never edit a version users may have: add
 * the next one (with an `upgrade` when rows must change) and a fixture in
 * tests/fixtures/db/ — db-migrations.test.ts fails for a version without one.
 * Index only what `where()`/`orderBy()` use; `&profileUrl` makes two rows for
 * one canonical URL impossible.
 */
export const SCHEMA_VERSIONS: readonly { version: number; stores: Record<string, string> }[] = [
  { version: 1, stores: { people: 'id, &profileUrl, capturedAt, updatedAt' } },
];

export class IntrobookDB extends Dexie {
  people!: EntityTable<Person, 'id'>;

  constructor(options?: DexieOptions, name: string = DB_NAME) {
    super(name, { chromeTransactionDurability: 'relaxed', ...options });
    for (const { version, stores } of SCHEMA_VERSIONS) {
      this.version(version).stores(stores);
    }
  }
}
