/**
 * Which rows of synced tables changed, wherever the write happened. Dexie hooks
 * on every synced table collect the keys a transaction wrote and report them
 * once it commits. In the background (where sync runs) the engine hears
 * directly; in a page (popup, side panel) the report goes to the background as
 * a message, which also wakes it. Sync's own writes are not reported.
 *
 * A transaction too large to list (an import, a restore, a bulk change) asks
 * for a **full reconcile** instead: a token in the device-only `syncState`
 * table, written before the report goes out, so the request survives a report
 * that is lost (sync paused, the background asleep or restarting). The engine
 * honours it on its next cycle (utils/sync/exchange.ts `full`). Import and
 * restore also write it inside their own transaction (`requestFullSync`).
 */
import Dexie, { type Transaction } from 'dexie';
import { browser } from 'wxt/browser';
import type { IntrobookDB } from '../db/app-db';
import { SYNCED_TABLES } from './tables';

export type Changes = Record<string, string[]>;
/** Above this many keys a report asks for a full reconcile instead of listing them. */
export const MAX_REPORTED_KEYS = 2000;

export interface ChangeReport {
  changes: Changes;
  /** Too many keys to list: compare every row of the store with the vault (a full reconcile). */
  full: boolean;
}

/** `syncState` key of this device's vault membership (utils/sync/store.ts). */
export const CONFIG_KEY = 'config';
/** `syncState` key holding a pending full-reconcile request (a token: cleared only by the cycle that read it). */
export const FULL_SYNC_KEY = 'fullSync';

/**
 * Ask sync to compare the whole store with the vault on its next cycle: rows
 * written without a usable report (a restore, an import, changes while sync
 * was paused) reach the vault whatever their `updatedAt`, and rows the store
 * no longer has are removed from it. Call inside a transaction that includes
 * `syncState` to make the request part of the write. Does nothing on a device in no vault.
 */
export function requestFullSync(db: IntrobookDB): Promise<void> {
  return db.transaction('rw', db.syncState, async () => {
    // No vault on this device: nothing to reconcile (creating or joining one takes in the whole store).
    if (!(await db.syncState.get(CONFIG_KEY))) return;
    await db.syncState.put({ key: FULL_SYNC_KEY, value: `${Date.now()}-${Math.random().toString(36).slice(2)}` });
  });
}

/** The pending full-reconcile request's token, or null when none is pending. */
export async function fullSyncRequest(db: IntrobookDB): Promise<unknown> {
  return (await db.syncState.get(FULL_SYNC_KEY))?.value ?? null;
}

/** Transactions sync itself runs (mirroring other devices' changes): their writes are not reported. */
const syncTransactions = new WeakSet<object>();
export function markSyncTransaction(tx: Transaction): void {
  syncTransactions.add(root(tx));
}

function root(tx: Transaction): Transaction {
  let t = tx;
  while ((t as Transaction & { parent?: Transaction }).parent) t = (t as Transaction & { parent: Transaction }).parent;
  return t;
}

let handler: ((report: ChangeReport, db: IntrobookDB) => void) | null = null;

/** Whether this device syncs: its vault membership says so (device-only IndexedDB, where content scripts never reach). */
async function syncOn(db: IntrobookDB): Promise<boolean> {
  const config = (await Dexie.ignoreTransaction(() => db.syncState.get(CONFIG_KEY)))?.value as { enabled?: unknown } | undefined;
  return config?.enabled === true;
}

/** In an extension page: tell the background (which runs sync), while sync is on. */
function reportToBackground(report: ChangeReport, db: IntrobookDB): void {
  void syncOn(db)
    .then((on) => {
      if (on) return browser.runtime.sendMessage({ type: 'sync/changed', ...report });
    })
    .catch(() => {});
}

function currentHandler(): ((report: ChangeReport, db: IntrobookDB) => void) | null {
  return handler ?? (typeof document !== 'undefined' ? reportToBackground : null);
}

/** Where reports go in this context. The background's sync engine sets it; pages set a messenger. */
export function onLocalChanges(next: ((report: ChangeReport, db: IntrobookDB) => void) | null): void {
  handler = next;
}

const tracked = new WeakSet<IntrobookDB>();

/** Register the hooks on a database connection (once per connection). */
export function trackLocalChanges(db: IntrobookDB): void {
  if (tracked.has(db)) return;
  tracked.add(db);
  const pending = new WeakMap<Transaction, Map<string, Set<string>>>();
  const note = (tx: Transaction | undefined, table: string, key: unknown) => {
    if (!tx || typeof key !== 'string') return;
    const top = root(tx);
    if (syncTransactions.has(top)) return;
    let byTable = pending.get(top);
    if (!byTable) {
      byTable = new Map();
      pending.set(top, byTable);
      top.on('complete', () => {
        const map = pending.get(top);
        pending.delete(top);
        const report = currentHandler();
        if (!map) return;
        const out = toReport(map);
        // Too many keys: the request is stored first, so it outlives a report that never arrives.
        if (out.full) void Dexie.ignoreTransaction(() => requestFullSync(db)).catch(() => {}).finally(() => report?.(out, db));
        else report?.(out, db);
      });
    }
    let keys = byTable.get(table);
    if (!keys) byTable.set(table, (keys = new Set()));
    keys.add(key);
  };
  for (const { name } of SYNCED_TABLES) {
    if (!db.tables.some((t) => t.name === name)) continue;
    const table = db.table(name);
    table.hook('creating', function (key, obj, tx) {
      note(tx, name, key ?? (obj as { id?: unknown }).id);
    });
    table.hook('updating', function (_mods, key, _obj, tx) {
      note(tx, name, key);
    });
    table.hook('deleting', function (key, _obj, tx) {
      note(tx, name, key);
    });
  }
}

function toReport(map: Map<string, Set<string>>): ChangeReport {
  let total = 0;
  const changes: Changes = {};
  for (const [table, keys] of map) {
    total += keys.size;
    changes[table] = Array.from(keys);
  }
  return total > MAX_REPORTED_KEYS ? { changes: {}, full: true } : { changes, full: false };
}
