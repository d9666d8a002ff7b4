/**
 * The only code that touches the `people` table. Every function takes the db as
 * a parameter so tests can hand in a fresh fake-indexeddb database.
 */
import { alignPositions } from '../domain/positions';
import { canonicalProfileUrl, isMemberIdUrl, pageKey } from '../core/canonical-url';
import { cleanText, foldText, nameKey, splitName } from '../core/text';
import {
  blankUserFields,
  CAPTURED_FIELDS,
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
import { t } from '../i18n';

import { diffCapture, sameName, type FieldChange } from '../domain/captures';
import { UserError } from '../core/user-error';
// Pure and zod-free (the popup's form needs them at first paint); re-exported for the modules that import them from here.
export { diffCapture, sameName, type FieldChange };

export interface SaveOptions {
  now?: number;
  /** Values the user typed for this save (the popup's edit boxes); they count as the user's edits. */
  edits?: Partial<Record<EditableField, string | null>>;
  /** Edited fields for which the user accepted the page's value instead of their own. */
  accept?: readonly EditableField[];
  /** The user saw that this save renames the stored person and agreed. */
  confirmName?: boolean;
}

export interface SaveResult {
  person: Person;
  /** True when this save created the record, false when it updated one. */
  created: boolean;
  /** Page values held back because the user had edited those fields. */
  heldBack: FieldChange[];
  /**
   * Another live record holds one of this capture's keys: the two may be one
   * human. Nothing was merged; the caller asks the user (see `pendingMerge`).
   */
  duplicate: { aId: string; bId: string } | null;
}

/**
 * The save would change the name of a stored person. A different name is the
 * strongest sign that the record is someone else, so nothing was written: the
 * caller shows `from` → `to` and saves again with `confirmName` if the user agrees.
 */
export class NameChangeNeedsConfirmation extends UserError {
  override readonly name = 'NameChangeNeedsConfirmation';
  constructor(
    readonly person: Person,
    readonly to: string,
  ) {
    super(t('dbErrors.renameNeedsConfirmation', { from: person.name, to }));
  }
  get from(): string {
    return this.person.name;
  }
}

/**
 * Save a capture: create the person, or update the one its keys name.
 *
 * Which record a capture belongs to (the rules that keep a write off the wrong person):
 * - The capture's `profileUrl` names its person: the live record with that URL
 *   (or, failing that, with it as an alias) is the one to update; a removed
 *   record under that URL comes back.
 * - Its `aliases` may hold only the key of the page it was read on — every
 *   caller checks that against the tab's URL first (utils/messaging/guards.ts).
 *   A record saved under that very key is the same person and moves to the
 *   member URL. A record that holds the key only as an alias of some *other*
 *   URL is never merged into: the capture gets its own record and the two are
 *   reported as a possible `duplicate`, for the user to decide.
 * - Two live records for one capture are never merged here either: the save
 *   goes to the one its URL names, and the other is reported as a `duplicate`.
 *   No save fails because a URL belongs to another record.
 * - A save that would change the stored name throws NameChangeNeedsConfirmation
 *   unless `confirmName` (case, accents and spacing don't count as a change).
 *
 * The user's edits and notes survive; a field the page no longer shows keeps
 * its stored value; a capture that shows a different job pushes the old one
 * onto `roleHistory`, while the user's own corrections never do. Validated
 * before the write; one short read-write transaction.
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

/** At most this many aliases per person (the schema's cap). */
const ALIAS_LIMIT = 20;

interface KeyOwners {
  /** The record this key names: a live owner first (by URL, then by alias), else a removed record with this URL. */
  row: Person | undefined;
  /** Other live records that also hold the key. */
  others: Person[];
}

/** Who holds `key`, as canonical URL or alias. Indexed lookups only. */
async function ownersOf(db: IntrobookDB, key: string): Promise<KeyOwners> {
  const byUrl = await db.people.where('profileUrl').equals(key).first();
  const byAlias = (await db.people.where('aliases').equals(key).limit(10).toArray()).filter(
    (p) => p.deletedAt === null && p.id !== byUrl?.id,
  );
  const live = [byUrl, ...byAlias].filter((p): p is Person => p !== undefined && p.deletedAt === null);
  return { row: live[0] ?? byUrl, others: live.slice(1) };
}

interface Placement {
  target: Person | undefined;
  /** Page keys the target takes on as aliases. */
  adopt: string[];
  duplicate: Person | undefined;
}

/** Which record a capture goes to, by the rules on savePersonCapture. */
async function place(db: IntrobookDB, capture: ProfileCapture): Promise<Placement> {
  const atUrl = await ownersOf(db, capture.profileUrl);
  let target = atUrl.row;
  let duplicate = atUrl.others[0];
  const adopt: string[] = [];
  for (const key of capture.aliases) {
    if (key === capture.profileUrl) continue;
    const { row } = await ownersOf(db, key);
    if (!row || row.id === target?.id) {
      adopt.push(key);
      continue;
    }
    const targetGone = target === undefined || (target.deletedAt !== null && row.deletedAt === null);
    if (targetGone && row.profileUrl === key) {
      // The record saved from this very page before it named the member URL: the same person.
      target = row;
      adopt.push(key);
    } else if (row.deletedAt === null) {
      // Another live record claims this page: never merged silently.
      duplicate ??= row;
    } else {
      adopt.push(key);
    }
  }
  if (duplicate?.id === target?.id) duplicate = undefined;
  if (!target && !duplicate) {
    // A new profile whose name is that of someone added by hand (no profile link yet: a connector typed
    // in on another page): likely the same human. Saved apart and offered for merging, never merged unasked.
    const key = nameKey(capture.name);
    duplicate = key ? (await db.people.where('nameKey').equals(key).limit(20).toArray()).find((p) => p.deletedAt === null && p.profileUrl.startsWith('urn:uuid:')) : undefined;
  }
  return { target, adopt, duplicate };
}

async function upsert(db: IntrobookDB, capture: ProfileCapture, now: number, options: SaveOptions): Promise<SaveResult> {
  return db.transaction('rw', db.people, async () => {
    const { target, adopt, duplicate } = await place(db, capture);
    const placed = { ...capture, aliases: adopt };
    if (target) {
      guardName(target, capture, options);
      // The member URL can't be taken while another record (a removed one) still holds it.
      const holder = await db.people.where('profileUrl').equals(capture.profileUrl).first();
      const canMove = holder === undefined || holder.id === target.id;
      const { person: merged, heldBack } = mergeCapture(target, placed, now, { ...options, canMove });
      const person = personSchema.parse(merged);
      await db.people.put(person);
      return { person, created: false, heldBack, duplicate: duplicate ? { aId: person.id, bId: duplicate.id } : null };
    }
    const blank: Person = {
      ...placed,
      id: crypto.randomUUID(),
      createdAt: now,
      updatedAt: now,
      capturedAt: now,
      deletedAt: null,
      ...blankUserFields(),
    };
    const edited = applyEdits(blank, capture, options.edits ?? {});
    const person = personSchema.parse({ ...edited, positions: alignPositions(edited, userJobEdit(options.edits)) });
    await db.people.add(person);
    return { person, created: true, heldBack: [], duplicate: duplicate ? { aId: person.id, bId: duplicate.id } : null };
  });
}

/** Throws when the save would rename `existing` and the user has not agreed. */
function guardName(existing: Person, capture: ProfileCapture, options: SaveOptions): void {
  if (options.confirmName) return;
  const typed = options.edits?.name;
  const userOwnsName = existing.editedFields.includes('name') && !options.accept?.includes('name');
  const next = typed ? typed : userOwnsName ? existing.name : capture.name;
  if (sameName(next, existing.name)) return;
  throw new NameChangeNeedsConfirmation(existing, next);
}

/**
 * A person's URL keys: the ones they had, then the new ones. Over the cap, the
 * oldest (the key the record was first known by) and the newest stay; the
 * ones between go.
 */
function mergeAliases(existing: readonly string[], added: readonly string[], profileUrl: string): string[] {
  const all = Array.from(new Set([...existing, ...added])).filter((u) => u !== profileUrl);
  if (all.length <= ALIAS_LIMIT) return all;
  return [all[0] as string, ...all.slice(all.length - (ALIAS_LIMIT - 1))];
}

/** A LinkedIn vanity URL beats an alias-space key (member id, Sales Navigator, Recruiter) as the person's URL. */
function preferredUrl(url: string): boolean {
  return canonicalProfileUrl(url) === url && !isMemberIdUrl(url);
}

/** The user's typed values: applied last, marked as edits unless they equal what the page says. */
function applyEdits(person: Person, capture: ProfileCapture, edits: SaveOptions['edits'] & object): Person {
  const result: Person = { ...person, fieldSources: { ...person.fieldSources } };
  const edited = new Set(result.editedFields);
  const confidence = { ...result.fieldConfidence };
  const notes = { ...result.fieldNotes };
  let touched = false;
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
      // The user's own word needs no checking, and the capture's note was about the page's value.
      if (field in confidence) {
        delete confidence[field];
        touched = true;
      }
      delete notes[field];
    }
  }
  result.editedFields = EDITABLE_FIELDS.filter((f) => edited.has(f));
  if (touched) result.fieldConfidence = confidence;
  return withNotes(result, notes);
}

/** Did the user set role or company in this save (and clear both)? */
function userJobEdit(edits: SaveOptions['edits']): 'none' | 'set' | 'cleared' {
  if (!edits || !('role' in edits || 'company' in edits)) return 'none';
  return !edits.role && !edits.company ? 'cleared' : 'set';
}

/** Legal-form words that don't make a company another company ("Fabrikam" = "Fabrikam, Inc."). */
const LEGAL_SUFFIX =
  /(?:\s(?:inc|incorporated|llc|llp|lp|ltd|limited|co|corp|corporation|company|gmbh|ag|sa|sas|sarl|srl|spa|bv|nv|plc|pty|pte|kk|oy|ab|as))+$/;

/** Two values of role or company that name the same thing. */
function sameJobText(a: string, b: string): boolean {
  const fa = foldText(a);
  const fb = foldText(b);
  return fa === fb || fa.replace(LEGAL_SUFFIX, '') === fb.replace(LEGAL_SUFFIX, '');
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** A re-capture applied to a stored person. Pure. */
export function mergeCapture(
  existing: Person,
  capture: ProfileCapture,
  now: number,
  options: Omit<SaveOptions, 'now'> & { canMove?: boolean } = {},
): { person: Person; heldBack: FieldChange[] } {
  const canMove = options.canMove ?? true;
  const switchUrl = canMove && capture.profileUrl !== existing.profileUrl && preferredUrl(capture.profileUrl) && !preferredUrl(existing.profileUrl);
  const profileUrl = switchUrl ? capture.profileUrl : existing.profileUrl;
  // Every key the person was known by stays findable: the URL they move from, the page's key, the member URL.
  const aliases = mergeAliases(existing.aliases, [existing.profileUrl, ...capture.aliases, capture.profileUrl], profileUrl);
  const merged: Person = {
    ...existing,
    profileUrl,
    aliases,
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
  const pageOwns = (field: EditableField) => !edited.has(field) || Boolean(options.accept?.includes(field));
  // A job change is what the page shows, on the fields the page owns: never the user's corrections.
  const jobChanged = (['role', 'company'] as const).some((field) => {
    const before = existing[field];
    const after = capture[field];
    return pageOwns(field) && before !== null && after !== null && !sameJobText(before, after);
  });
  for (const field of EDITABLE_FIELDS) {
    const captured = capture[field];
    if (!pageOwns(field)) {
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
  merged.fieldConfidence = confidenceAfterCapture(existing, merged, capture);
  if (merged.fieldConfidence === undefined) delete merged.fieldConfidence;
  const fromCapture = (field: CapturedField): boolean | 'user' => {
    if ((EDITABLE_FIELDS as readonly string[]).includes(field)) return pageOwns(field as EditableField) ? capture[field as EditableField] !== null : 'user';
    if (field === 'mutualConnections') return capture.mutualConnections.count > 0 || capture.mutualConnections.names.length > 0;
    return field === 'profileUrl' || capture[field] !== null;
  };
  const withCaptureNotes = withNotes(merged, notesAfterCapture(existing, capture, fromCapture));
  const person = applyEdits(withCaptureNotes, capture, options.edits ?? {});
  person.positions = alignPositions(person, userJobEdit(options.edits));
  if (jobChanged) {
    person.roleHistory = [{ role: existing.role, company: existing.company, until: now }, ...existing.roleHistory].slice(
      0,
      ROLE_HISTORY_LIMIT,
    );
  }
  return { person, heldBack };
}

/**
 * The capture's notes go with the values it brought ("name cut at a word"); a
 * value kept from before keeps its note; a value the user owns has none.
 */
function notesAfterCapture(existing: Person, capture: ProfileCapture, fromCapture: (field: CapturedField) => boolean | 'user'): NonNullable<Person['fieldNotes']> {
  const notes = { ...existing.fieldNotes };
  for (const field of CAPTURED_FIELDS) {
    const from = fromCapture(field);
    if (from === false) continue;
    const note = from === true ? capture.fieldNotes?.[field] : undefined;
    if (note) notes[field] = note;
    else delete notes[field];
  }
  return notes;
}

/** `person` with these notes (none: the key is left out, as a capture without notes has it). */
function withNotes(person: Person, notes: NonNullable<Person['fieldNotes']>): Person {
  const { fieldNotes: _old, ...rest } = person;
  return Object.keys(notes).length > 0 ? { ...rest, fieldNotes: notes } : rest;
}

/**
 * A field the user confirmed stays confirmed while the page shows the same
 * value; a new value takes the capture's own confidence (or its origin's).
 */
function confidenceAfterCapture(existing: Person, merged: Person, capture: ProfileCapture): Person['fieldConfidence'] {
  if (!existing.fieldConfidence && !capture.fieldConfidence) return undefined;
  const confidence = { ...existing.fieldConfidence };
  for (const field of CAPTURED_FIELDS) {
    if (sameValue(existing[field], merged[field])) continue;
    const fromCapture = capture.fieldConfidence?.[field];
    if (fromCapture) confidence[field] = fromCapture;
    else delete confidence[field];
  }
  return confidence;
}

export type PersonEdit = Partial<Pick<Person, EditableField | 'notes'>>;

/** The user's own changes: edited fields are marked so captures leave them alone. */
export async function editPerson(db: IntrobookDB, id: string, edit: PersonEdit, now: number = Date.now()): Promise<Person> {
  // An edit's fieldSources entry becomes 'user' so the UI can say where a value came from.
  // It corrects the current record: never a job change, and the current position follows.
  return db.transaction('rw', db.people, async () => {
    const existing = await db.people.get(id);
    if (!existing) throw new UserError(t('dbErrors.personGone'));
    const editedFields = new Set(existing.editedFields);
    const fieldSources = { ...existing.fieldSources };
    const fieldConfidence = { ...existing.fieldConfidence };
    const fieldNotes = { ...existing.fieldNotes };
    for (const field of EDITABLE_FIELDS) {
      if (field in edit && edit[field] !== existing[field]) {
        editedFields.add(field);
        fieldSources[field] = 'user';
        delete fieldConfidence[field];
        delete fieldNotes[field];
      }
    }
    const next = withNotes({ ...existing, ...edit }, fieldNotes);
    const person = personSchema.parse({
      ...next,
      positions: alignPositions(next, userJobEdit(edit)),
      editedFields: EDITABLE_FIELDS.filter((f) => editedFields.has(f)),
      fieldSources,
      ...(existing.fieldConfidence ? { fieldConfidence } : {}),
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
    if (!existing || existing.deletedAt !== null) throw new UserError(t('dbErrors.personGone'));
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
  const { row } = await ownersOf(db, profileUrl);
  return row && row.deletedAt === null ? row : undefined;
}

/**
 * The record a key names, removed ones included (a live owner wins over a
 * removed record with the same URL). For code that adds people by hand: use it
 * inside your transaction so a link the store knows as an alias finds its person.
 */
export async function findPersonByKey(db: IntrobookDB, key: string): Promise<Person | undefined> {
  return (await ownersOf(db, key)).row;
}

export async function getPerson(db: IntrobookDB, id: string): Promise<Person | undefined> {
  const person = await db.people.get(id);
  return person && person.deletedAt === null ? person : undefined;
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
  if (!name) throw new UserError(t('dbErrors.nameRequired'));
  const url = input.profileUrl?.trim() ?? '';
  const key = url ? pageKey(url) : null;
  if (url && !key) throw new UserError(t('dbErrors.profileLinkHttps'));
  return db.transaction('rw', db.people, async () => {
    if (key) {
      const holder = await findPersonByKey(db, key);
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
    if (!existing) throw new UserError(t('dbErrors.personGone'));
    if (existing.mergedInto) throw new UserError(t('dbErrors.mergedIntoAnother'));
    const person = personSchema.parse({ ...existing, deletedAt: null, updatedAt: now });
    await db.people.put(person);
    return person;
  });
}
