import Dexie, { type DBCore, type DexieOptions, type EntityTable, type Middleware, type Table, type Transaction } from 'dexie';
import { nameKey } from '../core/text';
import { DEFAULT_WORK_WEEK } from '../domain/business-days';
import { nextAction } from '../domain/follow-ups';
import type { Photo, SettingsRow } from '../domain/local-data';
import type { MergeRecord } from '../domain/merge';
import { blankUserFields, DEFAULT_MEETING_MINUTES, type IntroRequest, type Meeting, type Person, type Template } from '../domain/schemas';
import { DEFAULT_TEMPLATES } from '../domain/templates';
import type { SyncConflict, SyncStateRow, SyncUpdateRow } from '../sync/schemas';
import type { CallLink, Favour, IntroIdea, Task } from '../domain/ledger';
import type { MeetingNotes } from '../domain/prep';
import { searchWordsOf, type Searchable } from '../domain/search-words';

export const DB_NAME = 'introbook';

/**
 * Every schema version, oldest first. Never edit a version users may have
 * (v1–v3 shipped; v4 is the one this release ships): add the next one (with an
 * `upgrade` when rows must change) and a fixture in tests/fixtures/db/ —
 * migrations.test.ts fails for a version without one.
 * Index only what `where()`/`orderBy()` use; `&profileUrl` makes two rows for
 * one canonical URL impossible.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string>;
  /** Rewrites rows stored under the previous version. Async and idempotent. */
  upgrade?: (tx: Transaction) => Promise<unknown>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  { version: 1, stores: { people: 'id, &profileUrl, capturedAt, updatedAt' } },
  {
    // v2: aliases (member-id, Sales Navigator, Recruiter URLs) findable by index;
    // current positions, per-field sources and role history on every person.
    version: 2,
    stores: { people: 'id, &profileUrl, capturedAt, updatedAt, *aliases' },
    upgrade: (tx) =>
      tx
        .table('people')
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          row.aliases ??= [];
          row.roleHistory ??= [];
          row.fieldSources ??= {};
          row.positions ??= row.role || row.company ? [{ title: row.role ?? null, company: row.company ?? null }] : [];
        }),
  },
  {
    // v3: warm introductions. Requests and templates; what the user knows about
    // a person as a possible connector. Built-in templates are seeded.
    version: 3,
    stores: {
      people: 'id, &profileUrl, capturedAt, updatedAt, *aliases',
      intros: 'id, targetId, connectorId, status, updatedAt',
      templates: 'id, kind, updatedAt',
    },
    upgrade: async (tx) => {
      await tx
        .table('people')
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          const blank = blankUserFields();
          for (const key of ['knowsPersonally', 'closeness', 'howWeKnow', 'email', 'mutualContactIds', 'dismissedMutualIds'] as const) {
            row[key] ??= blank[key];
          }
        });
      await seedTemplates(tx.table('templates'));
    },
  },
  {
    // v4: the warm-intro loop, the workspace, backups and sync.
    // - people: `nameKey` (folded name of a live person: who can introduce, "is
    //   this the Omar you saved?"), `*searchWords` (word prefixes the search
    //   reads), `*tags`, `company` (filters); mutual links by index (merges move
    //   them). intros: `liveStatus` (the board) and `dueAt` (the next step's
    //   due date: "Due today", reminders). These are derived index fields, kept
    //   by the middleware below (DERIVED_FIELDS).
    // - meetings, each with a person and (usually) the request that led to it;
    //   `meetingNotes` (prep sheet, call and after-call notes: one row per
    //   meeting, whose id is the meeting's); follow-through `tasks` (`openDueAt`
    //   derived: open tasks by due date); the `favours` ledger; `introIdeas` the
    //   user could make; `callLinks` (who a call link was with, the user's pick).
    // - `merges` (what a merge changed, for undo); `photos` (a local copy of each
    //   person's photo); `settings` (moved out of storage.local, which Firefox's
    //   content scripts can read); `meta` (bookkeeping, never exported).
    // - sync: `syncConflicts` syncs; `syncState` and `syncUpdates` stay here.
    version: 4,
    stores: {
      people: 'id, &profileUrl, capturedAt, updatedAt, *aliases, nameKey, *mutualContactIds, *dismissedMutualIds, *searchWords, *tags, company',
      intros: 'id, targetId, connectorId, status, updatedAt, liveStatus, dueAt',
      templates: 'id, kind, updatedAt',
      meetings: 'id, personId, requestId, startsAt, updatedAt',
      meetingNotes: 'id, personId, updatedAt',
      tasks: 'id, personId, meetingId, openDueAt, updatedAt',
      favours: 'id, personId, updatedAt',
      introIdeas: 'id, aId, bId, updatedAt',
      callLinks: 'id, personId, updatedAt',
      merges: 'id, keptId, otherId, at',
      photos: 'id, url, updatedAt',
      settings: 'id, updatedAt',
      meta: 'id',
      syncConflicts: 'id, [table+rowId], kind, updatedAt',
      syncState: 'key',
      syncUpdates: '++seq, doc',
    },
    upgrade: upgradeToV4,
  },
];

/**
 * v3 → v4, in order: a request's old `meetingAt` becomes a meeting row; every
 * row gets its derived index fields (people: folded name and search words;
 * requests: live status and due date, in the default week — the background
 * recomputes due dates in the user's week on its next start) and people get
 * tags; new built-in templates are seeded, and built-in thank-yous the user
 * never changed now cite the after-call notes. Idempotent: a request that has
 * a meeting gets no second one, fields are recomputed, templates compared.
 */
async function upgradeToV4(tx: Transaction): Promise<void> {
  const meetings = tx.table('meetings');
  const intros = tx.table('intros');
  for (const r of (await intros.toArray()) as IntroRequest[]) {
    if (r.meetingAt === null || r.meetingAt === undefined) continue;
    if ((await meetings.where('requestId').equals(r.id).count()) > 0) continue;
    const meeting: Meeting = {
      id: crypto.randomUUID(),
      personId: r.targetId,
      requestId: r.id,
      startsAt: r.meetingAt,
      durationMin: DEFAULT_MEETING_MINUTES,
      channel: 'other',
      link: '',
      createdAt: r.updatedAt,
      updatedAt: r.updatedAt,
      deletedAt: r.deletedAt,
    };
    await meetings.add(meeting);
  }
  await tx
    .table('people')
    .toCollection()
    .modify((row: Record<string, unknown>) => {
      row.tags ??= [];
      Object.assign(row, personIndexFields(row));
      for (const field of DERIVED_FIELDS.people!) if (row[field] === undefined) delete row[field];
    });
  for (const r of (await intros.toArray()) as StoredRequest[]) {
    const meeting = MEETING_STATUSES.has(r.status) ? ((await meetings.where('requestId').equals(r.id).toArray()) as Meeting[]).filter((m) => m.deletedAt === null).sort((a, b) => b.updatedAt - a.updatedAt)[0] : undefined;
    await intros.put(withFields(r as unknown as Record<string, unknown>, requestIndexFields(r, DEFAULT_WORK_WEEK, meeting ?? null)));
  }
  const templates = tx.table('templates');
  await seedTemplates(templates);
  for (const [id, oldBody] of Object.entries(OLD_BUILT_IN_BODIES)) {
    const current = DEFAULT_TEMPLATES.find((t) => t.id === id);
    if (!current) continue;
    await templates
      .where('id')
      .equals(id)
      .modify((row: Record<string, unknown>) => {
        if (row.builtIn === true && row.body === oldBody) row.body = current.body;
      });
  }
}

/** Built-in thank-you templates as v3 shipped them, before they cited the after-call notes. */
const OLD_BUILT_IN_BODIES: Record<string, string> = {
  'default-thanks-connector':
    'Hi {{connector.firstName}},\n\nThank you for introducing me to {{target.name}}. We spoke, and [one thing you learned or will do]. ' +
    'I really appreciate you vouching for me. Is there anything I can do for you in return?\n\n{{me.firstName}}',
  'default-thanks-target':
    'Hi {{target.firstName}},\n\nThank you for your time today. Your advice about [the specific advice] was especially useful, and I am going to [what you will do with it]. ' +
    'I’ll let you know how it goes. Could I keep you posted?\n\n{{me.firstName}}',
};

/** Statuses whose due date depends on the meeting the request led to. */
export const MEETING_STATUSES: ReadonlySet<IntroRequest['status']> = new Set(['meeting-scheduled', 'met']);

/**
 * Tables whose writes may use `relaxed` durability: a cache of photos, fetched
 * again if a crash loses the last one. Every other transaction is `strict`
 * (flushed to disk before it reports success), so "Saved" means saved. Chrome
 * defaults to relaxed since version 121.
 */
export const RELAXED_TABLES: ReadonlySet<string> = new Set(['photos']);

/** Tables that are bookkeeping for this browser only: never exported, restored or synced. */
export const LOCAL_ONLY_TABLES: ReadonlySet<string> = new Set(['meta', 'syncState', 'syncUpdates']);

/**
 * Chooses each transaction's durability from the tables it touches. Dexie sets
 * one durability per database; this middleware relaxes only transactions made
 * entirely of RELAXED_TABLES.
 */
function durabilityMiddleware(base: 'strict' | 'relaxed' | 'default'): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'introbook-durability',
    create: (down) => ({
      ...down,
      transaction: (stores, mode, options) => {
        const relaxed = mode === 'readwrite' && stores.length > 0 && stores.every((s) => RELAXED_TABLES.has(s));
        return down.transaction(stores, mode, { ...options, durability: relaxed ? 'relaxed' : base });
      },
    }),
  };
}

/** Row in `meta` recording which schema version a strict commit has flushed to disk. */
export interface MetaRow {
  id: string;
  value: unknown;
  updatedAt: number;
}

/**
 * When the built-in templates were "written": the same on every machine and
 * older than any edit, so a backup or another device sees an unedited
 * built-in as unchanged, and an edited one as newer.
 */
export const BUILT_IN_TEMPLATES_AT = 0;

/**
 * Derived index fields: values the store computes from a row so an index can
 * answer a question (a folded name, search words, a live status, a due date).
 * One rule for all of them:
 * - one middleware (below) writes them on every add and put, whoever writes
 *   (a repository, an upgrade, a restore, sync): repositories parse rows with
 *   zod, which drops them, and get them back here;
 * - they are stored with the row and read with it (the `Stored…` types);
 * - they are not data: backups and sync leave them out (`withoutDerived`) and
 *   the store derives them again when the rows come back;
 * - a field with nothing to say is absent, not `undefined` or empty, so no
 *   index holds the row (tombstones drop out of every lookup).
 * `dueAt` is the one that needs more than the row (the user's working week and
 * the request's meeting): utils/db/due-index.ts computes it, the middleware
 * keeps it on live requests and drops it from deleted ones.
 */
export const DERIVED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  people: ['nameKey', 'searchWords'],
  intros: ['liveStatus', 'dueAt'],
  tasks: ['openDueAt'],
};

/** A request as stored: the row plus the fields its indexes are built from. */
export type StoredRequest = IntroRequest & RequestIndexFields;
export interface RequestIndexFields {
  /** The status of a live request; absent on a deleted one (so the board's index skips it). */
  liveStatus?: IntroRequest['status'];
  /** When the next step falls due in the user's week; absent when nothing is due by a date. */
  dueAt?: number;
}

export type PersonIndexFields = {
  /** The folded name of a live person (lookups by name). */
  nameKey?: string;
  /** The word prefixes a search finds a live person by (utils/domain/search-words.ts). */
  searchWords?: string[];
};
/** A person as stored: the row plus its index fields. */
export type StoredPerson = Person & PersonIndexFields;

/** A task as stored: `openDueAt` is its due date while it is open (the "due" index holds open tasks only). */
export type StoredTask = Task & { openDueAt?: number };

/** The derived fields of a person row (absent on tombstones, so lookups skip them). */
export function personIndexFields(row: Record<string, unknown>): PersonIndexFields {
  const live = row.deletedAt == null && typeof row.name === 'string';
  return {
    nameKey: live ? nameKey(row.name as string) || undefined : undefined,
    searchWords: live ? searchWordsOf(row as unknown as Searchable) : undefined,
  };
}

/**
 * The fields of a request row that only depend on the row: live status; a
 * deleted request has no due date, and an unknown due date is no field at all.
 */
function requestLiveFields(row: Record<string, unknown>): RequestIndexFields {
  return row.deletedAt == null
    ? { liveStatus: row.status as IntroRequest['status'], dueAt: typeof row.dueAt === 'number' ? row.dueAt : undefined }
    : { liveStatus: undefined, dueAt: undefined };
}

/** A task's due date while it is open and not deleted. */
function taskIndexFields(row: Record<string, unknown>): { openDueAt?: number } {
  return { openDueAt: row.doneAt == null && row.deletedAt == null && typeof row.dueAt === 'number' ? row.dueAt : undefined };
}

const DERIVE: Readonly<Record<string, (row: Record<string, unknown>) => object>> = {
  people: personIndexFields,
  intros: requestLiveFields,
  tasks: taskIndexFields,
};

/** A copy of `row` with `fields` set (an undefined field is left out, so no index holds it). */
function withFields(row: Record<string, unknown>, fields: object): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...row, ...fields };
  for (const [k, v] of Object.entries(fields)) if (v === undefined) delete copy[k];
  return copy;
}

/** A copy of `row` with its derived fields worked out again (what the store writes). */
export function withDerived<T>(table: string, row: T): T {
  const derive = DERIVE[table];
  if (!derive || row === null || typeof row !== 'object') return row;
  return withFields(row as Record<string, unknown>, derive(row as Record<string, unknown>)) as T;
}

/** A copy of `row` without the fields `table` derives for its indexes. */
export function withoutDerived<T>(table: string, row: T): T {
  const derived = DERIVED_FIELDS[table];
  if (!derived || row === null || typeof row !== 'object') return row;
  const copy = { ...(row as Record<string, unknown>) };
  for (const field of derived) delete copy[field];
  return copy as T;
}

/** The derived fields of a request row, for a given work week and the meeting it led to. */
export function requestIndexFields(
  r: IntroRequest,
  week: { timeZone: string; workingDays: readonly number[] },
  meeting: Pick<Meeting, 'startsAt' | 'durationMin'> | null,
): RequestIndexFields {
  if (r.deletedAt !== null) return { liveStatus: undefined, dueAt: undefined };
  const due = nextAction(r, { target: '', connector: null }, week, meeting)?.dueAt ?? null;
  return { liveStatus: r.status, dueAt: due ?? undefined };
}

/**
 * The one middleware that keeps derived fields right (see DERIVED_FIELDS).
 * Every Dexie write path (add, put, bulkPut, update, modify, upsert) arrives
 * here as full rows; the rows written are copies, so callers' objects stay
 * as they were.
 */
const derivedFieldsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'introbookDerivedFields',
  create: (down) => ({
    ...down,
    table: (tableName) => {
      const table = down.table(tableName);
      if (!DERIVE[tableName]) return table;
      return {
        ...table,
        mutate: (req) =>
          req.type === 'add' || req.type === 'put' ? table.mutate({ ...req, values: req.values.map((v: unknown) => withDerived(tableName, v)) }) : table.mutate(req),
      };
    },
  }),
};

/** Put the built-in templates in place (idempotent: existing ids are left as the user edited them). */
export async function seedTemplates(table: Table<Template, string> | EntityTable<Template, 'id'>, now = BUILT_IN_TEMPLATES_AT): Promise<void> {
  const existing = new Set(await table.toCollection().primaryKeys());
  const missing = DEFAULT_TEMPLATES.filter((t) => !existing.has(t.id)).map(
    (t): Template => ({ ...t, builtIn: true, createdAt: now, updatedAt: now, deletedAt: null }),
  );
  if (missing.length > 0) await table.bulkAdd(missing);
}

export class IntrobookDB extends Dexie {
  people!: EntityTable<StoredPerson, 'id'>;
  intros!: EntityTable<StoredRequest, 'id'>;
  templates!: EntityTable<Template, 'id'>;
  meetings!: EntityTable<Meeting, 'id'>;
  photos!: EntityTable<Photo, 'id'>;
  settings!: EntityTable<SettingsRow, 'id'>;
  meta!: EntityTable<MetaRow, 'id'>;
  merges!: EntityTable<MergeRecord, 'id'>;
  syncConflicts!: EntityTable<SyncConflict, 'id'>;
  syncState!: Table<SyncStateRow, string>;
  syncUpdates!: Table<SyncUpdateRow, number>;
  meetingNotes!: EntityTable<MeetingNotes, 'id'>;
  tasks!: EntityTable<StoredTask, 'id'>;
  favours!: EntityTable<Favour, 'id'>;
  introIdeas!: EntityTable<IntroIdea, 'id'>;
  callLinks!: EntityTable<CallLink, 'id'>;

  /**
   * Durability is `strict` unless the caller says otherwise; see RELAXED_TABLES
   * for the one exception.
   */
  constructor(options?: DexieOptions, name: string = DB_NAME) {
    const durability = options?.chromeTransactionDurability ?? 'strict';
    super(name, { ...options, chromeTransactionDurability: durability });
    for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
    this.use(durabilityMiddleware(durability));
    this.use(derivedFieldsMiddleware);
    // A brand-new database runs no upgraders: give it the built-in templates here.
    this.on('populate', (tx) => seedTemplates(tx.table('templates')));
    // Sticky: runs on every open, also when the connection reopens after a versionchange.
    this.on('ready', () => commitSchema(this), true);
  }
}

/**
 * IndexedDB gives the upgrade (versionchange) transaction no durability
 * option, and Chrome runs it relaxed. The first time a schema version opens,
 * write its number in a strict transaction: a strict commit flushes the log,
 * and with it the upgrade before it. Cheap afterwards (one read per open).
 */
async function commitSchema(db: IntrobookDB): Promise<void> {
  const row = await db.meta.get('schema');
  if (row?.value === db.verno) return;
  await db.meta.put({ id: 'schema', value: db.verno, updatedAt: Date.now() });
}
