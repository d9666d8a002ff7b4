import Dexie, { type DexieOptions, type EntityTable, type Transaction } from 'dexie';
import type { Person } from '../domain/schemas';

export const DB_NAME = 'introbook';

/**
 * Every shipped schema, oldest first. Never edit a version users may have: add
 * the next one (with an `upgrade` when rows must change) and a fixture in
 * tests/fixtures/db/ — db-migrations.test.ts fails for a version without one.
 * Index only what `where()`/`orderBy()` use; `&profileUrl` makes two rows for
 * one canonical URL impossible.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string>;
  /** Rewrites rows stored under the previous version. Async and idempotent. */
  upgrade?: (tx: Transaction) => Promise<unknown>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  { version: 1, stores: { people: 'id, &profileUrl, capturedAt, updatedAt' } },
  {
    // v2: aliases (member-id, Sales Navigator, Recruiter URLs) findable by index;
    // current positions, per-field sources and role history on every person.
    version: 2,
    stores: { people: 'id, &profileUrl, capturedAt, updatedAt, *aliases' },
    upgrade: (tx) =>
      tx
        .table('people')
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          row.aliases ??= [];
          row.roleHistory ??= [];
          row.fieldSources ??= {};
          row.positions ??= row.role || row.company ? [{ title: row.role ?? null, company: row.company ?? null }] : [];
        }),
  },
];

export class IntrobookDB extends Dexie {
  people!: EntityTable<Person, 'id'>;

  constructor(options?: DexieOptions, name: string = DB_NAME) {
    super(name, { chromeTransactionDurability: 'relaxed', ...options });
    for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
  }
}
