/**
 * Automatic safety copies: the whole store (minus photos, which can be
 * fetched again), gzip-compressed, kept in a database of their own in the
 * extension's storage — one a day (the last 7 days), and one before every
 * import or restore (the last 3), so a bad import or a mistaken bulk action
 * can be undone from Settings. Also remembers when the user last exported a
 * file, for the 30-day reminder.
 *
 * A separate database, not a table of the main one: a restore never touches
 * it, and it needs no schema migration when the main store's schema changes.
 */
import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { IntrobookDB } from '../db/app-db';
import { StorageFullError, isQuotaError } from '../db/errors';
import { exportBackup } from './export';
import { t } from '../i18n';
import { UserError } from '../core/user-error';

export const SAFETY_DB_NAME = 'introbook-safety';
export const DAILY_COPIES = 7;
export const EVENT_COPIES = 3;
export const EXPORT_REMINDER_DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;
/** A daily copy is due when the newest is this old (a little under a day, so the time of day does not drift later). */
const DAILY_INTERVAL = 20 * 60 * 60 * 1000;

export type SafetyCopyKind = 'daily' | 'before-import' | 'before-restore' | 'manual';

export interface SafetyCopyInfo {
  id: string;
  takenAt: number;
  kind: SafetyCopyKind;
  schemaVersion: number;
  counts: Record<string, number>;
  /** Compressed size in bytes. */
  size: number;
}

interface SafetyCopyData {
  id: string;
  /** The backup file (format.ts), gzip-compressed. */
  bytes: Uint8Array;
}

interface MetaRow {
  id: 'lastExportAt' | 'firstSeenAt' | 'lastReminderAt';
  value: number;
}

export class SafetyDB extends Dexie {
  copies!: EntityTable<SafetyCopyInfo, 'id'>;
  copyData!: EntityTable<SafetyCopyData, 'id'>;
  meta!: EntityTable<MetaRow, 'id'>;

  constructor(options?: DexieOptions) {
    super(SAFETY_DB_NAME, { chromeTransactionDurability: 'strict', ...options });
    this.version(1).stores({ copies: 'id, takenAt, kind', copyData: 'id', meta: 'id' });
  }
}

let safetyInstance: SafetyDB | null = null;
/** The safety-copy database of this extension (background and pages). */
export function getSafetyDb(): SafetyDB {
  safetyInstance ??= new SafetyDB();
  return safetyInstance;
}

// --- compression ------------------------------------------------------------------

async function pipe(data: Blob, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  return new Uint8Array(await new Response(data.stream().pipeThrough(stream as unknown as TransformStream<Uint8Array, Uint8Array>)).arrayBuffer());
}
export const gzip = (data: Blob) => pipe(data, new CompressionStream('gzip'));
export const gunzip = (bytes: Uint8Array) => pipe(new Blob([bytes as BlobPart]), new DecompressionStream('gzip'));

// --- copies -----------------------------------------------------------------------

export async function takeSafetyCopy(db: IntrobookDB, safety: SafetyDB, kind: SafetyCopyKind, now = Date.now()): Promise<SafetyCopyInfo> {
  const { blob, counts, schemaVersion } = await exportBackup(db, { exclude: ['photos'], kind: 'safety-copy', now });
  const bytes = await gzip(blob);
  const info: SafetyCopyInfo = { id: crypto.randomUUID(), takenAt: now, kind, schemaVersion, counts, size: bytes.byteLength };
  try {
    await safety.transaction('rw', safety.copies, safety.copyData, async () => {
      await safety.copies.add(info);
      await safety.copyData.add({ id: info.id, bytes });
    });
  } catch (error) {
    if (isQuotaError(error)) throw new StorageFullError(error);
    throw error;
  }
  await pruneSafetyCopies(safety);
  return info;
}

/** Keep the newest DAILY_COPIES daily copies and the newest EVENT_COPIES of the others. */
export async function pruneSafetyCopies(safety: SafetyDB): Promise<void> {
  const all = await safety.copies.orderBy('takenAt').reverse().toArray();
  const daily = all.filter((c) => c.kind === 'daily');
  const other = all.filter((c) => c.kind !== 'daily');
  const drop = [...daily.slice(DAILY_COPIES), ...other.slice(EVENT_COPIES)].map((c) => c.id);
  if (drop.length === 0) return;
  await safety.transaction('rw', safety.copies, safety.copyData, async () => {
    await safety.copies.bulkDelete(drop);
    await safety.copyData.bulkDelete(drop);
  });
}

/** Newest first. */
export function listSafetyCopies(safety: SafetyDB): Promise<SafetyCopyInfo[]> {
  return safety.copies.orderBy('takenAt').reverse().toArray();
}

/** The copy as backup-file text, for readBackupText(). */
export async function readSafetyCopy(safety: SafetyDB, id: string): Promise<string> {
  const data = await safety.copyData.get(id);
  if (!data) throw new UserError(t('backupErrors.safetyCopyGone'));
  return new TextDecoder().decode(await gunzip(data.bytes));
}

/** Take today's copy unless the newest daily one is recent. Returns the new copy, or null. */
export async function dailySafetyCopy(db: IntrobookDB, safety: SafetyDB, now = Date.now()): Promise<SafetyCopyInfo | null> {
  const newest = await safety.copies.where('kind').equals('daily').reverse().sortBy('takenAt');
  if (newest[0] && now - newest[0].takenAt < DAILY_INTERVAL) return null;
  if ((await db.people.count()) === 0 && (await db.intros.count()) === 0) return null; // nothing of the user's yet
  return takeSafetyCopy(db, safety, 'daily', now);
}

// --- export reminder --------------------------------------------------------------

async function metaValue(safety: SafetyDB, id: MetaRow['id']): Promise<number | null> {
  return (await safety.meta.get(id))?.value ?? null;
}

export async function recordExport(safety: SafetyDB, at = Date.now()): Promise<void> {
  await safety.meta.put({ id: 'lastExportAt', value: at });
}

export interface ExportStatus {
  lastExportAt: number | null;
  /** Days since the last export, or since Introbook first ran when there was none. */
  days: number;
  /** Time to remind: 30 days or more without an export. */
  due: boolean;
}

/** Read-only (pages show it in a live query). */
export async function exportStatus(safety: SafetyDB, now = Date.now()): Promise<ExportStatus> {
  const lastExportAt = await metaValue(safety, 'lastExportAt');
  const since = lastExportAt ?? (await metaValue(safety, 'firstSeenAt')) ?? now;
  const days = Math.max(0, Math.floor((now - since) / DAY));
  return { lastExportAt, days, due: days >= EXPORT_REMINDER_DAYS };
}

/** A reminder notification at most once a week while one is due. Also notes when Introbook was first used. */
export async function shouldNotifyExport(safety: SafetyDB, now = Date.now()): Promise<ExportStatus | null> {
  if ((await metaValue(safety, 'firstSeenAt')) === null) await safety.meta.put({ id: 'firstSeenAt', value: now });
  const status = await exportStatus(safety, now);
  if (!status.due) return null;
  const last = await metaValue(safety, 'lastReminderAt');
  if (last !== null && now - last < 7 * DAY) return null;
  await safety.meta.put({ id: 'lastReminderAt', value: now });
  return status;
}
