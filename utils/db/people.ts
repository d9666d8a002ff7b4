/**
 * The only code that touches the `people` table. Every function takes the db as
 * a parameter so tests can hand in a fresh fake-indexeddb database.
 */
import { canonicalProfileUrl, isMemberIdUrl, pageKey } from '../core/canonical-url';
import { cleanText, nameKey, splitName } from '../core/text';
import {
  blankUserFields,
  EDITABLE_FIELDS,
  LIMITS,
  manualCapture,
  type Closeness,
  ROLE_HISTORY_LIMIT,
  personSchema,
  profileCaptureSchema,
  type CapturedField,
  type EditableField,
  type Person,
  type ProfileCapture,
} from '../domain/schemas';
import type { IntrobookDB } from './app-db';
import { AlreadySavedError, SameNameError } from './errors';

export interface FieldChange {
  field: EditableField;
  stored: string | null;
  captured: string | null;
  /** The user edited this field: the page's value waits for their OK. */
  edited: boolean;
}

export interface SaveOptions {
  now?: number;
  /** Values the user typed for this save (the popup's edit boxes); they count as the user's edits. */
  edits?: Partial<Record<EditableField, string | null>>;
  /** Edited fields for which the user accepted the page's value instead of their own. */
  accept?: readonly EditableField[];
}

export interface SaveResult {
  person: Person;
  /** True when this save created the record, false when it updated one. */
  created: boolean;
  /** Page values held back because the user had edited those fields. */
  heldBack: FieldChange[];
}

/**
 * Save a capture: create the person, or update the one stored under the same
 * canonical URL (or one of its aliases). The user's edits and notes survive; a
 * field the page no longer shows (null, or no mutual connections) keeps its
 * stored value; a new role or company pushes the old one onto `roleHistory`.
 * Validated before the write; one short read-write transaction.
 */
export async function savePersonCapture(db: IntrobookDB, input: ProfileCapture, options: SaveOptions = {}): Promise<SaveResult> {
  const capture = profileCaptureSchema.parse(input);
  const now = options.now ?? Date.now();
  try {
    return await upsert(db, capture, now, options);
  } catch (error) {
    // Another connection (a second tab's save) created the row between our read
    // and our add: the unique index refused a duplicate. Read again and update.
    if (isConstraintError(error)) return upsert(db, capture, now, options);
    throw error;
  }
}

function isConstraintError(error: unknown): boolean {
  const e = error as { name?: string; inner?: { name?: string } } | null;
  return e?.name === 'ConstraintError' || e?.inner?.name === 'ConstraintError';
}

/** The stored person for any of these URLs, as canonical URL or alias (tombstones included). */
async function findByAnyUrl(db: IntrobookDB, urls: string[]): Promise<Person | undefined> {
  return (await db.people.where('profileUrl').anyOf(urls).first()) ?? (await db.people.where('aliases').anyOf(urls).first());
}

async function upsert(db: IntrobookDB, capture: ProfileCapture, now: number, options: SaveOptions): Promise<SaveResult> {
  return db.transaction('rw', db.people, async () => {
    const existing = await findByAnyUrl(db, [capture.profileUrl, ...capture.aliases]);
    if (existing) {
      const { person: merged, heldBack } = mergeCapture(existing, capture, now, options);
      const person = personSchema.parse(merged);
      await db.people.put(person);
      return { person, created: false, heldBack };
    }
    const blank: Person = {
      ...capture,
      id: crypto.randomUUID(),
      createdAt: now,
      updatedAt: now,
      capturedAt: now,
      deletedAt: null,
      ...blankUserFields(),
    };
    const person = personSchema.parse(applyEdits(blank, capture, options.edits ?? {}));
    await db.people.add(person);
    return { person, created: true, heldBack: [] };
  });
}

/** A LinkedIn vanity URL beats an alias-space key (member id, Sales Navigator, Recruiter) as the person's URL. */
function preferredUrl(url: string): boolean {
  return canonicalProfileUrl(url) === url && !isMemberIdUrl(url);
}

/** The user's typed values: applied last, marked as edits unless they equal what the page says. */
function applyEdits(person: Person, capture: ProfileCapture, edits: SaveOptions['edits'] & object): Person {
  const result: Person = { ...person, fieldSources: { ...person.fieldSources } };
  const edited = new Set(result.editedFields);
  for (const field of EDITABLE_FIELDS) {
    if (!(field in edits)) continue;
    const value = edits[field] ?? null;
    if (field === 'name') {
      if (value) result.name = value;
    } else {
      result[field] = value;
    }
    if (value === capture[field]) {
      edited.delete(field);
    } else {
      edited.add(field);
      result.fieldSources[field] = 'user';
    }
  }
  result.editedFields = EDITABLE_FIELDS.filter((f) => edited.has(f));
  return result;
}

/** A re-capture applied to a stored person. Pure. */
export function mergeCapture(
  existing: Person,
  capture: ProfileCapture,
  now: number,
  options: Omit<SaveOptions, 'now'> = {},
): { person: Person; heldBack: FieldChange[] } {
  const switchUrl = preferredUrl(capture.profileUrl) && !preferredUrl(existing.profileUrl);
  const profileUrl = switchUrl ? capture.profileUrl : existing.profileUrl;
  const aliases = Array.from(new Set([...existing.aliases, ...capture.aliases, existing.profileUrl, capture.profileUrl])).filter(
    (u) => u !== profileUrl,
  );
  const merged: Person = {
    ...existing,
    profileUrl,
    aliases: aliases.slice(0, 20),
    source: capture.source,
    photoUrl: capture.photoUrl ?? existing.photoUrl,
    degree: capture.degree ?? existing.degree,
    mutualConnections:
      capture.mutualConnections.count > 0 || capture.mutualConnections.names.length > 0
        ? capture.mutualConnections
        : existing.mutualConnections,
    positions: capture.positions.length > 0 ? capture.positions : existing.positions,
    fieldSources: { ...existing.fieldSources, ...capture.fieldSources },
    capturedAt: now,
    updatedAt: now,
    // Saving someone again brings back a person the user had removed.
    deletedAt: null,
  };
  const heldBack: FieldChange[] = [];
  const edited = new Set(existing.editedFields);
  for (const field of EDITABLE_FIELDS) {
    const captured = capture[field];
    if (edited.has(field) && !options.accept?.includes(field)) {
      merged.fieldSources[field] = 'user';
      if (captured !== null && captured !== existing[field]) {
        heldBack.push({ field, stored: existing[field], captured, edited: true });
      }
      continue;
    }
    edited.delete(field);
    if (field === 'name') merged.name = capture.name;
    else merged[field] = captured ?? existing[field];
  }
  merged.editedFields = EDITABLE_FIELDS.filter((f) => edited.has(f));
  const person = applyEdits(merged, capture, options.edits ?? {});
  if ((existing.role || existing.company) && (person.role !== existing.role || person.company !== existing.company)) {
    person.roleHistory = [{ role: existing.role, company: existing.company, until: now }, ...existing.roleHistory].slice(
      0,
      ROLE_HISTORY_LIMIT,
    );
  }
  return { person, heldBack };
}

/** What a capture would change in a stored person, field by field (for the popup's review). Pure. */
export function diffCapture(person: Person, capture: ProfileCapture): FieldChange[] {
  return EDITABLE_FIELDS.flatMap((field) => {
    const captured = capture[field];
    if (captured === null || captured === person[field]) return [];
    return [{ field, stored: person[field], captured, edited: person.editedFields.includes(field) }];
  });
}

export type PersonEdit = Partial<Pick<Person, EditableField | 'notes'>>;

/** The user's own changes: edited fields are marked so captures leave them alone. */
export async function editPerson(db: IntrobookDB, id: string, edit: PersonEdit, now: number = Date.now()): Promise<Person> {
  // Note: an edit's fieldSources entry becomes 'user' so the UI can say where a value came from.
  return db.transaction('rw', db.people, async () => {
    const existing = await db.people.get(id);
    if (!existing) throw new Error('This person is no longer in Introbook.');
    const editedFields = new Set(existing.editedFields);
    const fieldSources = { ...existing.fieldSources };
    for (const field of EDITABLE_FIELDS) {
      if (field in edit && edit[field] !== existing[field]) {
        editedFields.add(field);
        fieldSources[field] = 'user';
      }
    }
    const person = personSchema.parse({
      ...existing,
      ...edit,
      editedFields: EDITABLE_FIELDS.filter((f) => editedFields.has(f)),
      fieldSources,
      updatedAt: now,
    });
    await db.people.put(person);
    return person;
  });
}

/**
 * The user looked at fields the capture was unsure of and says they are right:
 * they count as high confidence from now on (until a capture brings a new value).
 */
export async function confirmFields(db: IntrobookDB, id: string, fields: readonly CapturedField[], now: number = Date.now()): Promise<Person> {
  return db.transaction('rw', db.people, async () => {
    const existing = await db.people.get(id);
    if (!existing || existing.deletedAt !== null) throw new Error('This person is no longer in Introbook.');
    const fieldConfidence = { ...existing.fieldConfidence };
    for (const field of fields) fieldConfidence[field] = 'high';
    const person = personSchema.parse({ ...existing, fieldConfidence, updatedAt: now });
    await db.people.put(person);
    return person;
  });
}

/** Soft delete: the row stays as a tombstone so sync can learn of the deletion. */
export async function removePerson(db: IntrobookDB, id: string, now: number = Date.now()): Promise<void> {
  await db.people.update(id, { deletedAt: now, updatedAt: now });
}

/** The live person known by this URL, as their canonical URL or as an alias. */
export async function findPersonByUrl(db: IntrobookDB, profileUrl: string): Promise<Person | undefined> {
  const person = await findByAnyUrl(db, [profileUrl]);
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


// --- Added by the warm-intro loop (issue #8): people typed in by hand, undoing a removal ---

export interface HandAddedPerson {
  name: string;
  /** A profile link (any https page); '' for someone with none (they get a `urn:uuid:` key). */
  profileUrl?: string;
  role?: string;
  company?: string;
  headline?: string;
  location?: string;
  email?: string;
  howWeKnow?: string;
  closeness?: Closeness | null;
  knowsPersonally?: boolean;
}

/**
 * Add a person the user typed in (the side panel's "Add a person", a connector
 * added by hand). Everything typed counts as the user's own word. Refuses a
 * profile link someone saved already has (AlreadySavedError) and, unless
 * `asNew`, a name saved people already have (SameNameError): the user says
 * whether they mean one of them before a second record is made.
 */
export async function addPersonByHand(db: IntrobookDB, input: HandAddedPerson, now: number = Date.now(), options: { asNew?: boolean } = {}): Promise<Person> {
  const name = cleanText(input.name, LIMITS.name);
  if (!name) throw new Error('A name is required.');
  const url = input.profileUrl?.trim() ?? '';
  const key = url ? pageKey(url) : null;
  if (url && !key) throw new Error('The profile link must be an https address.');
  return db.transaction('rw', db.people, async () => {
    if (key) {
      const holder = await findByAnyUrl(db, [key]);
      if (holder && holder.deletedAt === null) throw new AlreadySavedError(holder);
      // Someone the user removed: adding them again brings the record back, as a save would.
      if (holder) {
        const back = personSchema.parse({ ...holder, deletedAt: null, updatedAt: now });
        await db.people.put(back);
        return back;
      }
    }
    if (!options.asNew) {
      const same = (await db.people.where('nameKey').equals(nameKey(name)).toArray()).filter((p) => p.deletedAt === null);
      if (same.length > 0) throw new SameNameError(same);
    }
    const id = crypto.randomUUID();
    const split = splitName(name);
    const typed = {
      role: cleanText(input.role, LIMITS.short),
      company: cleanText(input.company, LIMITS.short),
      headline: cleanText(input.headline, LIMITS.headline),
      location: cleanText(input.location, LIMITS.short),
    };
    const fieldSources: Person['fieldSources'] = { profileUrl: 'url', name: 'user' };
    for (const [field, value] of Object.entries(typed)) if (value) fieldSources[field as keyof typeof typed] = 'user';
    const person = personSchema.parse({
      ...manualCapture(key ?? `urn:uuid:${id}`, name, 'user'),
      ...typed,
      firstName: split.first,
      lastName: split.last,
      positions: typed.role || typed.company ? [{ title: typed.role, company: typed.company }] : [],
      fieldSources,
      id,
      createdAt: now,
      updatedAt: now,
      capturedAt: now,
      deletedAt: null,
      ...blankUserFields(),
      knowsPersonally: input.knowsPersonally ?? false,
      closeness: input.closeness ?? null,
      howWeKnow: input.howWeKnow?.trim() ?? '',
      email: input.email?.trim() ?? '',
    } satisfies Person);
    await db.people.add(person);
    return person;
  });
}

/** Undo a removal: the person is live again, as they were. */
export async function restorePerson(db: IntrobookDB, id: string, now: number = Date.now()): Promise<Person> {
  return db.transaction('rw', db.people, async () => {
    const existing = await db.people.get(id);
    if (!existing) throw new Error('This person is no longer in Introbook.');
    if (existing.mergedInto) throw new Error('This person was merged into another record; undo the merge instead.');
    const person = personSchema.parse({ ...existing, deletedAt: null, updatedAt: now });
    await db.people.put(person);
    return person;
  });
}
