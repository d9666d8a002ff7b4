/**
 * Following through and paying it forward (reference §10–§11): tasks with due
 * dates (connect, report back, tell them what you did with their advice,
 * promises you made), the favour ledger, and introductions the user could make
 * between two people they know. Pure: schemas and labels.
 */
import { z } from '../zod';
import { LIMITS } from './schemas';
import { labels, t } from '../i18n';

const timestamp = z.number().int().nonnegative();
const line = z.string().trim().min(1).max(LIMITS.headline);

export const TASK_KINDS = ['connect', 'report-back', 'advice-update', 'follow-up-suggested', 'offer', 'thank-you', 'other'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const TASK_KIND_LABELS: Record<TaskKind, string> = labels({
  connect: 'labels.taskKind.connect',
  'report-back': 'labels.taskKind.reportBack',
  'advice-update': 'labels.taskKind.adviceUpdate',
  'follow-up-suggested': 'labels.taskKind.followUpSuggested',
  offer: 'labels.taskKind.offer',
  'thank-you': 'labels.taskKind.thankYou',
  other: 'labels.taskKind.other',
});

/**
 * A dated to-do about one person. The store derives `openDueAt` (its due date
 * while open, utils/db/app-db.ts DERIVED_FIELDS), so the "due" index holds open
 * tasks only.
 */
export const taskSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  meetingId: z.uuid().nullable(),
  kind: z.enum(TASK_KINDS),
  text: line,
  dueAt: timestamp.nullable(),
  doneAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.nullable(),
});
export type Task = z.infer<typeof taskSchema>;

export const FAVOUR_DIRECTIONS = ['received', 'given'] as const;
export type FavourDirection = (typeof FAVOUR_DIRECTIONS)[number];

/** A favour between the user and one person: an intro, advice used, help offered. */
export const favourSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  direction: z.enum(FAVOUR_DIRECTIONS),
  text: line,
  at: timestamp,
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.nullable(),
});
export type Favour = z.infer<typeof favourSchema>;

/**
 * An introduction the user could make between two saved people (double opt-in:
 * ask the first whether they want it, then introduce both).
 */
export const INTRO_IDEA_STATUSES = ['idea', 'asked', 'introduced', 'declined', 'dismissed'] as const;
export type IntroIdeaStatus = (typeof INTRO_IDEA_STATUSES)[number];
export const INTRO_IDEA_LABELS: Record<IntroIdeaStatus, string> = labels({
  idea: 'labels.introIdea.idea',
  asked: 'labels.introIdea.asked',
  introduced: 'labels.introIdea.introduced',
  declined: 'labels.introIdea.declined',
  dismissed: 'labels.introIdea.dismissed',
});

export const introIdeaSchema = z
  .object({
    id: z.uuid(),
    /** The person the user asks first (who would benefit). */
    aId: z.uuid(),
    /** The person they would be introduced to. */
    bId: z.uuid(),
    reason: line,
    status: z.enum(INTRO_IDEA_STATUSES),
    createdAt: timestamp,
    updatedAt: timestamp,
    deletedAt: timestamp.nullable(),
  })
  .refine((idea) => idea.aId !== idea.bId, { error: () => t('dbErrors.introNeedsTwoPeople') });
export type IntroIdea = z.infer<typeof introIdeaSchema>;

/**
 * The user's answer to "who is this call with?", remembered per meeting link
 * or code: the id is the call's identity (utils/meeting/call-key.ts, e.g.
 * `meet:abc-defg-hij`), so every browser remembers one answer per link.
 */
export const callLinkSchema = z.object({
  id: z.string().min(3).max(300),
  personId: z.uuid(),
  meetingId: z.uuid().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.nullable(),
});
export type CallLink = z.infer<typeof callLinkSchema>;

/** Days after the call by which each follow-through step falls due (reference §10). */
export const FOLLOW_THROUGH = {
  /** Thank-you: within 24 hours. */
  thankHours: 24,
  /** Connect on LinkedIn: within 48 hours. */
  connectHours: 48,
  /** A suggested contact: reach out within about two weeks. */
  suggestedDays: 14,
  /** Tell them what you did with their advice: a month on, or soon after you act on it. */
  adviceDays: 30,
  adviceActedDays: 2,
} as const;
