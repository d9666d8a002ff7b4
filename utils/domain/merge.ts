/**
 * Merging two saved records of one human: the user keeps one record (its id
 * survives, so everything pointing at it stays put), picks each differing
 * field from either side, and the rest is combined — aliases, past roles,
 * mutual links. Pure; the database side is utils/db/merge.ts.
 */
import { z } from '../zod';
import { alignPositions } from './positions';
import { EDITABLE_FIELDS, MAX_TAGS, ROLE_HISTORY_LIMIT, type EditableField, type Person } from './schemas';
import { labels } from '../i18n';

/** Fields the user picks side by side, in the order the merge view shows them. */
export const MERGE_FIELDS = [
  'name',
  'firstName',
  'lastName',
  'headline',
  'role',
  'company',
  'location',
  'profileUrl',
  'photoUrl',
  'degree',
  'email',
  'howWeKnow',
  'closeness',
  'notes',
  'mutualConnections',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

export const MERGE_FIELD_LABELS: Record<MergeField, string> = labels({
  name: 'labels.mergeField.name',
  firstName: 'labels.mergeField.firstName',
  lastName: 'labels.mergeField.lastName',
  headline: 'labels.mergeField.headline',
  role: 'labels.mergeField.role',
  company: 'labels.mergeField.company',
  location: 'labels.mergeField.location',
  profileUrl: 'labels.mergeField.profileUrl',
  photoUrl: 'labels.mergeField.photoUrl',
  degree: 'labels.mergeField.degree',
  email: 'labels.mergeField.email',
  howWeKnow: 'labels.mergeField.howWeKnow',
  closeness: 'labels.mergeField.closeness',
  notes: 'labels.mergeField.notes',
  mutualConnections: 'labels.mergeField.mutualConnections',
});

/** `both` keeps the two texts one after the other (notes, how you know them). */
export type MergeChoice = 'kept' | 'other' | 'both';
export type MergeChoices = Partial<Record<MergeField, MergeChoice>>;

/** Fields where both texts can be kept. */
export const JOINABLE_FIELDS: ReadonlySet<MergeField> = new Set(['notes', 'howWeKnow']);

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (typeof v === 'object' && v !== null && 'count' in v && (v as { count: number }).count === 0);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields whose values differ between the two records (the ones the user chooses). */
export function differingFields(kept: Person, other: Person): MergeField[] {
  return MERGE_FIELDS.filter((f) => !same(kept[f], other[f]) && !(isEmpty(kept[f]) && isEmpty(other[f])));
}

const isHandKey = (url: string) => url.startsWith('urn:uuid:');

/** What the merge view starts with: a value over an empty one, a real profile link over a hand-made key, both notes. */
export function defaultChoices(kept: Person, other: Person): MergeChoices {
  const choices: MergeChoices = {};
  for (const f of differingFields(kept, other)) {
    if (f === 'profileUrl') choices[f] = isHandKey(kept.profileUrl) && !isHandKey(other.profileUrl) ? 'other' : 'kept';
    else if (JOINABLE_FIELDS.has(f) && !isEmpty(kept[f]) && !isEmpty(other[f])) choices[f] = 'both';
    else choices[f] = isEmpty(kept[f]) && !isEmpty(other[f]) ? 'other' : 'kept';
  }
  return choices;
}

/** The one record that results, before it is validated and written. Pure. */
export function mergedPerson(kept: Person, other: Person, choices: MergeChoices, now: number): Person {
  const pick = <F extends MergeField>(f: F): Person[F] => {
    const choice = choices[f] ?? 'kept';
    if (choice === 'other') return other[f];
    if (choice === 'both' && JOINABLE_FIELDS.has(f)) {
      const parts = [kept[f], other[f]].filter((v) => typeof v === 'string' && v.trim() !== '') as string[];
      return Array.from(new Set(parts)).join('\n\n') as Person[F];
    }
    return kept[f];
  };
  const from = (f: MergeField): Person => ((choices[f] ?? 'kept') === 'other' ? other : kept);

  const profileUrl = pick('profileUrl');
  const aliases = Array.from(new Set([...kept.aliases, ...other.aliases, kept.profileUrl, other.profileUrl]))
    .filter((u) => u !== profileUrl && !isHandKey(u))
    .slice(0, 20);

  const editedFields = EDITABLE_FIELDS.filter((f: EditableField) => from(f).editedFields.includes(f));
  const fieldSources = { ...kept.fieldSources };
  const fieldConfidence = { ...kept.fieldConfidence };
  // A capture's note on a value ("name cut at a word") follows the value.
  const fieldNotes = { ...kept.fieldNotes };
  for (const f of ['name', 'firstName', 'lastName', 'headline', 'role', 'company', 'location', 'photoUrl', 'degree', 'profileUrl', 'mutualConnections'] as const) {
    const source = from(f);
    if (source.fieldSources[f] !== undefined) fieldSources[f] = source.fieldSources[f];
    else delete fieldSources[f];
    if (source.fieldConfidence?.[f] !== undefined) fieldConfidence[f] = source.fieldConfidence[f];
    else delete fieldConfidence[f];
    if (source.fieldNotes?.[f] !== undefined) fieldNotes[f] = source.fieldNotes[f];
    else delete fieldNotes[f];
  }

  const ids = new Set([kept.id, other.id]);
  const mutualContactIds = Array.from(new Set([...kept.mutualContactIds, ...other.mutualContactIds])).filter((id) => !ids.has(id));
  const dismissedMutualIds = Array.from(new Set([...kept.dismissedMutualIds, ...other.dismissedMutualIds])).filter(
    (id) => !ids.has(id) && !mutualContactIds.includes(id),
  );
  // Tags: both records', once each (case and spacing ignored, the kept record's spelling first).
  const tagKeys = new Set<string>();
  const tags = [...kept.tags, ...other.tags]
    .filter((t) => {
      const key = t.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
      if (tagKeys.has(key)) return false;
      tagKeys.add(key);
      return true;
    })
    .slice(0, MAX_TAGS);
  const roleHistory = [...kept.roleHistory, ...other.roleHistory]
    .filter((h, i, all) => all.findIndex((x) => same(x, h)) === i)
    .sort((a, b) => b.until - a.until)
    .slice(0, ROLE_HISTORY_LIMIT);

  const person: Person = {
    ...kept,
    name: pick('name'),
    firstName: pick('firstName'),
    lastName: pick('lastName'),
    headline: pick('headline'),
    role: pick('role'),
    company: pick('company'),
    location: pick('location'),
    profileUrl,
    photoUrl: pick('photoUrl'),
    degree: pick('degree'),
    email: pick('email'),
    howWeKnow: pick('howWeKnow'),
    closeness: pick('closeness'),
    notes: pick('notes'),
    mutualConnections: pick('mutualConnections'),
    // The current positions go with the role the user kept, and agree with the role and company kept.
    positions: alignPositions({ role: pick('role'), company: pick('company'), positions: from('role').positions }, 'none'),
    source: from('profileUrl').source,
    aliases,
    editedFields,
    fieldSources,
    fieldConfidence,
    roleHistory,
    tags,
    knowsPersonally: kept.knowsPersonally || other.knowsPersonally,
    mutualContactIds,
    dismissedMutualIds,
    createdAt: Math.min(kept.createdAt, other.createdAt),
    capturedAt: Math.max(kept.capturedAt, other.capturedAt),
    updatedAt: now,
    deletedAt: null,
  };
  delete person.mergedInto;
  if (Object.keys(fieldConfidence).length === 0) delete person.fieldConfidence;
  if (Object.keys(fieldNotes).length > 0) person.fieldNotes = fieldNotes;
  else delete person.fieldNotes;
  return person;
}

/** A reference from another row to a person, as a merge moved it (and Undo moves it back). */
export interface MovedReference {
  table: string;
  id: string;
  field: string;
  /** The value before the merge, and the one it wrote. */
  before: string | string[];
  after: string | string[];
  /** The merge removed the row instead (both ends of a pair became the kept person). */
  removed?: boolean;
}

/** What a merge changed, kept so the merge can be undone. */
export interface MergeRecord {
  id: string;
  at: number;
  keptId: string;
  otherId: string;
  /** Both records as they were, and the kept record as the merge wrote it. */
  keptBefore: Person;
  otherBefore: Person;
  keptAfter: Person;
  moved: MovedReference[];
  undoneAt: number | null;
  /** When the record last changed (made, or undone): every synced row has one. */
  updatedAt: number;
}

const personRow = z.looseObject({ id: z.uuid(), name: z.string(), profileUrl: z.string() });

/** A merge record as stored and backed up (the person snapshots are checked for shape; they were valid people when taken). */
export const mergeRecordSchema = z.object({
  id: z.uuid(),
  at: z.number().int().nonnegative(),
  keptId: z.uuid(),
  otherId: z.uuid(),
  keptBefore: personRow,
  otherBefore: personRow,
  keptAfter: personRow,
  moved: z
    .array(
      z.object({
        table: z.string().max(64),
        id: z.string().max(200),
        field: z.string().max(64),
        before: z.union([z.string().max(200), z.array(z.string().max(200)).max(1000)]),
        after: z.union([z.string().max(200), z.array(z.string().max(200)).max(1000)]),
        removed: z.boolean().optional(),
      }),
    )
    .max(100_000),
  undoneAt: z.number().int().nonnegative().nullable(),
  updatedAt: z.number().int().nonnegative(),
});
