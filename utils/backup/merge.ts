/**
 * Import a backup into the store by merging: plan first (what is new,
 * updated, unchanged, conflicting or invalid, and why), write only when the
 * user says so, in one strict transaction, so a failure leaves the store
 * exactly as it was.
 *
 * Rows are matched by id; people also by canonical profile URL (the same
 * person saved on two machines has two ids). When a person matches by URL,
 * the file's id is replaced by the saved one everywhere in the file (requests,
 * meetings, photos… any field holding that id), so references follow.
 * Importing the same file twice changes nothing the second time.
 */
import type { Table } from 'dexie';
import { canonicalProfileUrl } from '../core/canonical-url';
import type { IntrobookDB } from '../db/app-db';
import { reindexDueDates } from '../db/due-index';
import { StorageFullError, isQuotaError } from '../db/errors';
import { getSettings, workWeek } from '../settings';
import { requestFullSync } from '../sync/changes';
import { REFERENCES, rowSchemaFor, tableLabel } from './format';
import { rowLabel, type PreparedBackup, type PreparedTable, type Row, type RowIssue } from './prepare';
import { formatDateTime, formatNumber, t as msg } from '../i18n';
import { UserError } from '../core/user-error';

export type ConflictPolicy = 'keep-mine' | 'take-file';

export interface TablePlan {
  table: string;
  label: string;
  /** Rows to add, as they will be written. */
  added: Row[];
  /** Rows to overwrite, as they will be written. */
  updated: Row[];
  unchanged: number;
  conflicts: RowIssue[];
  invalid: RowIssue[];
  /** For every row to write: what the store held when planned (null: nothing). Checked again before writing. */
  expected: Map<string, string | null>;
}

export interface ImportPlan {
  tables: TablePlan[];
  ignoredTables: PreparedBackup['ignoredTables'];
  /** People in the file matched to a saved person with another id (by profile URL). */
  matchedByUrl: number;
  totals: { added: number; updated: number; unchanged: number; conflicts: number; invalid: number };
}

export interface PlanOptions {
  /** When both copies changed, or yours is newer: keep yours (default) or take the file's. */
  policy?: ConflictPolicy;
}

// --- helpers --------------------------------------------------------------------

/** JSON with sorted keys: equal data gives equal text whatever the key order. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`)
    .join(',')}}`;
}

/** Replace every string equal to a key of `remap`, anywhere in the value. Returns the same object when nothing changed. */
function remapIds<T>(value: T, remap: ReadonlyMap<string, string>): T {
  if (remap.size === 0) return value;
  if (typeof value === 'string') return (remap.get(value) ?? value) as T;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v) => {
      const m = remapIds(v, remap);
      if (m !== v) changed = true;
      return m;
    });
    return (changed ? out : value) as T;
  }
  if (value !== null && typeof value === 'object') {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const m = remapIds(v, remap);
      if (m !== v) changed = true;
      out[k] = m;
    }
    return (changed ? out : value) as T;
  }
  return value;
}

function fingerprint(row: Row | undefined): string | null {
  if (!row) return null;
  return typeof row.updatedAt === 'number' ? `u${row.updatedAt}` : stableStringify(row);
}

/** When a row was changed, in the user's locale and time (the conflict message names both copies' times). */
const when = (ms: number) => formatDateTime(ms);

export const keyOf = (row: Row) => String(row.id);

/** One key read: an import into a fresh profile skips every lookup. */
async function isEmpty(table: Table): Promise<boolean> {
  return (await table.limit(1).primaryKeys()).length === 0;
}

/**
 * The stored rows with these keys, by key. One cursor over the primary key
 * (anyOf) instead of one request per key: an import asks for thousands.
 */
async function storedByKey(table: Table, keys: readonly string[]): Promise<Map<string, Row>> {
  if (keys.length === 0 || (await isEmpty(table))) return new Map();
  const rows = (await table.where(':id').anyOf([...keys]).toArray()) as Row[];
  return new Map(rows.map((row) => [keyOf(row), row]));
}

const matchUrl = (url: string) => canonicalProfileUrl(url) ?? url;

export type InPlay = Map<string, { rows: Row[]; positions: number[] }>;

/**
 * Drop rows whose reference fields (REFERENCES) point at nothing: not in the
 * file and not in the store. Tables listed in `replaced` are about to be
 * replaced by the file's, so only the file counts for them.
 */
export async function dropDanglingReferences(
  db: IntrobookDB,
  inPlay: InPlay,
  issuesOf: (table: string) => { invalid: RowIssue[] },
  replaced: ReadonlySet<string> = new Set(),
): Promise<void> {
  const fileKeys = new Map<string, Set<string>>();
  const keysInFile = (table: string) => {
    let keys = fileKeys.get(table);
    if (!keys) fileKeys.set(table, (keys = new Set((inPlay.get(table)?.rows ?? []).map(keyOf))));
    return keys;
  };
  for (const [table, fields] of Object.entries(REFERENCES)) {
    const entry = inPlay.get(table);
    if (!entry) continue;
    const wanted = new Map<string, Set<string>>();
    for (const row of entry.rows) {
      for (const [field, target] of Object.entries(fields)) {
        const ref = row[field];
        if (typeof ref !== 'string' || keysInFile(target).has(ref) || replaced.has(target)) continue;
        if (!wanted.has(target)) wanted.set(target, new Set());
        wanted.get(target)!.add(ref);
      }
    }
    const stored = new Map<string, Set<string>>();
    for (const [target, refs] of wanted) {
      const list = [...refs];
      const found = await db.table(target).bulkGet(list);
      stored.set(target, new Set(list.filter((_, i) => found[i] !== undefined)));
    }
    const keep = entry.rows.map((row, i) => {
      for (const [field, target] of Object.entries(fields)) {
        const ref = row[field];
        if (typeof ref !== 'string' || keysInFile(target).has(ref) || stored.get(target)?.has(ref)) continue;
        issuesOf(table).invalid.push({
          table,
          row: entry.positions[i]!,
          id: keyOf(row),
          label: rowLabel(table, row),
          reason: target === 'people' ? msg('backupErrors.missingPerson', { field, id: ref }) : msg('backupErrors.missingRecord', { field, id: ref }),
        });
        return false;
      }
      return true;
    });
    entry.rows = entry.rows.filter((_, i) => keep[i]);
    entry.positions = entry.positions.filter((_, i) => keep[i]);
  }
}

// --- planning -------------------------------------------------------------------

export async function planImport(db: IntrobookDB, prepared: PreparedBackup, options: PlanOptions = {}): Promise<ImportPlan> {
  const policy = options.policy ?? 'keep-mine';
  const issues = new Map<string, { conflicts: RowIssue[]; invalid: RowIssue[] }>();
  const issuesOf = (table: string) => {
    let entry = issues.get(table);
    if (!entry) issues.set(table, (entry = { conflicts: [], invalid: [] }));
    return entry;
  };
  // Rows still in play per table, with their file positions.
  const inPlay: InPlay = new Map();
  for (const t of prepared.tables) {
    inPlay.set(t.table, { rows: [...t.rows], positions: [...t.positions] });
    issuesOf(t.table).invalid.push(...t.invalid);
  }

  // 1. People: by id, then by canonical profile URL (or a saved alias).
  const remap = new Map<string, string>();
  let storedPeople: Map<string, Row> | null = null;
  const people = inPlay.get('people');
  if (people) {
    people.rows = people.rows.map((p) => {
      const url = matchUrl(String(p.profileUrl));
      return url === p.profileUrl ? p : { ...p, profileUrl: url };
    });
    const ids = people.rows.map(keyOf);
    const urls = people.rows.map((p) => String(p.profileUrl));
    const stored = await storedByKey(db.people, ids);
    storedPeople = stored;
    const byId = ids.map((id) => stored.get(id));
    const owners = new Map<string, Row>();
    const none = stored.size === 0 && (await isEmpty(db.people));
    for (const p of none ? [] : ((await db.people.where('aliases').anyOf(urls).toArray()) as Row[])) {
      for (const alias of p.aliases as string[]) owners.set(alias, p);
    }
    for (const p of none ? [] : ((await db.people.where('profileUrl').anyOf(urls).toArray()) as Row[])) owners.set(String(p.profileUrl), p);
    // …and a saved person whose URL the file knows as one of this person's aliases (member-id links).
    const aliasUrls = [...new Set(people.rows.flatMap((p) => (Array.isArray(p.aliases) ? (p.aliases as string[]).map(matchUrl) : [])))];
    const byAlias = new Map<string, Row>();
    for (const p of none || aliasUrls.length === 0 ? [] : ((await db.people.where('profileUrl').anyOf(aliasUrls).toArray()) as Row[])) {
      byAlias.set(String(p.profileUrl), p);
    }
    const ownerOf = (p: Row): Row | undefined =>
      owners.get(String(p.profileUrl)) ??
      (Array.isArray(p.aliases) ? (p.aliases as string[]).map((a) => byAlias.get(matchUrl(a))).find((o) => o !== undefined) : undefined);

    const claimed = new Map<string, number>(); // saved id → file position that took it
    const keep: boolean[] = people.rows.map(() => true);
    const conflict = (i: number, reason: string) => {
      keep[i] = false;
      issuesOf('people').conflicts.push({ table: 'people', row: people.positions[i]!, id: ids[i]!, label: rowLabel('people', people.rows[i]), reason });
    };
    // Ids first, so a URL match cannot take a record another row owns by id.
    people.rows.forEach((p, i) => {
      const local = byId[i];
      if (!local) return;
      const owner = owners.get(String(p.profileUrl));
      if (owner && owner.id !== local.id) {
        conflict(i, msg('backupErrors.urlOfAnotherPerson', { name: rowLabel('people', owner) ?? String(owner.id) }));
        return;
      }
      claimed.set(keyOf(local), people.positions[i]!);
    });
    people.rows.forEach((p, i) => {
      if (byId[i] || !keep[i]) return;
      const owner = ownerOf(p);
      if (!owner) return;
      const taken = claimed.get(String(owner.id));
      if (taken !== undefined) {
        conflict(i, msg('backupErrors.rowIsAlreadyThisPerson', { row: formatNumber(taken), name: rowLabel('people', owner) ?? String(owner.id) }));
        return;
      }
      claimed.set(String(owner.id), people.positions[i]!);
      remap.set(ids[i]!, String(owner.id));
    });
    people.rows = people.rows.filter((_, i) => keep[i]);
    people.positions = people.positions.filter((_, i) => keep[i]);
  }

  // 2. Follow the matches everywhere, then drop rows that became duplicates.
  for (const [table, entry] of inPlay) {
    if (remap.size > 0) entry.rows = entry.rows.map((row) => remapIds(row, remap));
    const seen = new Map<string, number>();
    const keep = entry.rows.map((row, i) => {
      const earlier = seen.get(keyOf(row));
      if (earlier === undefined) {
        seen.set(keyOf(row), entry.positions[i]!);
        return true;
      }
      issuesOf(table).conflicts.push({
        table,
        row: entry.positions[i]!,
        id: keyOf(row),
        label: rowLabel(table, row),
        reason: msg('backupErrors.sameRecordAfterMatching', { row: formatNumber(earlier) }),
      });
      return false;
    });
    entry.rows = entry.rows.filter((_, i) => keep[i]);
    entry.positions = entry.positions.filter((_, i) => keep[i]);
  }

  // 3. References: a request or meeting must point at someone in the file or in the store.
  await dropDanglingReferences(db, inPlay, issuesOf);

  // 4. Compare with what is stored.
  const tables: TablePlan[] = [];
  const matchedByUrl = new Set(remap.values()).size;
  for (const t of prepared.tables) {
    const entry = inPlay.get(t.table)!;
    const { conflicts, invalid } = issuesOf(t.table);
    const plan: TablePlan = { table: t.table, label: tableLabel(t.table), added: [], updated: [], unchanged: 0, conflicts, invalid, expected: new Map() };
    const table = db.table(t.table) as Table<Row, string>;
    const schema = rowSchemaFor(t.table);
    const keys = entry.rows.map(keyOf);
    // People matched by URL now carry a saved id that step 1 did not look up.
    const known = t.table === 'people' && storedPeople ? storedPeople : null;
    const missing = known ? keys.filter((k) => !known.has(k)) : keys;
    const looked = await storedByKey(table, missing);
    const locals = keys.map((k) => known?.get(k) ?? looked.get(k));
    entry.rows.forEach((row, i) => {
      const local = locals[i];
      const position = entry.positions[i]!;
      const key = keyOf(row);
      if (!local) {
        plan.added.push(row);
        return;
      }
      if (position === 0) return; // made by an upgrade of older data: only ever added, never overwrites
      const parsedLocal = schema.safeParse(local);
      if (stableStringify(row) === stableStringify(parsedLocal.success ? parsedLocal.data : local)) {
        plan.unchanged += 1;
        return;
      }
      const fileAt = typeof row.updatedAt === 'number' ? row.updatedAt : null;
      const localAt = typeof local.updatedAt === 'number' ? local.updatedAt : null;
      if ((fileAt !== null && localAt !== null && fileAt > localAt) || policy === 'take-file') {
        // The file's values for every field it has; fields only this store keeps stay.
        plan.updated.push({ ...local, ...row });
        plan.expected.set(key, fingerprint(local));
        return;
      }
      const reason =
        fileAt !== null && localAt !== null
          ? localAt > fileAt
            ? msg('backupErrors.yourCopyLater', { yours: when(localAt), file: when(fileAt) })
            : msg('backupErrors.bothChangedAt', { time: when(localAt) })
          : msg('backupErrors.copiesDiffer');
      conflicts.push({ table: t.table, row: position, id: key, label: rowLabel(t.table, row), reason });
    });
    conflicts.sort((a, b) => a.row - b.row);
    invalid.sort((a, b) => a.row - b.row);
    tables.push(plan);
  }

  const totals = { added: 0, updated: 0, unchanged: 0, conflicts: 0, invalid: 0 };
  for (const p of tables) {
    totals.added += p.added.length;
    totals.updated += p.updated.length;
    totals.unchanged += p.unchanged;
    totals.conflicts += p.conflicts.length;
    totals.invalid += p.invalid.length;
  }
  return { tables, ignoredTables: prepared.ignoredTables, matchedByUrl, totals };
}

// --- writing ----------------------------------------------------------------------

export class ImportChangedError extends UserError {
  override name = 'ImportChangedError';
  constructor() {
    super(msg('backupErrors.importChanged'));
  }
}

const WRITE_CHUNK = 2000;

function isConstraintError(error: unknown): boolean {
  const e = error as { name?: string; inner?: { name?: string }; failures?: { name?: string }[] } | null;
  return e?.name === 'ConstraintError' || e?.inner?.name === 'ConstraintError' || (e?.name === 'BulkError' && (e.failures ?? []).some((f) => f?.name === 'ConstraintError'));
}

/**
 * Write the plan in one read-write transaction. Before writing, every row it
 * touches is checked to still be what was planned against; any change (or any
 * failure, a full disk included) aborts the whole import.
 */
export async function applyImport(
  db: IntrobookDB,
  plan: ImportPlan,
  onProgress?: (progress: { done: number; total: number }) => void,
): Promise<{ added: number; updated: number }> {
  const writing = plan.tables.filter((t) => t.added.length + t.updated.length > 0);
  const total = writing.reduce((n, t) => n + t.added.length + t.updated.length, 0);
  if (total === 0) return { added: 0, updated: 0 };
  try {
    await db.transaction(
      'rw',
      [...new Set([...writing.map((t) => t.table), 'syncState'])],
      async () => {
        // Imported rows keep the file's `updatedAt`, older than sync's cursor: sync compares the whole store next time.
        await requestFullSync(db);
        // Rows to overwrite must still be what was reviewed; rows to add must still be absent
        // (bulkAdd fails on any that appeared meanwhile, and the transaction with it).
        for (const t of writing) {
          const table = db.table(t.table) as Table<Row, string>;
          const keys = t.updated.map(keyOf);
          const current = await storedByKey(table, keys);
          if (keys.some((key) => fingerprint(current.get(key)) !== t.expected.get(key))) throw new ImportChangedError();
        }
        let done = 0;
        onProgress?.({ done, total });
        for (const t of writing) {
          for (const [rows, write] of [
            [t.added, (chunk: Row[]) => db.table(t.table).bulkAdd(chunk)],
            [t.updated, (chunk: Row[]) => db.table(t.table).bulkPut(chunk)],
          ] as const) {
            for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
              const chunk = rows.slice(i, i + WRITE_CHUNK);
              await write(chunk);
              done += chunk.length;
              onProgress?.({ done, total });
            }
          }
        }
      },
    );
  } catch (error) {
    if (isQuotaError(error)) throw new StorageFullError(error);
    if (isConstraintError(error)) throw new ImportChangedError();
    throw error;
  }
  // Due dates are derived in the user's week (backups leave them out): compute them for the requests written.
  const requestIds = writing.filter((t) => t.table === 'intros').flatMap((t) => [...t.added, ...t.updated].map(keyOf));
  if (requestIds.length > 0) await reindexDueDates(db, workWeek(await getSettings(db)), requestIds);
  return {
    added: writing.reduce((n, t) => n + t.added.length, 0),
    updated: writing.reduce((n, t) => n + t.updated.length, 0),
  };
}

export type { PreparedTable };
