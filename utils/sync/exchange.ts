/**
 * One exchange between this device's store (Dexie) and its vault copy, in a
 * single read-write transaction over every synced table, so no page write can
 * slip in between reading what changed here and writing what changed
 * elsewhere:
 *
 * 1. rows this device changed (reported by the hooks, plus anything updated
 *    since the cursor) go into the vault, only the fields that differ; or, in a
 *    **full reconcile** (after an import, a restore, a transaction too large to
 *    list, or sync being paused), every row of the store is compared with the
 *    vault in chunks, and rows the vault has but the store no longer has are
 *    sent as deletions;
 * 2. other devices' updates (already decrypted) are applied; sync's rules
 *    follow (conflict records, restore offers, folding duplicates);
 * 3. every row the vault says changed is written into the store: checked
 *    against the table's schema first, rows folded away or hard-deleted
 *    elsewhere removed, the unique natural key respected.
 *
 * Nothing here waits on anything but Dexie (IndexedDB commits a transaction
 * left idle), so decrypting and encrypting happen outside (engine.ts).
 */
import type { Table } from 'dexie';
import type { IntrobookDB } from '../db/app-db';
import { withoutDerived } from '../db/app-db';
import { reindexDueDates } from '../db/due-index';
import { getSettings, workWeek } from '../settings';
import { markSyncTransaction } from './changes';
import { deepEqual, isEmptyValue } from './json';
import { SETTINGS_ROW, SETTINGS_TABLE, SYNCED_SETTINGS, SYNCED_TABLES, type SyncedTable } from './tables';
import type { Row, Vault } from './vault';

export interface ExchangeInput {
  /** Rows the hooks reported, by table. */
  changed: Map<string, Set<string>>;
  /** Also push every row with `updatedAt` ≥ this (0: everything; null: none). */
  scanFrom: number | null;
  /** This device's synced settings, when they may have changed here (null: not). */
  settings: Record<string, unknown> | null;
  /** Other devices' updates, decrypted. */
  remote: Uint8Array[];
  /**
   * First exchange of a device joining a vault: its rows meet the vault's. A
   * row both have keeps the side written last; a settings field the vault
   * already has keeps the vault's value.
   */
  join?: boolean;
  /** Rows to write into the store again (held back earlier: a newer version wrote them). */
  retry?: Map<string, Set<string>>;
  /**
   * Compare every row of the store with the vault, whatever its `updatedAt`
   * (rows an import or a restore wrote keep their file's dates), and send rows
   * the vault has and the store no longer has as deletions. Ignored when joining.
   */
  full?: boolean;
}

export interface ExchangeResult {
  /** Rows of this device that changed the vault. */
  pushed: number;
  /** Rows written into or removed from the store. */
  mirrored: number;
  /** The vault's settings row, when it changed and the device's settings should follow. */
  settings: Row | null;
  /** Highest `updatedAt` pushed (the next cursor). */
  maxUpdatedAt: number;
  /** Rows from other devices that failed this version's schema: kept in the vault, retried later. */
  held: Map<string, Set<string>>;
}

const MAX_ROUNDS = 5;
/** A full reconcile reads each table this many rows at a time. */
const FULL_CHUNK = 1000;

/** Synced tables this database has. */
export function storeTables(db: IntrobookDB): SyncedTable[] {
  const names = new Set(db.tables.map((t) => t.name));
  return SYNCED_TABLES.filter((t) => names.has(t.name));
}

export async function exchange(db: IntrobookDB, vault: Vault, input: ExchangeInput): Promise<ExchangeResult> {
  const specs = storeTables(db);
  const result: ExchangeResult = { pushed: 0, mirrored: 0, settings: null, maxUpdatedAt: 0, held: new Map() };
  const landedRequests = new Set<string>();
  await db.transaction('rw', specs.map((s) => db.table(s.name)), async (tx) => {
    markSyncTransaction(tx);

    // A joining device first takes in the vault as it is, then offers what it had.
    if (input.join) for (const update of input.remote) vault.applyRemote(update);

    // 1. This device's changes (before other devices' changes are applied, so
    // that what the store holds is compared with what it last had).
    for (const spec of specs) {
      const table = db.table(spec.name) as Table<Row, string>;
      if (input.full && !input.join) {
        await reconcile(vault, spec, table, input.retry?.get(spec.name), result);
        continue;
      }
      const ids = new Set(input.changed.get(spec.name) ?? []);
      let rows: Row[] = [];
      if (input.scanFrom !== null) rows = await table.where('updatedAt').aboveOrEqual(input.scanFrom).toArray();
      for (const r of rows) ids.delete(r.id as string);
      const asked = Array.from(ids);
      const found = await table.bulkGet(asked);
      rows.push(...found.filter((r): r is Row => r !== undefined));
      const missing = asked.filter((_, i) => found[i] === undefined);
      if (input.join) rows = rows.filter((r) => newerThanVault(vault, spec.name, r));
      // Index fields the store derives (utils/db/app-db.ts DERIVED_FIELDS) are not data: each device derives its own.
      rows = rows.map((r) => withoutDerived(spec.name, r));
      for (let i = 0; i < rows.length; i += 500) result.pushed += vault.pushRows(spec.name, rows.slice(i, i + 500));
      result.pushed += vault.pushGone(spec.name, missing);
      for (const r of rows) if (typeof r.updatedAt === 'number') result.maxUpdatedAt = Math.max(result.maxUpdatedAt, r.updatedAt);
    }
    if (input.settings) {
      const settingsRow: Row = { id: SETTINGS_ROW };
      const inVault = vault.readRow(SETTINGS_TABLE, SETTINGS_ROW)?.row ?? {};
      for (const field of SYNCED_SETTINGS) {
        if (input.settings[field] === undefined) continue;
        // Joining: the vault's settings (the user's, from their other devices) beat this
        // device's, and a field left empty here (a default) is not offered at all.
        if (input.join && (!isEmptyValue(inVault[field]) || isEmptyValue(input.settings[field]))) continue;
        settingsRow[field] = input.settings[field];
      }
      result.pushed += vault.pushRows(SETTINGS_TABLE, [settingsRow]);
      if (input.join) vault.markMirror(SETTINGS_TABLE, SETTINGS_ROW);
    }

    // 2. Other devices' changes.
    if (!input.join) for (const update of input.remote) vault.applyRemote(update);
    if (input.join) {
      // Rows the vault had (and this device had older, or not at all): the vault's version lands here.
      for (const spec of specs) for (const id of vault.rowIds(spec.name)) vault.markMirror(spec.name, id);
    }
    for (const [table, ids] of input.retry ?? []) for (const id of ids) vault.markMirror(table, id);

    // 3. Into the store.
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const mirror = vault.takeMirror();
      if (mirror.size === 0) break;
      if (mirror.has(SETTINGS_TABLE)) result.settings = vault.readRow(SETTINGS_TABLE, SETTINGS_ROW)?.row ?? null;
      for (const spec of specs) {
        const ids = mirror.get(spec.name);
        if (ids && ids.size > 0) result.mirrored += await writeRows(db, vault, spec, Array.from(ids), result.held, round === MAX_ROUNDS - 1);
        if (ids && spec.name === 'intros') for (const id of ids) landedRequests.add(id);
        // A meeting that landed moves the due date of the request it came from.
        if (ids && spec.name === 'meetings') for (const m of await db.meetings.bulkGet(Array.from(ids))) if (m?.requestId) landedRequests.add(m.requestId);
      }
    }
  });
  // A request's due date is derived in this device's working week (utils/db/due-index.ts).
  if (landedRequests.size > 0) await reindexDueDates(db, workWeek(await getSettings(db)), [...landedRequests]);
  return result;
}

/**
 * Full reconcile of one table: every row of the store goes to the vault (only
 * fields that differ are written, so an unchanged row costs a comparison), then
 * every row the vault holds that the store doesn't is marked gone — as a hard
 * delete here would be. Rows the store never took in are left alone: those held
 * back because this version can't read them (they fail its schema), or listed
 * to be retried.
 */
async function reconcile(vault: Vault, spec: SyncedTable, table: Table<Row, string>, retry: Set<string> | undefined, result: ExchangeResult): Promise<void> {
  const present = new Set<string>();
  let last: string | null = null;
  for (;;) {
    const chunk: Row[] = await (last === null ? table.orderBy(':id') : table.where(':id').above(last)).limit(FULL_CHUNK).toArray();
    if (chunk.length === 0) break;
    last = chunk[chunk.length - 1]!.id as string;
    for (const r of chunk) {
      present.add(r.id as string);
      if (typeof r.updatedAt === 'number') result.maxUpdatedAt = Math.max(result.maxUpdatedAt, r.updatedAt);
    }
    result.pushed += vault.pushRows(spec.name, chunk.map((r) => withoutDerived(spec.name, r)));
    if (chunk.length < FULL_CHUNK) break;
  }
  const gone = vault.rowIds(spec.name).filter((id) => !present.has(id) && !retry?.has(id) && landsInStore(vault, spec, id));
  result.pushed += vault.pushGone(spec.name, gone);
}

/** Whether the store would hold this vault row (not gone, and readable by this version). */
function landsInStore(vault: Vault, spec: SyncedTable, id: string): boolean {
  const there = vault.readRow(spec.name, id);
  if (!there || there.gone) return false;
  return !spec.schema || spec.schema.safeParse({ ...spec.defaults?.(), ...there.row }).success;
}

function newerThanVault(vault: Vault, table: string, row: Row): boolean {
  const there = vault.readRow(table, row.id as string);
  if (!there || there.gone) return true;
  return Number(row.updatedAt ?? 0) > Number(there.row.updatedAt ?? 0);
}

function note(map: Map<string, Set<string>>, table: string, id: string): void {
  let set = map.get(table);
  if (!set) map.set(table, (set = new Set()));
  set.add(id);
}

async function writeRows(db: IntrobookDB, vault: Vault, spec: SyncedTable, ids: string[], held: Map<string, Set<string>>, lastRound: boolean): Promise<number> {
  const table = db.table(spec.name) as Table<Row, string>;
  const existing = await table.bulkGet(ids);
  const puts: Row[] = [];
  const deletes: string[] = [];
  ids.forEach((id, i) => {
    const here = existing[i];
    const there = vault.readRow(spec.name, id);
    if (!there) return;
    if (there.gone) {
      if (here) deletes.push(id);
      return;
    }
    const row: Row = { ...spec.defaults?.(), ...here, ...there.row };
    if (here && deepEqual(here, row)) return;
    if (spec.schema && !spec.schema.safeParse(row).success) {
      note(held, spec.name, id);
      return;
    }
    puts.push(row);
  });
  if (spec.naturalKey && puts.length > 0) {
    // A row here with the same natural key under another id (saved on this device
    // and not yet in the vault): hand it to the vault, which folds the two.
    const key = spec.naturalKey;
    const putIds = new Set(puts.map((r) => r.id as string));
    const gone = new Set(deletes);
    const values = puts.map((r) => r[key]).filter((v): v is string => typeof v === 'string');
    const clashing = (await table.where(key).anyOf(values).toArray()).filter((r) => !putIds.has(r.id as string) && !gone.has(r.id as string));
    if (clashing.length > 0) {
      vault.pushRows(spec.name, clashing);
      const clashValues = new Set(clashing.map((r) => r[key]));
      // Wait for the fold (next round); on the last round, leave the store as it is rather than fail.
      for (let i = puts.length - 1; i >= 0; i--) {
        if (clashValues.has(puts[i]![key])) {
          if (!lastRound) vault.markMirror(spec.name, puts[i]!.id as string);
          puts.splice(i, 1);
        }
      }
    }
  }
  if (deletes.length > 0) await table.bulkDelete(deletes);
  if (puts.length > 0) await table.bulkPut(puts);
  return puts.length + deletes.length;
}
