/**
 * Sync's device-only state in IndexedDB: this device's membership (vault id,
 * secret, relay), its cursors, and its copies of the two Yjs documents as
 * appended updates (compacted when they pile up).
 */
import * as Y from 'yjs';
import type { IntrobookDB } from '../db/app-db';
import { CONFIG_KEY } from './changes';
import { syncConfigSchema, type SyncConfig, type SyncUpdateRow } from './schemas';

export { CONFIG_KEY } from './changes';
export const DEVICE_KEY = 'deviceId';
export const PENDING_KEY = 'pending';
export const JOINING_KEY = 'joining';
export const cursorKey = (table: string) => `cursor:${table}`;

/** Updates kept per document before they are merged into one. */
const COMPACT_AFTER = 64;

export async function readConfig(db: IntrobookDB): Promise<SyncConfig | null> {
  const row = await db.syncState.get(CONFIG_KEY);
  const parsed = syncConfigSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

export async function writeConfig(db: IntrobookDB, config: SyncConfig): Promise<void> {
  await db.syncState.put({ key: CONFIG_KEY, value: syncConfigSchema.parse(config) });
}

export async function readValue<T>(db: IntrobookDB, key: string, valid: (v: unknown) => v is T, fallback: T): Promise<T> {
  const value = (await db.syncState.get(key))?.value;
  return valid(value) ? value : fallback;
}

export const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';

/** A random id for this browser profile, made once. */
export async function deviceId(db: IntrobookDB): Promise<string> {
  const existing = await readValue(db, DEVICE_KEY, (v): v is string => typeof v === 'string' && v.length >= 8, '');
  if (existing) return existing;
  const id = crypto.randomUUID();
  await db.syncState.put({ key: DEVICE_KEY, value: id });
  return id;
}

/** One document's saved state as a single update (v2), merging and compacting what was appended. */
export async function loadDoc(db: IntrobookDB, doc: SyncUpdateRow['doc']): Promise<Uint8Array | null> {
  const rows = await db.syncUpdates.where('doc').equals(doc).toArray();
  if (rows.length === 0) return null;
  const merged = rows.length === 1 ? rows[0]!.data : Y.mergeUpdatesV2(rows.map((r) => r.data));
  if (rows.length > COMPACT_AFTER) {
    await db.transaction('rw', db.syncUpdates, async () => {
      await db.syncUpdates.bulkDelete(rows.map((r) => r.seq!));
      await db.syncUpdates.add({ doc, data: merged });
    });
  }
  return merged;
}

/** Forget the vault on this device: its copy of the documents, cursors and membership. Contacts stay. */
export async function forgetVault(db: IntrobookDB): Promise<void> {
  await db.transaction('rw', db.syncState, db.syncUpdates, async () => {
    await db.syncUpdates.clear();
    const keys = (await db.syncState.toCollection().primaryKeys()).filter((k) => k !== DEVICE_KEY);
    await db.syncState.bulkDelete(keys);
  });
}
