/**
 * Which rows of synced tables changed, wherever the write happened. Dexie hooks
 * on every synced table collect the keys a transaction wrote and report them
 * once it commits. In the background (where sync runs) the engine hears
 * directly; in a page (popup, side panel) the report goes to the background as
 * a message, which also wakes it. Sync's own writes are not reported.
 */
import type { Transaction } from 'dexie';
import { browser } from 'wxt/browser';
import type { IntrobookDB } from '../db/app-db';
import { syncOnItem } from './status';
import { SYNCED_TABLES } from './tables';

export type Changes = Record<string, string[]>;
/** Above this many keys a report just says "look at everything changed lately". */
export const MAX_REPORTED_KEYS = 2000;

export interface ChangeReport {
  changes: Changes;
  /** Too many keys to list: scan recent rows by `updatedAt` instead. */
  scan: boolean;
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

/** In an extension page: tell the background (which runs sync), while sync is on. */
function reportToBackground(report: ChangeReport): void {
  void syncOnItem.getValue().then((on) => {
    if (on) browser.runtime.sendMessage({ type: 'sync/changed', ...report }).catch(() => {});
  });
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
        if (map && report) report(toReport(map), db);
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
  return total > MAX_REPORTED_KEYS ? { changes: {}, scan: true } : { changes, scan: false };
}
