/**
 * Restore: replace the store's tables with a backup's. The live tables are
 * never emptied before the new data is known good:
 *   1. the backup's rows are validated (prepare.ts, which also upgrades older data);
 *   2. they are written to a staging database with today's schema, which
 *      checks the store's own rules (one person per profile URL);
 *   3. only then, in one strict read-write transaction, each table the file
 *      holds is cleared and refilled from staging — a failure anywhere rolls
 *      the whole transaction back, leaving the store as it was;
 *   4. the staging database is deleted.
 * Tables the file does not hold are left alone (a safety copy holds no
 * photos; the photos of people who are no longer there are removed).
 */
import Dexie, { type DexieOptions, type Table } from 'dexie';
import { IntrobookDB } from '../db/app-db';
import { reindexDueDates } from '../db/due-index';
import { StorageFullError, isQuotaError } from '../db/errors';
import { getSettings, workWeek } from '../settings';
import { requestFullSync } from '../sync/changes';
import { tableLabel } from './format';
import { dropDanglingReferences, keyOf, type InPlay } from './merge';
import { rowLabel, type PreparedBackup, type Row, type RowIssue } from './prepare';
import { t as msg } from '../i18n';
import { UserError } from '../core/user-error';

export interface RestoreTablePlan {
  table: string;
  label: string;
  /** Rows the table will hold. */
  count: number;
  invalid: RowIssue[];
}

export interface RestorePlan {
  stagingName: string;
  tables: RestoreTablePlan[];
  ignoredTables: PreparedBackup['ignoredTables'];
  totals: { rows: number; invalid: number };
}

const STAGING_PREFIX = 'introbook-restore-';
const CHUNK = 2000;
const DAY = 24 * 60 * 60 * 1000;

function depsOf(db: Dexie): DexieOptions {
  const deps = (db as unknown as { _deps: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange } })._deps;
  return { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange };
}

/** Validate and stage a restore. The live store is only read. Call applyRestore or discardRestore after. */
export async function planRestore(db: IntrobookDB, prepared: PreparedBackup): Promise<RestorePlan> {
  const replaced = new Set(prepared.tables.map((t) => t.table));
  const inPlay: InPlay = new Map(prepared.tables.map((t) => [t.table, { rows: [...t.rows], positions: [...t.positions] }]));
  const invalid = new Map<string, RowIssue[]>(prepared.tables.map((t) => [t.table, [...t.invalid]]));
  const issuesOf = (table: string) => ({ invalid: invalid.get(table)! });
  await dropDanglingReferences(db, inPlay, issuesOf, replaced);

  const stagingName = `${STAGING_PREFIX}${Date.now()}-${crypto.randomUUID()}`;
  const staging = new IntrobookDB({ ...depsOf(db), chromeTransactionDurability: 'relaxed' }, stagingName);
  const tables: RestoreTablePlan[] = [];
  try {
    await staging.open();
    // A new database starts with the built-in templates: a restore holds exactly the file's.
    await staging.templates.clear();
    for (const t of prepared.tables) {
      const entry = inPlay.get(t.table)!;
      const issues = invalid.get(t.table)!;
      for (let i = 0; i < entry.rows.length; i += CHUNK) {
        try {
          await staging.table(t.table).bulkAdd(entry.rows.slice(i, i + CHUNK));
        } catch (error) {
          if (!(error instanceof Dexie.BulkError)) throw error;
          // bulkAdd keeps the rows that fit; record the ones that broke a rule of the store.
          for (const pos of Object.keys(error.failuresByPos)) {
            const at = i + Number(pos);
            const row = entry.rows[at]!;
            issues.push({ table: t.table, row: entry.positions[at]!, id: keyOf(row), label: rowLabel(t.table, row), reason: msg('backupErrors.repeatsUniqueValue') });
          }
        }
      }
      const count = await staging.table(t.table).count();
      issues.sort((a, b) => a.row - b.row);
      tables.push({ table: t.table, label: tableLabel(t.table), count, invalid: issues });
    }
  } catch (error) {
    staging.close();
    await new Dexie(stagingName, depsOf(db)).delete().catch(() => {});
    if (isQuotaError(error)) throw new StorageFullError(error);
    throw error;
  }
  staging.close();
  return {
    stagingName,
    tables,
    ignoredTables: prepared.ignoredTables,
    totals: { rows: tables.reduce((n, t) => n + t.count, 0), invalid: tables.reduce((n, t) => n + t.invalid.length, 0) },
  };
}

/** Replace the live tables with the staged ones, in one transaction; then delete the staging database. */
export async function applyRestore(
  db: IntrobookDB,
  plan: RestorePlan,
  onProgress?: (progress: { done: number; total: number }) => void,
): Promise<void> {
  const staging = new IntrobookDB(depsOf(db), plan.stagingName);
  const staged = new Map<string, Row[]>();
  try {
    for (const t of plan.tables) staged.set(t.table, (await staging.table(t.table).toArray()) as Row[]);
  } finally {
    staging.close();
  }
  // The staged copy must be exactly what the user reviewed (another window may have cleaned it up).
  if (plan.tables.some((t) => staged.get(t.table)?.length !== t.count)) {
    await new Dexie(plan.stagingName, depsOf(db)).delete().catch(() => {});
    throw new UserError(msg('backupErrors.restoreGone'));
  }
  const names = plan.tables.map((t) => t.table);
  // Photos of people the restore removes go too, unless the file brings its own photos.
  const prunePhotos = names.includes('people') && !names.includes('photos');
  const total = [...staged.values()].reduce((n, rows) => n + rows.length, 0);
  try {
    await db.transaction('rw', [...new Set([...names, ...(prunePhotos ? ['photos'] : []), 'syncState'])], async () => {
      // Restored rows keep the file's `updatedAt` and removed rows leave no trace: sync compares
      // the whole store with the vault next time (and removes there what is gone here).
      await requestFullSync(db);
      let done = 0;
      onProgress?.({ done, total });
      for (const [name, rows] of staged) {
        const table = db.table(name) as Table<Row, string>;
        await table.clear();
        for (let i = 0; i < rows.length; i += CHUNK) {
          await table.bulkAdd(rows.slice(i, i + CHUNK));
          done += Math.min(CHUNK, rows.length - i);
          onProgress?.({ done, total });
        }
      }
      if (prunePhotos) {
        const people = new Set((staged.get('people') ?? []).map(keyOf));
        const photoIds = (await db.photos.toCollection().primaryKeys()) as string[];
        await db.photos.bulkDelete(photoIds.filter((id) => !people.has(id)));
      }
    });
  } catch (error) {
    if (isQuotaError(error)) throw new StorageFullError(error);
    throw error;
  } finally {
    await new Dexie(plan.stagingName, depsOf(db)).delete().catch(() => {});
  }
  // Due dates are derived in the user's week (backups leave them out): compute them for what came back.
  if (names.includes('intros')) await reindexDueDates(db, workWeek(await getSettings(db)));
}

/** The user cancelled: drop the staged copy. */
export async function discardRestore(db: IntrobookDB, plan: RestorePlan): Promise<void> {
  await new Dexie(plan.stagingName, depsOf(db)).delete().catch(() => {});
}

/** Staging databases left behind by a restore that never finished (the page was closed). */
export async function removeLeftoverStaging(db: IntrobookDB, now = Date.now()): Promise<void> {
  const deps = depsOf(db);
  const factory = deps.indexedDB as IDBFactory & { databases?: () => Promise<{ name?: string }[]> };
  const names = ((await factory.databases?.().catch(() => [])) ?? []).map((d) => d.name ?? '');
  for (const name of names) {
    // Only those from more than a day ago: another window may be reviewing a restore right now.
    const made = Number(/^introbook-(?:restore|upgrade)-(\d+)-/.exec(name)?.[1] ?? NaN);
    if (Number.isFinite(made) && now - made > DAY) await new Dexie(name, deps).delete().catch(() => {});
  }
}
