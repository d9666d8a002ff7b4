import Dexie, { type DexieOptions, type EntityTable, type Table, type Transaction } from 'dexie';
import { nameKey } from '../core/text';
import { DEFAULT_WORK_WEEK } from '../domain/business-days';
import { nextAction } from '../domain/follow-ups';
import type { MergeRecord } from '../domain/merge';
import { blankUserFields, DEFAULT_MEETING_MINUTES, type IntroRequest, type Meeting, type Person, type Template } from '../domain/schemas';
import { DEFAULT_TEMPLATES } from '../domain/templates';

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
];

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

/** The fields of a request row that only depend on the row: live status; a deleted request has no due date. */
function requestLiveFields(row: { status?: unknown; deletedAt?: unknown; dueAt?: unknown }): RequestIndexFields {
  return row.deletedAt == null ? { liveStatus: row.status as IntroRequest['status'] } : { liveStatus: undefined, dueAt: undefined };
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
export async function seedTemplates(table: Table<Template, string> | EntityTable<Template, 'id'>, now = Date.now()): Promise<void> {
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
  merges!: EntityTable<MergeRecord, 'id'>;

  constructor(options?: DexieOptions, name: string = DB_NAME) {
    super(name, { chromeTransactionDurability: 'relaxed', ...options });
    for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
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
    // A brand-new database runs no upgraders: give it the built-in templates here.
    this.on('populate', (tx) => seedTemplates(tx.table('templates')));
  }
}
