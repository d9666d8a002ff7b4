/**
 * A readable backup → rows that are valid for today's store, and the rows
 * that are not, each with a reason. Nothing here writes to the live store.
 *
 * A backup from an older data version goes through a staging database: its
 * rows are stored under the schema they were written in, then that database
 * is opened with today's IntrobookDB, so the same upgrade code that migrates
 * users' stores brings the backup up to date. The staging database is deleted
 * afterwards.
 */
import Dexie, { type DexieOptions } from 'dexie';
import { IntrobookDB, LOCAL_ONLY_TABLES, SCHEMA_VERSIONS } from '../db/app-db';
import { rowSchemaFor, type BackupFile } from './format';
import { CURRENT_SCHEMA_VERSION } from './read';
import { formatNumber, t } from '../i18n';
import { UserError } from '../core/user-error';

export type Row = Record<string, unknown>;

export interface RowIssue {
  table: string;
  /** 1-based position of the row in the file's table (0 when the row was made by an upgrade). */
  row: number;
  id: string | null;
  /** What the user knows the row by (a person's name, a template's name…), when it has one. */
  label: string | null;
  reason: string;
}

export interface PreparedTable {
  table: string;
  /** Valid rows, as their schema parses them. */
  rows: Row[];
  /** For each valid row: its position in the file, or 0 for a row an upgrade created from others. */
  positions: number[];
  invalid: RowIssue[];
  /** The file has this table (possibly empty); false for one an upgrade of older data filled. */
  inFile: boolean;
}

export interface PreparedBackup {
  exportedAt: number;
  kind: BackupFile['kind'];
  schemaVersion: number;
  /** Tables the file has that this store does not (their rows are left out). */
  ignoredTables: { table: string; rows: number; reason: string }[];
  tables: PreparedTable[];
}

export interface PrepareOptions {
  onProgress?: (progress: { done: number; total: number }) => void;
}

const MAX_REASON = 300;

interface Staged {
  rows: Row[];
  positions: number[];
  invalid: RowIssue[];
  inFile: boolean;
}

/** What the user knows a row by. */
export function rowLabel(table: string, row: unknown): string | null {
  if (row === null || typeof row !== 'object') return null;
  const r = row as Row;
  const pick =
    table === 'intros' ? r.subject : table === 'people' || table === 'templates' ? r.name : table === 'tasks' || table === 'favours' ? r.text : table === 'introIdeas' ? r.reason : null;
  if (typeof pick !== 'string' || pick.trim() === '') return null;
  const text = pick.trim();
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function describeZodIssue(issue: { path: PropertyKey[]; message: string }): string {
  const where = issue.path.map(String).join('.');
  const message = issue.message.length > MAX_REASON ? `${issue.message.slice(0, MAX_REASON)}…` : issue.message;
  return where ? `${where}: ${message}` : message;
}

function stagingOptions(db: Dexie): DexieOptions {
  const deps = (db as unknown as { _deps: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange } })._deps;
  return { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange };
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function prepareBackup(db: Dexie, file: BackupFile, options: PrepareOptions = {}): Promise<PreparedBackup> {
  const liveTables = new Set(db.tables.map((t) => t.name).filter((t) => !LOCAL_ONLY_TABLES.has(t)));
  const ignoredTables: PreparedBackup['ignoredTables'] = [];
  const structural = new Map<string, Staged>();
  const total = Object.values(file.tables).reduce((n, rows) => n + rows.length, 0);
  let done = 0;

  // 1. Structure: every row a plain object with a string id, once per table.
  for (const [table, rows] of Object.entries(file.tables)) {
    if (LOCAL_ONLY_TABLES.has(table)) continue;
    if (!liveTables.has(table)) {
      ignoredTables.push({ table, rows: rows.length, reason: t('backupErrors.noSuchTable') });
      continue;
    }
    const entry: Staged = { rows: [], positions: [], invalid: [], inFile: true };
    const seen = new Map<string, number>();
    rows.forEach((row, i) => {
      const position = i + 1;
      const issue = (reason: string, id: string | null = null) => entry.invalid.push({ table, row: position, id, label: rowLabel(table, row), reason });
      if (row === null || typeof row !== 'object' || Array.isArray(row)) return issue(t('backupErrors.notARecord'));
      const id = (row as Row).id;
      if (typeof id !== 'string' || id.length === 0 || id.length > 200) return issue(t('backupErrors.noValidId'));
      const earlier = seen.get(id);
      if (earlier !== undefined) return issue(t('backupErrors.sameIdAsRow', { row: formatNumber(earlier) }), id);
      seen.set(id, position);
      entry.rows.push(row as Row);
      entry.positions.push(position);
    });
    structural.set(table, entry);
  }

  // 2. Older data: bring the rows up to date through a staging database.
  if (file.schemaVersion < CURRENT_SCHEMA_VERSION) await upgradeInStaging(db, file.schemaVersion, structural, ignoredTables);

  // 3. Each row against its table's schema.
  const tables: PreparedTable[] = [];
  for (const [table, entry] of structural) {
    const schema = rowSchemaFor(table);
    const prepared: PreparedTable = { table, rows: [], positions: [], invalid: entry.invalid, inFile: entry.inFile };
    const urls = new Map<string, number>();
    for (const [i, row] of entry.rows.entries()) {
      const position = entry.positions[i]!;
      const parsed = schema.safeParse(row);
      if (!parsed.success) {
        prepared.invalid.push({ table, row: position, id: String(row.id), label: rowLabel(table, row), reason: describeZodIssue(parsed.error.issues[0]!) });
      } else if (table === 'people' && urls.has(String(parsed.data.profileUrl))) {
        prepared.invalid.push({
          table,
          row: position,
          id: String(row.id),
          label: rowLabel(table, row),
          reason: t('backupErrors.sameProfileUrlAsRow', { row: formatNumber(urls.get(String(parsed.data.profileUrl))!) }),
        });
      } else {
        if (table === 'people') urls.set(String(parsed.data.profileUrl), position);
        prepared.rows.push(parsed.data);
        prepared.positions.push(position);
      }
      done += 1;
      if (done % 1000 === 0) {
        options.onProgress?.({ done, total });
        await tick();
      }
    }
    prepared.invalid.sort((a, b) => a.row - b.row);
    tables.push(prepared);
  }
  options.onProgress?.({ done: total, total });
  return { exportedAt: file.exportedAt, kind: file.kind, schemaVersion: file.schemaVersion, ignoredTables, tables };
}

/**
 * Store the rows as data version `version` stored them, open that database
 * with today's schema (running every upgrade since), and read them back.
 * Rows an upgrade creates (a meeting from a request's old meeting time) come
 * back with position 0.
 */
async function upgradeInStaging(
  db: Dexie,
  version: number,
  structural: Map<string, Staged>,
  ignoredTables: PreparedBackup['ignoredTables'],
): Promise<void> {
  const name = `introbook-upgrade-${Date.now()}-${crypto.randomUUID()}`;
  const deps = stagingOptions(db);
  const declared = SCHEMA_VERSIONS.filter((v) => v.version <= version);
  const oldStores = declared.at(-1)?.stores ?? {};
  const old = new Dexie(name, deps);
  for (const v of declared) old.version(v.version).stores(v.stores);
  try {
    await old.open();
    for (const [table, entry] of structural) {
      if (!(table in oldStores)) {
        ignoredTables.push({ table, rows: entry.rows.length, reason: t('backupErrors.noSuchTableInVersion', { version: formatNumber(version) }) });
        structural.delete(table);
        continue;
      }
      try {
        await old.table(table).bulkAdd(entry.rows);
      } catch (error) {
        if (!(error instanceof Dexie.BulkError)) throw error;
        const failed = new Set(Object.keys(error.failuresByPos).map(Number));
        for (const [pos, failure] of Object.entries(error.failuresByPos)) {
          const row = entry.rows[Number(pos)]!;
          const reason = failure.name === 'ConstraintError' ? t('backupErrors.repeatsUniqueValue') : t('backupErrors.couldNotStore', { error: failure.name });
          entry.invalid.push({ table, row: entry.positions[Number(pos)]!, id: String(row.id), label: rowLabel(table, row), reason });
        }
        entry.rows = entry.rows.filter((_, i) => !failed.has(i));
        entry.positions = entry.positions.filter((_, i) => !failed.has(i));
      }
    }
    old.close();

    const staged = new IntrobookDB({ ...deps, chromeTransactionDurability: 'relaxed' }, name);
    try {
      await staged.open();
      for (const table of staged.tables) {
        if (LOCAL_ONLY_TABLES.has(table.name)) continue;
        const entry = structural.get(table.name) ?? { rows: [], positions: [], invalid: [], inFile: false };
        // A table the old version did not have may be filled by an upgrade from others.
        structural.set(table.name, entry);
        const positionOf = new Map(entry.rows.map((row, i) => [String(row.id), entry.positions[i]!]));
        const rows = (await table.toArray()) as Row[];
        entry.rows = rows;
        entry.positions = rows.map((row) => positionOf.get(String(row.id)) ?? 0);
        if (!entry.inFile && rows.length === 0) structural.delete(table.name);
      }
    } catch (error) {
      throw new UserError(t('backupErrors.upgradeFailed', { version: formatNumber(version), error: error instanceof Error ? error.message : String(error) }));
    } finally {
      staged.close();
    }
  } finally {
    old.close();
    await new Dexie(name, deps).delete().catch(() => {});
  }
}
