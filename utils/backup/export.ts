/**
 * Export every table to one backup file (see format.ts). Reads inside one
 * read-only transaction, so the file is a consistent snapshot even while the
 * background saves, in chunks walked by primary key (no offset scans), and
 * builds the file as Blob parts, one row per line, so no single string has
 * to hold the whole store.
 */
import type Dexie from 'dexie';
import type { Table } from 'dexie';
import { LOCAL_ONLY_TABLES, withoutDerived } from '../db/app-db';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupFile } from './format';

// i18n-ignore: the app's name as backup files record it, read back by imports
export const APP_INFO = { name: 'Introbook', version: '0.1.0' } as const;
const CHUNK = 2000;

export interface ExportProgress {
  done: number;
  total: number;
}

export interface ExportOptions {
  /** Leave these tables out (safety copies leave out photos, which can be fetched again). */
  exclude?: readonly string[];
  kind?: BackupFile['kind'];
  onProgress?: (progress: ExportProgress) => void;
  now?: number;
}

export interface ExportResult {
  blob: Blob;
  counts: Record<string, number>;
  exportedAt: number;
  schemaVersion: number;
}

/** Tables a backup holds: every table except local bookkeeping and `exclude`. */
export function exportedTables(db: Dexie, exclude: readonly string[] = []): Table[] {
  return db.tables.filter((t) => !LOCAL_ONLY_TABLES.has(t.name) && !exclude.includes(t.name)).sort((a, b) => a.name.localeCompare(b.name));
}

export async function exportBackup(db: Dexie, options: ExportOptions = {}): Promise<ExportResult> {
  const exportedAt = options.now ?? Date.now();
  const tables = exportedTables(db, options.exclude);
  if (!db.isOpen()) await db.open();
  const schemaVersion = db.verno;
  const parts: BlobPart[] = [];
  const counts: Record<string, number> = {};

  await db.transaction('r', tables, async () => {
    const totals = await Promise.all(tables.map((t) => t.count()));
    const total = totals.reduce((a, b) => a + b, 0);
    let done = 0;
    options.onProgress?.({ done, total });
    const header = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      exportedAt,
      app: APP_INFO,
      schemaVersion,
      kind: options.kind ?? 'export',
    };
    // The header's fields, then "tables": { "name": [ one row per line ], … }.
    parts.push(`${JSON.stringify(header).slice(0, -1)},\n"tables":{`);
    for (const [i, table] of tables.entries()) {
      parts.push(`${i > 0 ? ',\n' : '\n'}${JSON.stringify(table.name)}:[`);
      let count = 0;
      let last: unknown = undefined;
      for (;;) {
        const rows: unknown[] =
          last === undefined ? await table.orderBy(':id').limit(CHUNK).toArray() : await table.where(':id').above(last).limit(CHUNK).toArray();
        if (rows.length === 0) break;
        last = primaryKeyOf(table, rows.at(-1));
        // Index fields the store derives are not data: the importing store derives them again.
        parts.push(`${count > 0 ? ',' : ''}\n${rows.map((row) => JSON.stringify(withoutDerived(table.name, row))).join(',\n')}`);
        count += rows.length;
        done += rows.length;
        options.onProgress?.({ done, total });
        if (rows.length < CHUNK) break;
      }
      parts.push(count > 0 ? '\n]' : ']');
      counts[table.name] = count;
    }
    parts.push('\n}}\n');
  });

  return { blob: new Blob(parts, { type: 'application/json' }), counts, exportedAt, schemaVersion };
}

/** A row's primary key (every Introbook table has an inbound key such as `id`). */
export function primaryKeyOf(table: Table, row: unknown): unknown {
  const keyPath = table.schema.primKey.keyPath;
  if (typeof keyPath !== 'string' || row === null || typeof row !== 'object') return undefined;
  return (row as Record<string, unknown>)[keyPath];
}

/** `introbook-backup-2026-01-31.json` in the user's local date. */
export function backupFileName(at: number, extension = 'json', what = 'backup'): string {
  const d = new Date(at);
  const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return `introbook-${what}-${day}.${extension}`;
}
