/**
 * The only code that touches the `people` table. Every function takes the db as
 * a parameter so tests can hand in a fresh fake-indexeddb database.
 */
import {
  EDITABLE_FIELDS,
  personSchema,
  profileCaptureSchema,
  type EditableField,
  type Person,
  type ProfileCapture,
} from '../domain/schemas';
import type { IntrobookDB } from './app-db';

export interface SaveResult {
  person: Person;
  /** True when this save created the record, false when it updated one. */
  created: boolean;
}

/**
 * Save a capture: create the person, or update the one stored under the same
 * canonical URL. The user's own edits and notes survive; a field the page no
 * longer shows (null, or no mutual connections) keeps its stored value.
 * Validated before the write; one short read-write transaction.
 */
export async function savePersonCapture(
  db: IntrobookDB,
  input: ProfileCapture,
  now: number = Date.now(),
): Promise<SaveResult> {
  const capture = profileCaptureSchema.parse(input);
  try {
    return await upsert(db, capture, now);
  } catch (error) {
    // Another connection (a second tab's save) created the row between our read
    // and our add: the unique index refused a duplicate. Read again and update.
    if (isConstraintError(error)) return upsert(db, capture, now);
    throw error;
  }
}

function isConstraintError(error: unknown): boolean {
  const e = error as { name?: string; inner?: { name?: string } } | null;
  return e?.name === 'ConstraintError' || e?.inner?.name === 'ConstraintError';
}

async function upsert(db: IntrobookDB, capture: ProfileCapture, now: number): Promise<SaveResult> {
  return db.transaction('rw', db.people, async () => {
    const existing = await db.people.where('profileUrl').equals(capture.profileUrl).first();
    if (existing) {
      const person = personSchema.parse(mergeCapture(existing, capture, now));
      await db.people.put(person);
      return { person, created: false };
    }
    const person = personSchema.parse({
      ...capture,
      id: crypto.randomUUID(),
      createdAt: now,
      updatedAt: now,
      capturedAt: now,
      deletedAt: null,
      editedFields: [],
      notes: '',
    } satisfies Person);
    await db.people.add(person);
    return { person, created: true };
  });
}

/** A re-capture applied to a stored person. Pure. */
export function mergeCapture(existing: Person, capture: ProfileCapture, now: number): Person {
  const merged: Person = {
    ...existing,
    profileUrl: existing.profileUrl,
    source: capture.source,
    photoUrl: capture.photoUrl ?? existing.photoUrl,
    degree: capture.degree ?? existing.degree,
    mutualConnections:
      capture.mutualConnections.count > 0 || capture.mutualConnections.names.length > 0
        ? capture.mutualConnections
        : existing.mutualConnections,
    capturedAt: now,
    updatedAt: now,
    // Saving someone again brings back a person the user had removed.
    deletedAt: null,
  };
  for (const field of EDITABLE_FIELDS) {
    if (existing.editedFields.includes(field)) continue;
    if (field === 'name') {
      merged.name = capture.name;
    } else {
      merged[field] = capture[field] ?? existing[field];
    }
  }
  return merged;
}

export type PersonEdit = Partial<Pick<Person, EditableField | 'notes'>>;

/** The user's own changes: edited fields are marked so captures leave them alone. */
export async function editPerson(db: IntrobookDB, id: string, edit: PersonEdit, now: number = Date.now()): Promise<Person> {
  return db.transaction('rw', db.people, async () => {
    const existing = await db.people.get(id);
    if (!existing) throw new Error('This person is no longer in Introbook.');
    const editedFields = new Set(existing.editedFields);
    for (const field of EDITABLE_FIELDS) {
      if (field in edit && edit[field] !== existing[field]) editedFields.add(field);
    }
    const person = personSchema.parse({
      ...existing,
      ...edit,
      editedFields: EDITABLE_FIELDS.filter((f) => editedFields.has(f)),
      updatedAt: now,
    });
    await db.people.put(person);
    return person;
  });
}

/** Soft delete: the row stays as a tombstone so sync can learn of the deletion. */
export async function removePerson(db: IntrobookDB, id: string, now: number = Date.now()): Promise<void> {
  await db.people.update(id, { deletedAt: now, updatedAt: now });
}

export async function findPersonByUrl(db: IntrobookDB, profileUrl: string): Promise<Person | undefined> {
  const person = await db.people.where('profileUrl').equals(profileUrl).first();
  return person && person.deletedAt === null ? person : undefined;
}

export async function getPerson(db: IntrobookDB, id: string): Promise<Person | undefined> {
  const person = await db.people.get(id);
  return person && person.deletedAt === null ? person : undefined;
}

/** Saved people, most recently captured first (an indexed walk; stops at `limit`). */
export function listRecentPeople(db: IntrobookDB, limit = 50): Promise<Person[]> {
  return db.people
    .orderBy('capturedAt')
    .reverse()
    .filter((p) => p.deletedAt === null)
    .limit(limit)
    .toArray();
}

