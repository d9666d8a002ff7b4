/**
 * What sync decided, for the user: restore offers (removed on one device while
 * edited on another) and a row's sync history (values that lost to a change
 * made elsewhere at the same time, two saves of one person folded together).
 * Pages read and write these through Dexie like any other synced rows.
 */
import type { Table } from 'dexie';
import type { IntrobookDB } from '../db/app-db';
import type { SyncConflict } from './schemas';
import { tableSpec } from './tables';
import { t, tn } from '../i18n';

export interface RestoreOffer {
  offer: SyncConflict;
  /** How the user knows the row ("Ada Lovelace"). */
  label: string;
}

/** Open restore offers whose row is still removed (a handful at most: an index walk, not a table read). */
export async function openRestoreOffers(db: IntrobookDB): Promise<RestoreOffer[]> {
  const offers = await db.syncConflicts.where('kind').equals('restore').filter((c) => c.resolvedAt === null && c.deletedAt === null).toArray();
  const out: RestoreOffer[] = [];
  for (const offer of offers) {
    const spec = tableSpec(offer.table);
    if (!spec || !db.tables.some((t) => t.name === offer.table)) continue;
    const row = (await db.table(offer.table).get(offer.rowId)) as Record<string, unknown> | undefined;
    if (!row || row.deletedAt === null || row.deletedAt === undefined) continue;
    out.push({ offer, label: spec.label?.(row) ?? t('syncText.anItem') });
  }
  return out;
}

/** Bring the row back (with the edits made while it was removed) and close the offer. */
export async function restoreFromOffer(db: IntrobookDB, offer: SyncConflict, now = Date.now()): Promise<void> {
  const table = db.table(offer.table) as Table<Record<string, unknown>, string>;
  await db.transaction('rw', table, db.syncConflicts, async () => {
    const row = await table.get(offer.rowId);
    if (row && row.deletedAt !== null) await table.put({ ...row, deletedAt: null, updatedAt: now });
    await db.syncConflicts.update(offer.id, { resolvedAt: now, updatedAt: now });
  });
}

/** The user has seen it (a restore offer declined: the row stays removed). */
export async function dismissNotice(db: IntrobookDB, id: string, now = Date.now()): Promise<void> {
  await db.syncConflicts.update(id, { resolvedAt: now, updatedAt: now });
}

/** A row's sync history, newest first. */
export async function historyOf(db: IntrobookDB, table: string, rowId: string): Promise<SyncConflict[]> {
  const rows = await db.syncConflicts.where('[table+rowId]').equals([table, rowId]).toArray();
  return rows.filter((r) => r.kind !== 'restore' && r.deletedAt === null).sort((a, b) => b.at - a.at || a.id.localeCompare(b.id));
}

/** "howWeKnow" → "How we know". */
export function fieldLabel(field: string): string {
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A stored value as a short text (never HTML). */
export function describeValue(table: string, field: string, value: unknown): string {
  const special = tableSpec(table)?.describe?.(field, value);
  if (special) return special;
  if (value === null || value === undefined || value === '') return t('syncText.empty');
  if (typeof value === 'string') return value.length > 200 ? `${value.slice(0, 199)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.every((v) => typeof v === 'string') ? value.join(', ') || t('syncText.empty') : tn('syncText.items', value.length);
  const json = JSON.stringify(value);
  return json.length > 120 ? `${json.slice(0, 119)}…` : json;
}
