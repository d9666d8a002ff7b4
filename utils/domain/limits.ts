/**
 * Constants without zod: the extractors (bundled into the LinkedIn content
 * script) and the popup's and side panel's first views import these, so they
 * never bundle a schema library (issue #11). utils/domain/schemas.ts builds its zod schemas from them
 * and re-exports them, so every other module keeps importing from there.
 */

/** Length caps keep a hostile or garbled page from filling the store. */
export const LIMITS = {
  /**
   * A person's display name. Generous on purpose: real names with credentials,
   * pronouns and emoji run long, and a name cut short is a wrong name. An
   * extractor that must cut one cuts at a word and says so (issue #7).
   */
  name: 500,
  headline: 500,
  short: 200,
  url: 2048,
  mutualNames: 50,
  mutualCount: 100_000,
  positions: 20,
  aliases: 20,
  notes: 20_000,
  /** A note an extractor attaches to a field (`fieldNotes`). */
  fieldNote: 300,
} as const;

/**
 * What an extractor says about a value it read, stored in `fieldNotes` as a
 * code; the views put it in the user's language (utils/field-notes.ts).
 */
export const FIELD_NOTE_CODES = {
  /** The name was longer than LIMITS.name and was cut at a word. */
  nameCut: 'name-cut',
} as const;

export const DEGREES = [1, 2, 3] as const;

/** Which extractor read the page (or the user, for a person typed in by hand). */
export const SOURCES = [
  'linkedin',
  'linkedin-sales-navigator',
  'linkedin-recruiter',
  'github',
  'schema-org',
  'h-card',
  'opengraph',
  'manual',
] as const;

/**
 * Where one field's value came from, most trustworthy first. Kept per field so
 * a wrong value can be traced to the signal that produced it.
 */
export const FIELD_ORIGINS = [
  'url',
  'json-ld',
  'embedded-data',
  'microdata',
  'h-card',
  'opengraph',
  'link',
  'aria',
  'data-attribute',
  'heading',
  'structure',
  'title',
  'class',
  'selection',
  'user',
] as const;

export const CAPTURED_FIELDS = [
  'profileUrl',
  'name',
  'firstName',
  'lastName',
  'headline',
  'role',
  'company',
  'location',
  'photoUrl',
  'degree',
  'mutualConnections',
] as const;
export type CapturedField = (typeof CAPTURED_FIELDS)[number];

export const CONFIDENCE_LEVELS = ['high', 'low'] as const;

/** An introduction request's steps (utils/domain/intro-status.ts says which may follow which). */
export const STATUS_VALUES = [
  'draft',
  'asked',
  'agreed',
  'declined',
  'no-reply',
  'introduced',
  'meeting-scheduled',
  'met',
  'thanked',
  'closed-loop',
  'withdrawn',
] as const;
