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
import { installSearchIndex, upgradeToV8 } from './workspace-schema';

export const DB_NAME = 'introbook';

/**
 * Every shipped schema, oldest first. Never edit a version users may have: add
 * the next one (with an `upgrade` when rows must change) and a fixture in
 * tests/fixtures/db/ — db-migrations.test.ts fails for a version without one.
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
    // v4: meetings, each with a person and (usually) the request that led to it.
    // A request's old `meetingAt` becomes a meeting row.
    version: 4,
    stores: {
      people: 'id, &profileUrl, capturedAt, updatedAt, *aliases',
      intros: 'id, targetId, connectorId, status, updatedAt',
      templates: 'id, kind, updatedAt',
      meetings: 'id, personId, requestId, startsAt, updatedAt',
    },
    upgrade: async (tx) => {
      const meetings = tx.table('meetings');
      const requests = (await tx.table('intros').toArray()) as IntroRequest[];
      for (const r of requests) {
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
    },
  },
  {
    // v7: the warm-intro loop answers from indexes, never a walk of every row.
    // people.nameKey: the folded name of a live person (who can introduce, "is
    // this the Omar you saved?"); mutual links findable by index (merge moves
    // them). intros.liveStatus: the status of a live request (the board);
    // intros.dueAt: when its next step falls due ("Due today", reminders).
    // merges: what a merge changed, so it can be undone.
    version: 7,
    stores: {
      people: 'id, &profileUrl, capturedAt, updatedAt, *aliases, nameKey, *mutualContactIds, *dismissedMutualIds',
      intros: 'id, targetId, connectorId, status, updatedAt, liveStatus, dueAt',
      templates: 'id, kind, updatedAt',
      meetings: 'id, personId, requestId, startsAt, updatedAt',
      merges: 'id, keptId, otherId, at',
    },
    upgrade: async (tx) => {
      await tx
        .table('people')
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          Object.assign(row, personIndexFields(row));
        });
      const meetings = tx.table('meetings');
      const requests = (await tx.table('intros').toArray()) as StoredRequest[];
      for (const r of requests) {
        const meeting = r.status === 'meeting-scheduled' || r.status === 'met' ? await meetings.where('requestId').equals(r.id).last() : undefined;
        // The user's own week is in extension storage, out of reach here: the
        // background recomputes due dates with it on its next start.
        const index = requestIndexFields(r, DEFAULT_WORK_WEEK, meeting && (meeting as Meeting).deletedAt === null ? (meeting as Meeting) : null);
        await tx.table('intros').put({ ...r, ...index });
      }
      await seedTemplates(tx.table('templates'));
    },
  },
  {
    // v8: the workspace (lane 9). People get tags and a word-prefix search index
    // (`searchWords`, kept by installSearchIndex on every write) and a company
    // index for filters; prep sheets and call notes per meeting; follow-through
    // tasks, the favour ledger, intros the user could make, and remembered
    // "who is this call with" answers. See utils/db/workspace-schema.ts.
    version: 8,
    stores: {
      people: 'id, &profileUrl, capturedAt, updatedAt, *aliases, nameKey, *mutualContactIds, *dismissedMutualIds, *searchWords, *tags, company',
      intros: 'id, targetId, connectorId, status, updatedAt, liveStatus, dueAt',
      templates: 'id, kind, updatedAt',
      meetings: 'id, personId, requestId, startsAt, updatedAt',
      merges: 'id, keptId, otherId, at',
      meetingNotes: 'meetingId, personId, updatedAt',
      tasks: 'id, personId, meetingId, openDueAt, updatedAt',
      favours: 'id, personId, updatedAt',
      introIdeas: 'id, aId, bId, updatedAt',
      callLinks: 'key, personId, updatedAt',
    },
    upgrade: upgradeToV8,
  },
  {
    // v9: a local copy of each person's photo (extension pages load no remote
    // images); the user's settings, moved out of storage.local, which Firefox's
    // content scripts can read (utils/settings.ts moves them over on first
    // read); and `meta`, bookkeeping that is never exported (see commitSchema()).
    // New tables only: nothing to rewrite.
    version: 9,
    stores: {
      people: 'id, &profileUrl, capturedAt, updatedAt, *aliases, nameKey, *mutualContactIds, *dismissedMutualIds, *searchWords, *tags, company',
      intros: 'id, targetId, connectorId, status, updatedAt, liveStatus, dueAt',
      templates: 'id, kind, updatedAt',
      meetings: 'id, personId, requestId, startsAt, updatedAt',
      merges: 'id, keptId, otherId, at',
      photos: 'id, url, updatedAt',
      settings: 'id, updatedAt',
      meta: 'id',
      meetingNotes: 'meetingId, personId, updatedAt',
      tasks: 'id, personId, meetingId, openDueAt, updatedAt',
      favours: 'id, personId, updatedAt',
      introIdeas: 'id, aId, bId, updatedAt',
      callLinks: 'key, personId, updatedAt',
    },
  },
  {
    // v10: sync between browsers. `syncConflicts` syncs (what sync decided: a
    // losing value, a restore offer, two saves of one person folded together);
    // `syncState` (membership, secret, cursors) and `syncUpdates` (this
    // browser's copy of the vault) stay on the device. No rows change.
    version: 10,
    stores: {
      people: 'id, &profileUrl, capturedAt, updatedAt, *aliases, nameKey, *mutualContactIds, *dismissedMutualIds, *searchWords, *tags, company',
      intros: 'id, targetId, connectorId, status, updatedAt, liveStatus, dueAt',
      templates: 'id, kind, updatedAt',
      meetings: 'id, personId, requestId, startsAt, updatedAt',
      merges: 'id, keptId, otherId, at',
      photos: 'id, url, updatedAt',
      settings: 'id, updatedAt',
      meta: 'id',
      meetingNotes: 'meetingId, personId, updatedAt',
      tasks: 'id, personId, meetingId, openDueAt, updatedAt',
      favours: 'id, personId, updatedAt',
      introIdeas: 'id, aId, bId, updatedAt',
      callLinks: 'key, personId, updatedAt',
      syncConflicts: 'id, [table+rowId], kind, updatedAt',
      syncState: 'key',
      syncUpdates: '++seq, doc',
    },
  },
];

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

/** A request as stored: the row plus the fields its indexes are built from. */
export type StoredRequest = IntroRequest & RequestIndexFields;
export interface RequestIndexFields {
  /** The status of a live request; absent on a deleted one (so the board's index skips it). */
  liveStatus?: IntroRequest['status'];
  /** When the next step falls due in the user's week; absent when nothing is due by a date. */
  dueAt?: number;
}

/** A person as stored: the row plus its index field. */
export type StoredPerson = Person & { nameKey?: string };

/** The derived fields of a person row (absent on tombstones, so lookups skip them). */
export function personIndexFields(row: { name?: unknown; deletedAt?: unknown }): { nameKey?: string } {
  return { nameKey: row.deletedAt == null && typeof row.name === 'string' ? nameKey(row.name) || undefined : undefined };
}

/** A copy of `row` with `fields` set (an undefined field is left out, so no index holds it). */
function withFields(row: Record<string, unknown>, fields: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...row, ...fields };
  for (const [k, v] of Object.entries(fields)) if (v === undefined) delete copy[k];
  return copy;
}

/**
 * The fields of a request row that only depend on the row: live status; a
 * deleted request has no due date, and an unknown due date is no field at all
 * (not a field holding `undefined`), so rows compare alike however written.
 */
function requestLiveFields(row: { status?: unknown; deletedAt?: unknown; dueAt?: unknown }): RequestIndexFields {
  return row.deletedAt == null
    ? { liveStatus: row.status as IntroRequest['status'], dueAt: typeof row.dueAt === 'number' ? row.dueAt : undefined }
    : { liveStatus: undefined, dueAt: undefined };
}

/**
 * Fields the store derives from a row for its indexes (kept by the middleware
 * below and utils/db/due-index.ts). They are not data: backups and sync leave
 * them out, and the store derives them again when rows come back.
 */
export const DERIVED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  people: ['nameKey'],
  intros: ['liveStatus', 'dueAt'],
};

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

/** Put the built-in templates in place (idempotent: existing ids are left as the user edited them). */
export async function seedTemplates(table: Table<Template, string> | EntityTable<Template, 'id'>, now = BUILT_IN_TEMPLATES_AT): Promise<void> {
  const existing = new Set(await table.toCollection().primaryKeys());
  const missing = DEFAULT_TEMPLATES.filter((t) => !existing.has(t.id)).map(
    (t): Template => ({ ...t, builtIn: true, createdAt: now, updatedAt: now, deletedAt: null }),
  );
  if (missing.length > 0) await table.bulkAdd(missing);
}

export class IntrobookDB extends Dexie {
  people!: EntityTable<Person, 'id'>;
  intros!: EntityTable<IntroRequest, 'id'>;
  templates!: EntityTable<Template, 'id'>;
  meetings!: EntityTable<Meeting, 'id'>;
  photos!: EntityTable<Photo, 'id'>;
  settings!: EntityTable<SettingsRow, 'id'>;
  meta!: EntityTable<MetaRow, 'id'>;
  merges!: EntityTable<MergeRecord, 'id'>;
  syncConflicts!: EntityTable<SyncConflict, 'id'>;
  syncState!: Table<SyncStateRow, string>;
  syncUpdates!: Table<SyncUpdateRow, number>;
  meetingNotes!: EntityTable<MeetingNotes, 'meetingId'>;
  tasks!: EntityTable<Task, 'id'>;
  favours!: EntityTable<Favour, 'id'>;
  introIdeas!: EntityTable<IntroIdea, 'id'>;
  callLinks!: EntityTable<CallLink, 'key'>;

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
    // Derived index fields stay right whoever writes a row: repositories parse
    // rows with zod (which drops fields the schema does not name), a restore or
    // a sync writes rows as they come. Copies, so callers' objects stay clean.
    this.use({
      stack: 'dbcore',
      name: 'introbookIndexFields',
      create: (down) => ({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          const derive = tableName === 'people' ? personIndexFields : tableName === 'intros' ? requestLiveFields : null;
          if (!derive) return table;
          return {
            ...table,
            mutate: (req) =>
              req.type === 'add' || req.type === 'put'
                ? table.mutate({ ...req, values: req.values.map((v: Record<string, unknown>) => withFields(v, derive(v) as Record<string, unknown>)) })
                : table.mutate(req),
          };
        },
      }),
    });
    installSearchIndex(this);
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
