import { z } from '../zod';

/** Length caps keep a hostile or garbled page from filling the store. */
export const LIMITS = {
  name: 200,
  headline: 500,
  short: 200,
  url: 2048,
  mutualNames: 50,
  notes: 20_000,
} as const;

const text = (max: number) => z.string().trim().min(1).max(max);

export const httpsUrl = z
  .string()
  .max(LIMITS.url)
  .refine((value) => {
    try {
      return new URL(value).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an https URL');

export const DEGREES = [1, 2, 3] as const;
export const degreeSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type Degree = z.infer<typeof degreeSchema>;

export const mutualConnectionsSchema = z.object({
  /** Total mutual connections the page states (named + "N others"). */
  count: z.number().int().min(0).max(100_000),
  /** The names the page shows, in page order. */
  names: z.array(text(LIMITS.name)).max(LIMITS.mutualNames),
});
export type MutualConnections = z.infer<typeof mutualConnectionsSchema>;

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
export const sourceSchema = z.enum(SOURCES);
export type Source = z.infer<typeof sourceSchema>;

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
export const fieldOriginSchema = z.enum(FIELD_ORIGINS);
export type FieldOrigin = z.infer<typeof fieldOriginSchema>;

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

/**
 * How sure a capture is of one field: `high` for structured data naming this
 * page, links, labels and the user's own word; `low` for a guess from the page
 * layout, which the user is asked to check. See utils/domain/confidence.ts.
 */
export const CONFIDENCE_LEVELS = ['high', 'low'] as const;
export const fieldConfidenceSchema = z.partialRecord(z.enum(CAPTURED_FIELDS), z.enum(CONFIDENCE_LEVELS));
export type FieldConfidence = z.infer<typeof fieldConfidenceSchema>;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

export const positionSchema = z.object({
  title: text(LIMITS.short).nullable(),
  company: text(LIMITS.short).nullable(),
});
export type Position = z.infer<typeof positionSchema>;

/**
 * What an extractor read off a page. Everything here is scraped text: it is data,
 * rendered as text only, never as HTML.
 */
export const profileCaptureSchema = z.object({
  profileUrl: httpsUrl,
  name: text(LIMITS.name),
  firstName: text(LIMITS.name).nullable(),
  lastName: text(LIMITS.name).nullable(),
  headline: text(LIMITS.headline).nullable(),
  role: text(LIMITS.short).nullable(),
  company: text(LIMITS.short).nullable(),
  location: text(LIMITS.short).nullable(),
  photoUrl: httpsUrl.nullable(),
  degree: degreeSchema.nullable(),
  mutualConnections: mutualConnectionsSchema,
  source: sourceSchema,
  /** Every current position the page shows; `role`/`company` are the first. */
  positions: z.array(positionSchema).max(20),
  /** Other URLs for the same person (member-id, Sales Navigator, Recruiter links). */
  aliases: z.array(httpsUrl).max(20),
  /** Where each field came from. */
  fieldSources: z.partialRecord(z.enum(CAPTURED_FIELDS), fieldOriginSchema),
  /**
   * How sure the extractor is of each field, where it knows better than its
   * origin says (absent: derived from `fieldSources`, see confidenceOf()). On a
   * saved person, a field the user confirmed is `high`.
   */
  fieldConfidence: fieldConfidenceSchema.optional(),
});
export type ProfileCapture = z.infer<typeof profileCaptureSchema>;


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

const timestamp = z.number().int().nonnegative();

export const ROLE_HISTORY_LIMIT = 10;
export const roleHistoryEntrySchema = z.object({
  role: z.string().max(LIMITS.short).nullable(),
  company: z.string().max(LIMITS.short).nullable(),
  /** When Introbook saw that this role had ended (the capture that replaced it). */
  until: timestamp,
});
export type RoleHistoryEntry = z.infer<typeof roleHistoryEntrySchema>;

/**
 * A person's key: their canonical profile URL, or `urn:uuid:…` for someone the
 * user added by hand without a profile link.
 */
export const personKeySchema = z.union([httpsUrl, z.string().regex(/^urn:uuid:[0-9a-f-]{36}$/)]);

/** A tag: a short label the user gives people. */
export const MAX_TAGS = 30;
export const tagSchema = z.string().trim().min(1).max(40);

export const closenessSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type Closeness = z.infer<typeof closenessSchema>;
export const CLOSENESS_LABELS: Record<Closeness, string> = { 1: 'Acquaintance', 2: 'Know them well', 3: 'Close' };

export const personSchema = profileCaptureSchema.extend({
  profileUrl: personKeySchema,
  /** String UUID, so rows can sync later without id clashes. */
  id: z.uuid(),
  createdAt: timestamp,
  updatedAt: timestamp,
  /** When the page was last read (a save or re-save). */
  capturedAt: timestamp,
  /** Soft delete: a tombstone keeps sync possible. `null` while the person is live. */
  deletedAt: timestamp.nullable(),
  /** Fields the user edited by hand; captures leave them alone. */
  editedFields: z.array(z.enum(EDITABLE_FIELDS)),
  /** The user's own notes about this person. Captures never touch them. */
  notes: z.string().max(LIMITS.notes),
  /** Past roles, newest first, recorded when a capture brought a new role or company. */
  roleHistory: z.array(roleHistoryEntrySchema).max(ROLE_HISTORY_LIMIT),
  /** The user knows this person (besides a 1st-degree connection): they can introduce. */
  knowsPersonally: z.boolean(),
  /** How well the user knows them; ranks who to ask for an intro. */
  closeness: closenessSchema.nullable(),
  howWeKnow: z.string().max(LIMITS.headline),
  email: z.union([z.email().max(LIMITS.short), z.literal('')]),
  /** Saved contacts the user confirmed as this person's mutual connections. */
  mutualContactIds: z.array(z.uuid()).max(500),
  /** Name matches the user said are not the same person. */
  dismissedMutualIds: z.array(z.uuid()).max(500),
  /** The user's own labels ("mentor", "climate"); searchable and a filter in the side panel. */
  tags: z.array(tagSchema).max(MAX_TAGS).default(() => []),
});
export type Person = z.infer<typeof personSchema>;

/** What a newly saved person starts with in the fields only the user fills. */
export function blankUserFields() {
  return {
    editedFields: [] as EditableField[],
    notes: '',
    roleHistory: [] as RoleHistoryEntry[],
    knowsPersonally: false,
    closeness: null as Closeness | null,
    howWeKnow: '',
    email: '',
    mutualContactIds: [] as string[],
    dismissedMutualIds: [] as string[],
    tags: [] as string[],
  };
}

// --- Introduction requests, templates -------------------------------------------------

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
const statusSchema = z.enum(STATUS_VALUES);

export const historyEntrySchema = z.object({
  from: statusSchema.nullable(),
  to: statusSchema,
  at: timestamp,
  note: z.string().max(2000),
  correction: z.boolean(),
});

export const CHANNELS = ['copy', 'email', 'linkedin'] as const;

export const introRequestSchema = z.object({
  id: z.uuid(),
  /** Through a connector (double opt-in), or asking the person directly. */
  kind: z.enum(['intro', 'direct']),
  targetId: z.uuid(),
  connectorId: z.uuid().nullable(),
  status: statusSchema,
  history: z.array(historyEntrySchema).max(500),
  subject: z.string().max(LIMITS.short * 2),
  message: z.string().max(LIMITS.notes),
  /** The forwardable note about the user (intro requests). */
  blurb: z.string().max(LIMITS.notes),
  templateId: z.string().max(100).nullable(),
  channel: z.enum(CHANNELS).nullable(),
  /** When each follow-up (the 3B nudge, the 7B last one) was sent. */
  followUps: z.array(timestamp).max(10),
  /** The user's own due date for the current next step, cleared when the step changes. */
  dueOverride: timestamp.nullable(),
  meetingAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.nullable(),
});
export type IntroRequest = z.infer<typeof introRequestSchema>;

// --- Meetings ---------------------------------------------------------------------

export const MEETING_CHANNELS = ['meet', 'zoom', 'teams', 'phone', 'in-person', 'other'] as const;
export type MeetingChannel = (typeof MEETING_CHANNELS)[number];
/** An informational interview is short: 15–20 minutes unless the user says otherwise. */
export const DEFAULT_MEETING_MINUTES = 20;

/**
 * A meeting with a saved person, usually the one a request led to. Prep notes
 * and in-call notes hang off it; its end sets when the thank-you falls due.
 */
export const meetingSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  /** The request that led to it, if any. */
  requestId: z.uuid().nullable(),
  startsAt: timestamp,
  durationMin: z.number().int().min(5).max(600),
  channel: z.enum(MEETING_CHANNELS),
  /** The call link (Meet, Zoom, Teams), matched against the tab in a call. */
  link: z.union([httpsUrl, z.literal('')]),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.nullable(),
});
export type Meeting = z.infer<typeof meetingSchema>;

export const TEMPLATE_KIND_VALUES = ['intro-ask', 'blurb', 'direct-ask', 'nudge', 'thanks-connector', 'thanks-target'] as const;

export const templateSchema = z.object({
  id: z.string().min(1).max(100),
  kind: z.enum(TEMPLATE_KIND_VALUES),
  name: text(LIMITS.short),
  subject: z.string().max(LIMITS.short * 2),
  body: z.string().min(1).max(LIMITS.notes),
  builtIn: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.nullable(),
});
export type Template = z.infer<typeof templateSchema>;

export const settingsSchema = z.object({
  name: z.string().max(LIMITS.name),
  background: z.string().max(LIMITS.headline),
  goal: z.string().max(LIMITS.headline),
  resumeUrl: z.union([httpsUrl, z.literal('')]),
  timeZone: z.string().min(1).max(100),
  workingDays: z.array(z.number().int().min(0).max(6)).min(1).max(7),
  /** The four prepared answers (prep sheets start from them; each meeting may edit its own copy). */
  answerAboutMe: z.string().max(LIMITS.notes).default(''),
  answerWhyCompany: z.string().max(LIMITS.notes).default(''),
  answerWhyRole: z.string().max(LIMITS.notes).default(''),
  answerWhyIndustry: z.string().max(LIMITS.notes).default(''),
  /** What the user wants from informational interviews in general (prep sheets start from it). */
  meetingGoals: z.string().max(LIMITS.notes).default(''),
});
export type Settings = z.infer<typeof settingsSchema>;
