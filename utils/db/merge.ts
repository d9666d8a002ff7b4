/**
 * Merge two saved records of one human into the one the user keeps: fields
 * chosen side by side (utils/domain/merge.ts), and every reference to the
 * other record — requests (as the person to meet or the connector), meetings,
 * prep sheets, tasks, favours, intro ideas, remembered call links, other
 * people's mutual links — moved to the kept one, in one transaction. The
 * other record becomes a tombstone that says where it went (`mergedInto`).
 * What changed is kept in `merges`, so the merge can be undone.
 */
import { defaultChoices, differingFields, mergedPerson, type MergeChoices, type MergeField, type MergeRecord, type MovedReference } from '../domain/merge';
import { personSchema, type IntroRequest, type Person } from '../domain/schemas';
import type { IntrobookDB } from './app-db';
import { t } from '../i18n';
import { UserError } from '../core/user-error';

/** An indexed field of a table that names a person (`field`, or `*field` for arrays, in the table's stores). */
export interface PersonReference {
  table: string;
  field: string;
  /** A multi-entry (array) field. */
  multi?: boolean;
  /**
   * The other end of a pair of people (an introduction the user could make):
   * a row whose two ends would both be the kept person is removed (a soft
   * delete, which Undo takes back) instead of joining them to themself.
   */
  pairedWith?: string;
}

/**
 * Every field of the store that holds a person's id: the one list merges
 * follow. A table that points at people adds its fields here (merge.test.ts
 * checks the list against the references backup and sync declare).
 */
export const PERSON_REFERENCES: readonly PersonReference[] = [
  { table: 'intros', field: 'targetId' },
  { table: 'intros', field: 'connectorId' },
  { table: 'meetings', field: 'personId' },
  { table: 'people', field: 'mutualContactIds', multi: true },
  { table: 'people', field: 'dismissedMutualIds', multi: true },
  { table: 'meetingNotes', field: 'personId' },
  { table: 'tasks', field: 'personId' },
  { table: 'favours', field: 'personId' },
  { table: 'introIdeas', field: 'aId', pairedWith: 'bId' },
  { table: 'introIdeas', field: 'bId', pairedWith: 'aId' },
  { table: 'callLinks', field: 'personId' },
];
const REFERENCES = PERSON_REFERENCES;

/** Two records can't become one while a request has one as the connector and the other as the person to meet. */
export class MergeConflictError extends UserError {
  constructor(readonly requests: IntroRequest[]) {
    super(t('errors.mergeConflict'));
    this.name = 'MergeConflictError';
  }
}

type Row = Record<string, unknown> & { id: string };

function tablesOf(db: IntrobookDB): string[] {
  const names = new Set(db.tables.map((t) => t.name));
  return Array.from(new Set(['people', 'merges', ...REFERENCES.map((r) => r.table)])).filter((t) => names.has(t));
}

async function rowsReferring(db: IntrobookDB, ref: PersonReference, personId: string): Promise<Row[]> {
  return (await db.table(ref.table).where(ref.field).equals(personId).toArray()) as Row[];
}

export interface MergePreview {
  kept: Person;
  other: Person;
  /** Fields that differ, for the side-by-side choice, and what the view starts with. */
  fields: MergeField[];
  choices: MergeChoices;
  /** What will follow the kept record. */
  moves: { requests: number; meetings: number; mutualLinks: number; other: number };
  /** Requests that would name one person twice: the merge is refused while they exist. */
  conflicts: IntroRequest[];
}

async function liveBoth(db: IntrobookDB, keptId: string, otherId: string): Promise<[Person, Person]> {
  if (keptId === otherId) throw new UserError(t('errors.pickTwoToMerge'));
  const [kept, other] = await db.people.bulkGet([keptId, otherId]);
  if (!kept || kept.deletedAt !== null || !other || other.deletedAt !== null) throw new UserError(t('errors.oneIsGone'));
  return [personSchema.parse(kept), personSchema.parse(other)];
}

async function conflictsOf(db: IntrobookDB, a: string, b: string): Promise<IntroRequest[]> {
  const rows = await db.intros.where('targetId').anyOf([a, b]).toArray();
  return rows.filter((r) => r.deletedAt === null && ((r.targetId === a && r.connectorId === b) || (r.targetId === b && r.connectorId === a)));
}

/** What merging `otherId` into `keptId` would do, read by index. */
export async function previewMerge(db: IntrobookDB, keptId: string, otherId: string): Promise<MergePreview> {
  const [kept, other] = await liveBoth(db, keptId, otherId);
  const moves = { requests: 0, meetings: 0, mutualLinks: 0, other: 0 };
  for (const ref of REFERENCES) {
    if (!db.tables.some((t) => t.name === ref.table)) continue;
    const rows = (await rowsReferring(db, ref, otherId)).filter((r) => r.deletedAt == null && r.id !== keptId && r.id !== otherId);
    if (ref.table === 'intros') moves.requests += rows.length;
    else if (ref.table === 'meetings') moves.meetings += rows.length;
    else if (ref.table === 'people') moves.mutualLinks += rows.length;
    else moves.other += rows.length;
  }
  return { kept, other, fields: differingFields(kept, other), choices: defaultChoices(kept, other), moves, conflicts: await conflictsOf(db, keptId, otherId) };
}

/** Merge `otherId` into `keptId` with the user's choice per field. Returns the record Undo needs. */
export async function mergePeople(db: IntrobookDB, keptId: string, otherId: string, choices: MergeChoices, now = Date.now()): Promise<MergeRecord> {
  return db.transaction('rw', tablesOf(db), async () => {
    const [kept, other] = await liveBoth(db, keptId, otherId);
    const conflicts = await conflictsOf(db, keptId, otherId);
    if (conflicts.length > 0) throw new MergeConflictError(conflicts);

    const keptAfter = personSchema.parse(mergedPerson(kept, other, choices, now));
    const tombstone = personSchema.parse({
      ...other,
      // The other record's links now belong to the kept one: free them for its indexes.
      profileUrl: `urn:uuid:${other.id}`,
      aliases: [],
      deletedAt: now,
      updatedAt: now,
      mergedInto: kept.id,
    });
    await db.people.put(tombstone);
    await db.people.put(keptAfter);

    const moved: MovedReference[] = [];
    for (const ref of REFERENCES) {
      if (!db.tables.some((t) => t.name === ref.table)) continue;
      const table = db.table(ref.table);
      for (const row of await rowsReferring(db, ref, otherId)) {
        if (ref.table === 'people' && (row.id === keptId || row.id === otherId)) continue;
        const before = row[ref.field] as string | string[];
        if (ref.pairedWith && row[ref.pairedWith] === keptId) {
          // Both ends would be the kept person: the row goes (Undo brings it back as it was).
          if (row.deletedAt != null) continue;
          moved.push({ table: ref.table, id: row.id, field: ref.field, before, after: before, removed: true });
          await table.put({ ...row, deletedAt: now, updatedAt: now });
          continue;
        }
        const after = ref.multi ? Array.from(new Set((before as string[]).map((v) => (v === otherId ? keptId : v)))) : keptId;
        moved.push({ table: ref.table, id: row.id, field: ref.field, before, after });
        await table.put({ ...row, [ref.field]: after, updatedAt: now });
      }
    }

    const record: MergeRecord = {
      id: crypto.randomUUID(),
      at: now,
      keptId,
      otherId,
      keptBefore: kept,
      otherBefore: other,
      keptAfter,
      moved,
      undoneAt: null,
      updatedAt: now,
    };
    await db.merges.add(record);
    return record;
  });
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Undo a merge: both records as they were, every moved reference back where it
 * pointed. Fields of the kept record changed since the merge keep their new
 * value; references changed since are left alone.
 */
export async function undoMerge(db: IntrobookDB, mergeId: string, now = Date.now()): Promise<{ kept: Person; other: Person }> {
  return db.transaction('rw', tablesOf(db), async () => {
    const record = await db.merges.get(mergeId);
    if (!record || record.undoneAt !== null) throw new UserError(t('errors.mergeAlreadyUndone'));
    const current = await db.people.get(record.keptId);
    if (!current) throw new UserError(t('errors.mergedPersonGone'));

    const restored: Record<string, unknown> = { ...current };
    const keys = new Set([...Object.keys(record.keptBefore), ...Object.keys(record.keptAfter)]);
    for (const key of keys) {
      if (key === 'updatedAt') continue;
      const k = key as keyof Person;
      if (same(current[k], record.keptAfter[k])) {
        if (k in record.keptBefore) restored[k] = record.keptBefore[k];
        else delete restored[k];
      }
    }
    const kept = personSchema.parse({ ...restored, updatedAt: now });
    await db.people.put(kept);
    const holder = await db.people.where('profileUrl').equals(record.otherBefore.profileUrl).first();
    if (holder && holder.id !== record.otherId) throw new UserError(t('dbErrors.mergeLinkTaken', { holder: holder.name, name: record.otherBefore.name }));
    const other = personSchema.parse({ ...record.otherBefore, updatedAt: now });
    await db.people.put(other);

    for (const m of record.moved) {
      const table = db.table(m.table);
      const row = (await table.get(m.id)) as Row | undefined;
      if (!row) continue;
      if (m.removed) {
        // Removed by the merge, and not touched since: back.
        if (row.deletedAt === record.at) await table.put({ ...row, deletedAt: null, updatedAt: now });
        continue;
      }
      const value = row[m.field];
      let back: unknown;
      if (Array.isArray(m.before)) {
        if (same(value, m.after)) back = m.before;
        else {
          const list = (value as string[]).filter((v) => v !== record.keptId || m.before.includes(record.keptId));
          back = m.before.includes(record.otherId) && !list.includes(record.otherId) ? [...list, record.otherId] : list;
        }
      } else if (value === m.after) back = m.before;
      else continue;
      await table.put({ ...row, [m.field]: back, updatedAt: now });
    }
    await db.merges.put({ ...record, undoneAt: now, updatedAt: now });
    return { kept, other };
  });
}

/** The latest merge into this person that can still be undone, if any. */
export async function lastMergeInto(db: IntrobookDB, keptId: string): Promise<MergeRecord | undefined> {
  const rows = await db.merges.where('keptId').equals(keptId).toArray();
  return rows.filter((r) => r.undoneAt === null).sort((a, b) => b.at - a.at)[0];
}
