import Dexie, { type DexieOptions, type EntityTable, type Table, type Transaction } from 'dexie';
import { blankUserFields, DEFAULT_MEETING_MINUTES, type IntroRequest, type Meeting, type Person, type Template } from '../domain/schemas';
import { DEFAULT_TEMPLATES } from '../domain/templates';
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
    // v8: the workspace (lane 9). People get tags and a word-prefix search index
    // (`searchWords`, kept by installSearchIndex on every write) and a company
    // index for filters; prep sheets and call notes per meeting; follow-through
    // tasks, the favour ledger, intros the user could make, and remembered
    // "who is this call with" answers. See utils/db/workspace-schema.ts.
    version: 8,
    stores: {
      people: 'id, &profileUrl, capturedAt, updatedAt, *aliases, *searchWords, *tags, company',
      intros: 'id, targetId, connectorId, status, updatedAt',
      templates: 'id, kind, updatedAt',
      meetings: 'id, personId, requestId, startsAt, updatedAt',
      meetingNotes: 'meetingId, personId, updatedAt',
      tasks: 'id, personId, meetingId, openDueAt, updatedAt',
      favours: 'id, personId, updatedAt',
      introIdeas: 'id, aId, bId, updatedAt',
      callLinks: 'key, personId, updatedAt',
    },
    upgrade: upgradeToV8,
  },
];

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
  meetingNotes!: EntityTable<MeetingNotes, 'meetingId'>;
  tasks!: EntityTable<Task, 'id'>;
  favours!: EntityTable<Favour, 'id'>;
  introIdeas!: EntityTable<IntroIdea, 'id'>;
  callLinks!: EntityTable<CallLink, 'key'>;

  constructor(options?: DexieOptions, name: string = DB_NAME) {
    super(name, { chromeTransactionDurability: 'relaxed', ...options });
    for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
    installSearchIndex(this);
    // A brand-new database runs no upgraders: give it the built-in templates here.
    this.on('populate', (tx) => seedTemplates(tx.table('templates')));
  }
}
