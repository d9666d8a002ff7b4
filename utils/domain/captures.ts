/**
 * Small, pure helpers about captures that the popup's first paint needs, without zod: the
 * extension pages draw their first view from the background's answers (utils/remote/, issue #11)
 * and must not bundle a schema library to do so. utils/domain/schemas.ts and utils/db/people.ts
 * re-export them, so other modules keep importing from there.
 */
import { nameKey } from '../core/text';
import type { FieldOrigin, Person, ProfileCapture } from './schemas';

/** Capture fields a user may correct by hand; a re-capture never overwrites an edited one. */
export const EDITABLE_FIELDS = [
  'name',
  'firstName',
  'lastName',
  'headline',
  'role',
  'company',
  'location',
] as const satisfies readonly (keyof ProfileCapture)[];
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** A capture of someone typed in by hand: only a key and a name, everything else unknown. */
export function manualCapture(profileUrl: string, name: string, nameOrigin: FieldOrigin): ProfileCapture {
  return {
    profileUrl,
    name,
    firstName: null,
    lastName: null,
    headline: null,
    role: null,
    company: null,
    location: null,
    photoUrl: null,
    degree: null,
    mutualConnections: { count: 0, names: [] },
    source: 'manual',
    positions: [],
    aliases: [],
    fieldSources: name ? { profileUrl: 'url', name: nameOrigin } : { profileUrl: 'url' },
  };
}

export interface FieldChange {
  field: EditableField;
  stored: string | null;
  captured: string | null;
  /** The user edited this field: the page's value waits for their OK. */
  edited: boolean;
}

/** Two spellings of one name (case, accents, spacing and punctuation aside): not a rename. */
export function sameName(a: string, b: string): boolean {
  const ka = nameKey(a);
  const kb = nameKey(b);
  return ka === '' && kb === '' ? a.trim() === b.trim() : ka === kb;
}

/** What a capture would change in a stored person, field by field (for the popup's review). Pure. */
export function diffCapture(person: Person, capture: ProfileCapture): FieldChange[] {
  return EDITABLE_FIELDS.flatMap((field) => {
    const captured = capture[field];
    if (captured === null || captured === person[field]) return [];
    return [{ field, stored: person[field], captured, edited: person.editedFields.includes(field) }];
  });
}
