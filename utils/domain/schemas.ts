import { z } from '../zod';
import { CAPTURED_FIELDS, CONFIDENCE_LEVELS, DEGREES, FIELD_ORIGINS, LIMITS, SOURCES, STATUS_VALUES, type CapturedField } from './limits';
import { hasVisibleText, stripInvisible } from '../core/text';
import { labels } from '../i18n';

// The constants live in a zod-free module the content script can import (issue #11).
export { CAPTURED_FIELDS, CONFIDENCE_LEVELS, DEGREES, FIELD_ORIGINS, LIMITS, SOURCES, type CapturedField };

/** Scraped or typed text: invisible characters dropped, and something visible must be left. */
const text = (max: number) =>
  z.string().overwrite(stripInvisible).trim().min(1).max(max).refine(hasVisibleText, 'must contain visible text');

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

export const degreeSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type Degree = z.infer<typeof degreeSchema>;

export const mutualConnectionsSchema = z.object({
  /** Total mutual connections the page states (named + "N others"). */
  count: z.number().int().min(0).max(LIMITS.mutualCount),
  /** The names the page shows, in page order. */
  names: z.array(text(LIMITS.name)).max(LIMITS.mutualNames),
});
export type MutualConnections = z.infer<typeof mutualConnectionsSchema>;

export const sourceSchema = z.enum(SOURCES);
export type Source = z.infer<typeof sourceSchema>;

export const fieldOriginSchema = z.enum(FIELD_ORIGINS);
export type FieldOrigin = z.infer<typeof fieldOriginSchema>;

/**
 * How sure a capture is of one field: `high` for structured data naming this
 * page, links, labels and the user's own word; `low` for a guess from the page
 * layout, which the user is asked to check. See utils/domain/confidence.ts.
 */
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
  positions: z.array(positionSchema).max(LIMITS.positions),
  /** Other URLs for the same person (member-id, Sales Navigator, Recruiter links). */
  aliases: z.array(httpsUrl).max(LIMITS.aliases),
  /** Where each field came from. */
  fieldSources: z.partialRecord(z.enum(CAPTURED_FIELDS), fieldOriginSchema),
  /**
   * How sure the extractor is of each field, where it knows better than its
   * origin says (absent: derived from `fieldSources`, see confidenceOf()). On a
   * saved person, a field the user confirmed is `high`.
   */
  fieldConfidence: fieldConfidenceSchema.optional(),
  /**
   * What the extractor wants the user to know about a field, in plain words
   * (e.g. "The page shows a longer name; Introbook kept the first 500
   * characters."). Shown beside the field; never used as data.
   */
  fieldNotes: z.partialRecord(z.enum(CAPTURED_FIELDS), z.string().min(1).max(LIMITS.fieldNote)).optional(),
});
export type ProfileCapture = z.infer<typeof profileCaptureSchema>;

// manualCapture and EDITABLE_FIELDS live in the zod-free ./captures (extension pages' first paint imports them, issue #11).
import { EDITABLE_FIELDS, type EditableField } from './captures';
export { EDITABLE_FIELDS, manualCapture, type EditableField } from './captures';

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
export const CLOSENESS_LABELS: Record<Closeness, string> = labels({
  1: 'labels.closeness.n1',
  2: 'labels.closeness.n2',
  3: 'labels.closeness.n3',
});

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
  /** On a tombstone left by a merge: the record this person was merged into (see utils/db/merge.ts). */
  mergedInto: z.uuid().optional(),
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

export { STATUS_VALUES };
const statusSchema = z.enum(STATUS_VALUES);
const MEETING_CHANNEL_VALUES = ['meet', 'zoom', 'teams', 'phone', 'in-person', 'other'] as const;

export const CHANNELS = ['copy', 'email', 'linkedin'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The messages a request asks the user to write, in the order the loop needs them. */
export const MESSAGE_STEPS = ['ask', 'nudge', 'last-follow-up', 'reply-intro', 'thank-you', 'report-back'] as const;
export type MessageStep = (typeof MESSAGE_STEPS)[number];

/** Exactly what went out: kept with the history entry that recorded the send. */
export const sentMessageSchema = z.object({
  step: z.enum(MESSAGE_STEPS),
  channel: z.enum(CHANNELS),
  /** Who it went to, by name, as it was when sent. */
  to: z.string().max(LIMITS.name),
  subject: z.string().max(LIMITS.short * 2),
  body: z.string().max(LIMITS.notes),
  /** The forwardable blurb sent with an intro ask ('' otherwise). */
  blurb: z.string().max(LIMITS.notes),
});
export type SentMessage = z.infer<typeof sentMessageSchema>;

/**
 * What one history entry did. Absent on entries written before v7: those are
 * status changes. Every user action is exactly one entry, so Undo can reverse
 * exactly the last one.
 */
export const HISTORY_ACTIONS = ['status', 'send', 'due', 'meeting', 'undo'] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

/** A meeting's length in minutes: the one rule the store and every meeting form check. */
export const MEETING_LENGTH = { min: 5, max: 600 } as const;
export const meetingLengthSchema = z.number().int().min(MEETING_LENGTH.min).max(MEETING_LENGTH.max);

const meetingTimesSchema = z.object({
  startsAt: timestamp,
  durationMin: meetingLengthSchema,
  link: z.string().max(LIMITS.url),
  channel: z.enum(MEETING_CHANNEL_VALUES),
});

export const historyEntrySchema = z.object({
  from: statusSchema.nullable(),
  to: statusSchema,
  at: timestamp,
  note: z.string().max(2000),
  /** True for an entry that undid the step before it. */
  correction: z.boolean(),
  action: z.enum(HISTORY_ACTIONS).optional(),
  /** A send: the exact text, channel and recipient (absent when sent another way). */
  message: sentMessageSchema.optional(),
  /** A due-date change: the user's date before and after (null: the schedule's). */
  due: z.object({ from: timestamp.nullable(), to: timestamp.nullable() }).optional(),
  /** The meeting this entry created (`before` null) or changed (its times before). */
  meeting: z.object({ id: z.uuid(), before: meetingTimesSchema.nullable() }).optional(),
  /** The request's fields as they were before this entry, so Undo restores them exactly. */
  before: z
    .object({
      followUps: z.array(timestamp).max(10),
      dueOverride: timestamp.nullable(),
      channel: z.enum(CHANNELS).nullable(),
    })
    .optional(),
  /** On a correction: the index of the entry it undid. */
  undoes: z.number().int().nonnegative().optional(),
});
export type HistoryEntryRow = z.infer<typeof historyEntrySchema>;

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

export const MEETING_CHANNELS = MEETING_CHANNEL_VALUES;
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
  durationMin: meetingLengthSchema,
  channel: z.enum(MEETING_CHANNELS),
  /** The call link (Meet, Zoom, Teams), matched against the tab in a call. */
  link: z.union([httpsUrl, z.literal('')]),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.nullable(),
});
export type Meeting = z.infer<typeof meetingSchema>;

export const TEMPLATE_KIND_VALUES = [
  'intro-ask',
  'blurb',
  'direct-ask',
  'nudge',
  'last-follow-up',
  'reply-intro',
  'thanks-target',
  'thanks-connector',
] as const;

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
  /** The user closed the side panel's first-run prompt for the settings templates need. */
  setupDismissed: z.boolean(),
  /** The four prepared answers (prep sheets start from them; each meeting may edit its own copy). */
  answerAboutMe: z.string().max(LIMITS.notes).default(''),
  answerWhyCompany: z.string().max(LIMITS.notes).default(''),
  answerWhyRole: z.string().max(LIMITS.notes).default(''),
  answerWhyIndustry: z.string().max(LIMITS.notes).default(''),
  /** What the user wants from informational interviews in general (prep sheets start from it). */
  meetingGoals: z.string().max(LIMITS.notes).default(''),
  /** The user's current role ("data analyst at Acme"): templates use it as {{me.role}}. */
  currentRole: z.string().max(LIMITS.headline).default(''),
  /** Reminders: notifications when a follow-up comes due (the badge always counts). */
  remindersEnabled: z.boolean().default(true),
  /** Quiet hours on: no notifications between quietHoursStart and quietHoursEnd. */
  quietHoursEnabled: z.boolean().default(false),
  /** No notifications between these local times ("HH:MM", in the user's time zone); equal times mean no quiet hours. */
  quietHoursStart: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).default('21:00'),
  quietHoursEnd: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).default('08:00'),
});
export type Settings = z.infer<typeof settingsSchema>;
