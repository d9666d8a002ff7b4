/**
 * The vault: one Yjs document holding everything that syncs, and the mapping
 * between its shape and the rows Dexie stores. Pure (no IndexedDB, no network),
 * so every rule here is unit-tested with two vaults trading updates.
 *
 * Layout: one top-level Y.Map per synced table, keyed by row id; each row is a
 * Y.Map keyed by field. Fields merge one by one (Yjs map semantics: concurrent
 * writes to one key end with the same winner on every device). `set` fields
 * are nested maps of element → true, `record` fields nested maps of key →
 * value, a `group` of fields is one key (`@name`). Keys starting with `_` are
 * sync's own: `_rev` (which device wrote the row last, and whether that write
 * removed it), `_gone` (the row was hard-deleted or folded into another) and
 * `_mergedInto`.
 *
 * On top of Yjs's merge, sync notices what the user should hear about, from
 * the structure Yjs keeps (an item's `origin` is the value it replaced):
 * - a field value that lost to a concurrent write → a `field` conflict record;
 * - a removal concurrent with an edit (their `_rev` stamps collided, one says
 *   removed, the other edited) → a `restore` offer; the edits stay in the row;
 * - two rows with one natural key (the same person saved on two devices) →
 *   folded into the lower id, references rewritten, a `merge` record;
 * - a row created with the same id on two devices (built-in templates,
 *   settings): the losing row map's fields are folded into the winner.
 * Conflict records are rows of the synced `syncConflicts` table with ids
 * derived from the losing item, so every device writes the same record.
 */
import * as Y from 'yjs';
import { deepEqual, isEmptyValue, isPlainObject } from './json';
import { ALWAYS_QUIET, type SyncedTable } from './tables';
import { InternalError } from '../core/internal-error';

export type Row = Record<string, unknown>;
type DeleteSet = Y.Transaction['deleteSet'];
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types its shared types' events loosely
type AnyType = Y.AbstractType<any>;

/** Transaction origins. */
export const LOCAL = 'introbook:local'; // rows read from this device's store
export const FOLLOW_UP = 'introbook:follow-up'; // sync's own writes (conflicts, merges): mirrored into the store
export const REMOTE = 'introbook:remote'; // updates from other devices
export const LOAD = 'introbook:load'; // this device's own saved state

export const CONFLICTS_TABLE = 'syncConflicts';
const REV = '_rev';
const GONE = '_gone';
const MERGED = '_mergedInto';

export interface RowStamp {
  /** Device that wrote the row last. */
  d: string;
  /** That write left the row removed (`deletedAt` set). */
  del: boolean;
}

export interface VaultRow {
  row: Row;
  /** Hard-deleted everywhere (or folded into another row): remove it from the store. */
  gone: boolean;
  mergedInto: string | null;
}

interface LostValue {
  table: string;
  rowId: string;
  key: string;
  loserId: string;
  value: unknown;
  /** Set or record fields: the loser was a nested map; its entries. */
  entries?: Map<string, unknown>;
}

interface LostRow {
  table: string;
  rowId: string;
  loserId: string;
  fields: Map<string, { value: unknown; entries?: Map<string, unknown> }>;
}

const idOf = (item: Y.Item) => `${item.id.client}.${item.id.clock}`;

/** Another item in this key's chain was written knowing this one (it names it as origin). */
function overwritten(item: Y.Item): boolean {
  for (let r = item.right; r !== null; r = r.right) {
    const o = r.origin;
    if (o !== null && o.client === item.id.client && o.clock >= item.id.clock && o.clock < item.id.clock + item.length) return true;
  }
  return false;
}

/**
 * The value an item held, even when deleted in the transaction being observed
 * (Yjs drops content only after observers run). Nested maps give their entries.
 */
function itemValue(item: Y.Item, ds: DeleteSet): { ok: boolean; value: unknown; entries?: Map<string, unknown> } {
  if (item.content instanceof Y.ContentDeleted) return { ok: false, value: undefined };
  const content = item.content.getContent();
  const value = content[content.length - 1];
  if (value instanceof Y.Map) return { ok: true, value, entries: liveEntries(value, ds) };
  return { ok: true, value };
}

/** A map's entries as they were before the transaction deleted them (keys removed earlier stay out). */
function liveEntries(map: Y.Map<unknown>, ds: DeleteSet): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, item] of map._map) {
    if (item.deleted && !Y.isDeleted(ds, item.id)) continue;
    const v = itemValue(item, ds);
    if (v.ok) out.set(key, v.entries ?? v.value);
  }
  return out;
}

export class Vault {
  readonly doc: Y.Doc;
  private readonly specs = new Map<string, SyncedTable>();
  private readonly tableOf = new Map<AnyType, SyncedTable>();
  /** Rows changed by other devices or by sync itself: to be written into the store. */
  private mirror = new Map<string, Set<string>>();
  /** Rows changed by anyone but sync itself since the last follow-up: checked for duplicates. */
  private touched = new Map<string, Set<string>>();
  private lostValues: LostValue[] = [];
  private lostRows: LostRow[] = [];
  private revCollisions: { table: string; rowId: string; loserId: string; loser: RowStamp; winner: RowStamp }[] = [];
  private naturalKeys = new Map<string, { byValue: Map<string, Set<string>>; byId: Map<string, string> }>();

  constructor(
    specs: readonly SyncedTable[],
    readonly deviceId: string,
    readonly now: () => number = Date.now,
    doc?: Y.Doc,
  ) {
    this.doc = doc ?? new Y.Doc();
    for (const spec of specs) {
      this.specs.set(spec.name, spec);
      this.tableOf.set(this.doc.getMap(spec.name), spec);
    }
    this.doc.on('afterTransaction', (tr: Y.Transaction) => this.afterTransaction(tr));
  }

  // --- rows in, rows out ------------------------------------------------------------

  table(name: string): Y.Map<Y.Map<unknown>> {
    if (!this.specs.has(name)) throw new InternalError(`Not a synced table: ${name}`);
    return this.doc.getMap(name);
  }

  /** This device's rows, as the store holds them now: only fields that differ are written. Returns how many rows changed. */
  pushRows(table: string, rows: readonly Row[]): number {
    let changed = 0;
    this.doc.transact(() => {
      for (const row of rows) if (this.writeRow(table, row)) changed++;
    }, LOCAL);
    this.followUp();
    return changed;
  }

  /** Rows this device hard-deleted (gone from its store): gone everywhere. */
  pushGone(table: string, ids: readonly string[]): number {
    let changed = 0;
    this.doc.transact(() => {
      for (const id of ids) {
        const rmap = this.table(table).get(id);
        if (!(rmap instanceof Y.Map) || rmap.get(GONE) === true) continue;
        rmap.set(GONE, true);
        rmap.set(REV, { d: this.deviceId, del: true } satisfies RowStamp);
        changed++;
      }
    }, LOCAL);
    return changed;
  }

  /** Apply another device's update; conflicts, restore offers and merges follow. */
  applyRemote(update: Uint8Array): void {
    Y.applyUpdateV2(this.doc, update, REMOTE);
    this.followUp();
  }

  /** Apply this device's own saved state (no conflict detection, nothing to mirror). */
  load(update: Uint8Array): void {
    Y.applyUpdateV2(this.doc, update, LOAD);
  }

  readRow(table: string, id: string): VaultRow | null {
    const spec = this.specs.get(table);
    const rmap = spec ? this.table(table).get(id) : undefined;
    if (!spec || !(rmap instanceof Y.Map)) return null;
    const row: Row = { id };
    for (const [key, value] of rmap.entries()) {
      if (key.startsWith('_')) continue;
      if (key.startsWith('@')) {
        if (isPlainObject(value)) Object.assign(row, value);
        continue;
      }
      if (value instanceof Y.Map) {
        row[key] = spec.kinds?.[key] === 'set' ? orderedSet(Array.from(value.keys())) : value.toJSON();
      } else {
        row[key] = value;
      }
    }
    const merged = rmap.get(MERGED);
    return { row, gone: rmap.get(GONE) === true, mergedInto: typeof merged === 'string' ? merged : null };
  }

  rowIds(table: string): string[] {
    return Array.from(this.table(table).keys());
  }

  /** Ask for a row to be written into the store at the next takeMirror(). */
  markMirror(table: string, id: string): void {
    this.note(this.mirror, table, id);
  }

  /** Rows to write into the store (changed by other devices or by sync itself), and forget them. */
  takeMirror(): Map<string, Set<string>> {
    const out = this.mirror;
    this.mirror = new Map();
    return out;
  }

  encodeState(): Uint8Array {
    return Y.encodeStateAsUpdateV2(this.doc);
  }

  destroy(): void {
    this.doc.destroy();
  }

  // --- writing one row --------------------------------------------------------------

  private writeRow(table: string, row: Row): boolean {
    const spec = this.specs.get(table)!;
    const id = row.id;
    if (typeof id !== 'string' || id === '') return false;
    const tmap = this.table(table);
    let rmap = tmap.get(id);
    let changed = false;
    if (!(rmap instanceof Y.Map)) {
      rmap = new Y.Map<unknown>();
      tmap.set(id, rmap);
      changed = true;
    }
    const done = new Set<string>();
    for (const [field, value] of Object.entries(row)) {
      if (field === 'id' || value === undefined || field.startsWith('_') || field.startsWith('@')) continue;
      // Only JSON-shaped values travel (a Blob or a Date would not survive the trip): keep such fields on the device.
      if (!isJsonValue(value)) continue;
      const group = groupOf(spec, field);
      if (group) {
        if (done.has(group)) continue;
        done.add(group);
        const members = Object.fromEntries(spec.groups![group]!.filter((f) => row[f] !== undefined).map((f) => [f, row[f]]));
        changed = setValue(rmap, `@${group}`, members) || changed;
        continue;
      }
      const kind = spec.kinds?.[field];
      if (kind === 'set' && Array.isArray(value)) changed = setSet(rmap, field, value) || changed;
      else if (kind === 'record' && isPlainObject(value)) changed = setRecord(rmap, field, value) || changed;
      else changed = setValue(rmap, field, value) || changed;
    }
    // The store has the row again (a re-created built-in, a restore): it is not gone.
    if (rmap.get(GONE) === true && rmap.get(MERGED) === undefined) {
      rmap.set(GONE, false);
      changed = true;
    }
    if (changed) rmap.set(REV, { d: this.deviceId, del: row.deletedAt !== null && row.deletedAt !== undefined } satisfies RowStamp);
    return changed;
  }

  // --- noticing what happened -------------------------------------------------------

  private rowOfType(type: AnyType): { spec: SyncedTable; rowId: string; depth: number } | null {
    let item = type._item;
    let depth = 1;
    while (item !== null) {
      const parent = item.parent as AnyType;
      const spec = this.tableOf.get(parent);
      if (spec) return item.parentSub === null ? null : { spec, rowId: item.parentSub, depth };
      item = parent._item;
      depth++;
    }
    return null;
  }

  private note(bucket: Map<string, Set<string>>, table: string, id: string): void {
    let set = bucket.get(table);
    if (!set) bucket.set(table, (set = new Set()));
    set.add(id);
  }

  private afterTransaction(tr: Y.Transaction): void {
    if (tr.origin === LOAD) {
      this.naturalKeys.clear();
      return;
    }
    for (const [type, keys] of tr.changed) {
      const spec = this.tableOf.get(type);
      const rows: [string, string][] = [];
      if (spec) {
        for (const key of keys) if (key !== null) rows.push([spec.name, key]);
      } else {
        const at = this.rowOfType(type);
        if (at) rows.push([at.spec.name, at.rowId]);
      }
      for (const [table, id] of rows) {
        if (tr.origin !== LOCAL) this.note(this.mirror, table, id);
        if (tr.origin !== FOLLOW_UP) this.note(this.touched, table, id);
        const nk = this.naturalKeys.get(table);
        if (nk) this.indexNaturalKey(table, id, nk);
      }
    }
    if (tr.origin !== REMOTE) return;
    Y.iterateDeletedStructs(tr, tr.deleteSet, (struct) => {
      if (!(struct instanceof Y.Item) || struct.parentSub === null) return;
      const parent = struct.parent as AnyType;
      const table = this.tableOf.get(parent);
      if (table) {
        // A row map replaced by a concurrent one with the same id.
        if (struct.content instanceof Y.ContentType && !overwritten(struct)) {
          const rowMap = struct.content.type as Y.Map<unknown>;
          const fields = new Map<string, { value: unknown; entries?: Map<string, unknown> }>();
          for (const [key, item] of rowMap._map) {
            if (item.deleted && !Y.isDeleted(tr.deleteSet, item.id)) continue;
            const v = itemValue(item, tr.deleteSet);
            if (v.ok) fields.set(key, { value: v.value, entries: v.entries });
          }
          this.lostRows.push({ table: table.name, rowId: struct.parentSub, loserId: idOf(struct), fields });
        }
        return;
      }
      const at = this.rowOfType(parent);
      if (!at || at.depth !== 1 || (parent._item?.deleted ?? false)) return; // nested elements; or a whole lost row (above)
      if (overwritten(struct)) return;
      const v = itemValue(struct, tr.deleteSet);
      if (!v.ok) return;
      if (struct.parentSub === REV) {
        const winner = (parent as Y.Map<unknown>).get(REV);
        if (isStamp(v.value) && isStamp(winner)) {
          this.revCollisions.push({ table: at.spec.name, rowId: at.rowId, loserId: idOf(struct), loser: v.value, winner });
        }
        return;
      }
      if (struct.parentSub.startsWith('_')) return;
      this.lostValues.push({ table: at.spec.name, rowId: at.rowId, key: struct.parentSub, loserId: idOf(struct), value: v.value, entries: v.entries });
    });
  }

  // --- follow-ups: conflict records, restore offers, merges -------------------------

  private followUp(): void {
    if (this.lostValues.length + this.lostRows.length + this.revCollisions.length + this.touched.size === 0) return;
    const lostValues = this.lostValues.splice(0);
    const lostRows = this.lostRows.splice(0);
    const revs = this.revCollisions.splice(0);
    const touched = this.touched;
    this.touched = new Map();
    this.doc.transact(() => {
      const now = this.now();
      for (const lost of lostRows) this.foldLostRow(lost, now);
      for (const lost of lostValues) this.recordLostValue(lost, now);
      for (const rev of revs) {
        if (rev.loser.del === rev.winner.del) continue;
        const current = this.readRow(rev.table, rev.rowId);
        if (!current || current.gone || current.row.deletedAt === null || current.row.deletedAt === undefined) continue;
        this.addConflict({ id: `r.${rev.loserId}`, kind: 'restore', table: rev.table, rowId: rev.rowId, field: null, kept: null, other: null }, now);
      }
      for (const [table, ids] of touched) {
        const spec = this.specs.get(table)!;
        for (const id of ids) {
          const current = this.readRow(table, id);
          if (current?.mergedInto) this.mergeInto(spec, current.mergedInto, id, now);
        }
        if (spec.naturalKey) this.dedupe(spec, ids, now);
      }
    }, FOLLOW_UP);
  }

  private quiet(spec: SyncedTable, key: string): boolean {
    const field = key.startsWith('@') ? key.slice(1) : key;
    return spec.name === CONFLICTS_TABLE || (ALWAYS_QUIET as readonly string[]).includes(field) || (spec.quiet ?? []).includes(field);
  }

  private recordLostValue(lost: LostValue, now: number): void {
    const spec = this.specs.get(lost.table)!;
    const rmap = this.table(lost.table).get(lost.rowId);
    if (!(rmap instanceof Y.Map)) return;
    const winner = rmap.get(lost.key);
    if (winner === undefined) return;
    if (winner instanceof Y.Map) {
      // Two devices created the same set/record field at once: keep both sides' entries.
      if (lost.entries) for (const [k, v] of lost.entries) if (!winner.has(k)) winner.set(k, v);
      return;
    }
    if (this.quiet(spec, lost.key) || deepEqual(winner, lost.value)) return;
    const field = lost.key.startsWith('@') ? lost.key.slice(1) : lost.key;
    this.addConflict({ id: `f.${lost.loserId}`, kind: 'field', table: lost.table, rowId: lost.rowId, field, kept: winner, other: lost.value }, now);
  }

  /**
   * A row created on two devices with one id (built-in templates, settings): the
   * rows meet field by field like two saves of one person: an empty side takes
   * the other's value, otherwise the row written last wins and the other value
   * is recorded. Both devices see the same two rows, so they write the same.
   */
  private foldLostRow(lost: LostRow, now: number): void {
    const spec = this.specs.get(lost.table)!;
    const rmap = this.table(lost.table).get(lost.rowId);
    if (!(rmap instanceof Y.Map)) return;
    const loserNewer = Number(lost.fields.get('updatedAt')?.value ?? 0) > Number(rmap.get('updatedAt') ?? 0);
    for (const [key, { value, entries }] of lost.fields) {
      if (key.startsWith('_')) continue;
      const mine = rmap.get(key);
      if (entries) {
        if (mine instanceof Y.Map) {
          // Key by key, as fields are: an empty side takes the other's value.
          for (const [k, v] of entries) if (!mine.has(k) || (isEmptyValue(mine.get(k)) && !isEmptyValue(v))) mine.set(k, v);
        } else if (mine === undefined) {
          const nested = new Y.Map<unknown>();
          rmap.set(key, nested);
          for (const [k, v] of entries) nested.set(k, v);
        }
        continue;
      }
      if (mine instanceof Y.Map || deepEqual(mine, value)) continue;
      if (mine === undefined || isEmptyValue(mine)) {
        if (!isEmptyValue(value) || mine === undefined) rmap.set(key, value);
        continue;
      }
      if (isEmptyValue(value)) continue;
      const keep = loserNewer ? value : mine;
      if (loserNewer) rmap.set(key, value);
      if (!this.quiet(spec, key)) {
        const field = key.startsWith('@') ? key.slice(1) : key;
        this.addConflict({ id: `f.${lost.loserId}.${key}`, kind: 'field', table: lost.table, rowId: lost.rowId, field, kept: keep, other: loserNewer ? mine : value }, now);
      }
    }
  }

  private addConflict(c: { id: string; kind: 'field' | 'restore' | 'merge'; table: string; rowId: string; field: string | null; kept: unknown; other: unknown }, now: number): void {
    if (!this.specs.has(CONFLICTS_TABLE)) return;
    // Every device that notices the same conflict derives the same id; the first record stays.
    if (this.table(CONFLICTS_TABLE).has(c.id)) return;
    this.writeRow(CONFLICTS_TABLE, { ...c, at: now, resolvedAt: null, createdAt: now, updatedAt: now, deletedAt: null });
  }

  // --- natural keys: one person saved on two devices --------------------------------

  private naturalKeyIndex(spec: SyncedTable) {
    let nk = this.naturalKeys.get(spec.name);
    if (!nk) {
      nk = { byValue: new Map(), byId: new Map() };
      this.naturalKeys.set(spec.name, nk);
      for (const id of this.table(spec.name).keys()) this.indexNaturalKey(spec.name, id, nk);
    }
    return nk;
  }

  private indexNaturalKey(table: string, id: string, nk: { byValue: Map<string, Set<string>>; byId: Map<string, string> }): void {
    const spec = this.specs.get(table)!;
    const old = nk.byId.get(id);
    if (old !== undefined) {
      nk.byValue.get(old)?.delete(id);
      nk.byId.delete(id);
    }
    const rmap = this.table(table).get(id);
    if (!(rmap instanceof Y.Map) || rmap.get(GONE) === true) return;
    const value = rmap.get(spec.naturalKey!);
    if (typeof value !== 'string' || value === '') return;
    nk.byId.set(id, value);
    let ids = nk.byValue.get(value);
    if (!ids) nk.byValue.set(value, (ids = new Set()));
    ids.add(id);
  }

  private dedupe(spec: SyncedTable, ids: Iterable<string>, now: number): void {
    const nk = this.naturalKeyIndex(spec);
    for (const id of ids) {
      const value = nk.byId.get(id);
      if (value === undefined) continue;
      const group = Array.from(nk.byValue.get(value) ?? []).sort();
      if (group.length < 2) continue;
      const [survivor, ...losers] = group;
      for (const loser of losers) this.mergeInto(spec, survivor!, loser, now);
    }
  }

  /**
   * Fold `loserId` into `survivorId` (the same person saved twice). Per field:
   * an empty side takes the other's value; sets are joined; otherwise the row
   * written last wins and the other value is recorded. Deterministic, so two
   * devices doing it at once write the same values.
   */
  private mergeInto(spec: SyncedTable, survivorId: string, loserId: string, now: number): void {
    if (survivorId === loserId) return;
    const s = this.readRow(spec.name, survivorId);
    const l = this.readRow(spec.name, loserId);
    if (!s || !l || s.gone) return;
    const newerIsLoser = Number(l.row.updatedAt ?? 0) > Number(s.row.updatedAt ?? 0);
    const [newer, older] = newerIsLoser ? [l.row, s.row] : [s.row, l.row];
    const merged: Row = { id: survivorId };
    const fields = new Set([...Object.keys(s.row), ...Object.keys(l.row)]);
    const seenGroups = new Set<string>();
    for (const field of fields) {
      if (field === 'id') continue;
      const a = s.row[field];
      const b = l.row[field];
      const group = groupOf(spec, field);
      if (group) {
        if (seenGroups.has(group)) continue;
        seenGroups.add(group);
        for (const f of spec.groups![group]!) if (newer[f] !== undefined) merged[f] = newer[f];
        continue;
      }
      const kind = spec.kinds?.[field];
      if (field === 'createdAt') merged[field] = Math.min(Number(a ?? b), Number(b ?? a));
      else if (field === 'updatedAt' || field === 'capturedAt') merged[field] = Math.max(Number(a ?? 0), Number(b ?? 0));
      else if (field === 'deletedAt') merged[field] = newer.deletedAt ?? null;
      else if (kind === 'set') merged[field] = Array.from(new Set([...asStrings(a), ...asStrings(b)]));
      else if (kind === 'record') merged[field] = { ...(isPlainObject(older[field]) ? older[field] : {}), ...(isPlainObject(newer[field]) ? newer[field] : {}) };
      else if (isEmptyValue(a)) merged[field] = b;
      else if (isEmptyValue(b) || deepEqual(a, b)) merged[field] = a;
      else {
        merged[field] = newer[field];
        if (!this.quiet(spec, field)) {
          this.addConflict({ id: `m.${loserId}.${field}`, kind: 'field', table: spec.name, rowId: survivorId, field, kept: newer[field], other: older[field] }, now);
        }
      }
    }
    this.writeRow(spec.name, merged);
    const lmap = this.table(spec.name).get(loserId)!;
    if (lmap.get(GONE) !== true) lmap.set(GONE, true);
    if (lmap.get(MERGED) !== survivorId) lmap.set(MERGED, survivorId);
    // The store may hold the loser (this device wrote it just now): it must go.
    this.note(this.mirror, spec.name, loserId);
    this.addConflict({ id: `m.${loserId}`, kind: 'merge', table: spec.name, rowId: survivorId, field: null, kept: survivorId, other: loserId }, now);
    this.rewriteRefs(spec.name, loserId, survivorId);
    this.naturalKeys.delete(spec.name);
  }

  /** Every reference to `from` (in any synced table) now points at `to`. */
  private rewriteRefs(table: string, from: string, to: string): void {
    for (const spec of this.specs.values()) {
      const fields = Object.entries(spec.refs ?? {}).filter(([, target]) => target === table).map(([f]) => f);
      if (fields.length === 0) continue;
      for (const [rowId, rmap] of this.table(spec.name)) {
        if (!(rmap instanceof Y.Map)) continue;
        let changed = false;
        for (const field of fields) {
          const value = rmap.get(field);
          if (value === from) {
            rmap.set(field, to);
            changed = true;
          } else if (value instanceof Y.Map && value.has(from)) {
            value.delete(from);
            if (!(spec.name === table && rowId === to)) value.set(to, true);
            changed = true;
          } else if (Array.isArray(value) && value.includes(from)) {
            rmap.set(field, Array.from(new Set(value.map((v) => (v === from ? to : v)))));
            changed = true;
          }
        }
        if (changed) rmap.set(REV, { d: this.deviceId, del: rmap.get('deletedAt') !== null && rmap.get('deletedAt') !== undefined } satisfies RowStamp);
      }
    }
  }
}

// --- helpers ----------------------------------------------------------------------

function groupOf(spec: SyncedTable, field: string): string | null {
  for (const [name, members] of Object.entries(spec.groups ?? {})) if (members.includes(field)) return name;
  return null;
}

function isJsonValue(v: unknown, depth = 0): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (depth > 20) return false;
  if (Array.isArray(v)) return v.every((x) => isJsonValue(x, depth + 1));
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.values(v as Record<string, unknown>).every((x) => x === undefined || isJsonValue(x, depth + 1));
  }
  return false;
}

function isStamp(v: unknown): v is RowStamp {
  return isPlainObject(v) && typeof v.d === 'string' && typeof v.del === 'boolean';
}

function asStrings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** A set's elements in one order on every device. */
function orderedSet(elements: string[]): string[] {
  return [...elements].sort();
}

function setValue(rmap: Y.Map<unknown>, key: string, value: unknown): boolean {
  const current = rmap.get(key);
  if (!(current instanceof Y.Map) && deepEqual(current, value)) return false;
  rmap.set(key, value);
  return true;
}

function setSet(rmap: Y.Map<unknown>, key: string, values: readonly unknown[]): boolean {
  let nested = rmap.get(key);
  let changed = false;
  if (!(nested instanceof Y.Map)) {
    nested = new Y.Map<unknown>();
    rmap.set(key, nested);
    changed = true;
  }
  const map = nested as Y.Map<unknown>;
  const want = new Set(asStrings(values));
  for (const k of Array.from(map.keys())) {
    if (!want.has(k)) {
      map.delete(k);
      changed = true;
    }
  }
  for (const k of want) {
    if (!map.has(k)) {
      map.set(k, true);
      changed = true;
    }
  }
  return changed;
}

function setRecord(rmap: Y.Map<unknown>, key: string, record: Record<string, unknown>): boolean {
  let nested = rmap.get(key);
  let changed = false;
  if (!(nested instanceof Y.Map)) {
    nested = new Y.Map<unknown>();
    rmap.set(key, nested);
    changed = true;
  }
  const map = nested as Y.Map<unknown>;
  for (const k of Array.from(map.keys())) {
    if (record[k] === undefined) {
      map.delete(k);
      changed = true;
    }
  }
  for (const [k, v] of Object.entries(record)) {
    if (v === undefined || deepEqual(map.get(k), v)) continue;
    map.set(k, v);
    changed = true;
  }
  return changed;
}
