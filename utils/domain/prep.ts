/**
 * Preparing, holding and following up an informational interview (reference:
 * informational-interview-method.md §8–§10). One `MeetingNotes` row per
 * meeting holds the prep sheet, what the user noted during the call and what
 * they recorded afterwards. Pure: schemas, the question bank and defaults.
 */
import { z } from '../zod';
import { LIMITS } from './schemas';
import { labels, t, type PlainKey } from '../i18n';

const timestamp = z.number().int().nonnegative();
const note = z.string().max(LIMITS.notes);
const line = z.string().trim().min(1).max(LIMITS.headline);

/** Why the user wants to talk to this person (more than one may apply). */
export const PREP_REASONS = ['learn-field', 'culture', 'stay-current', 'role', 'other'] as const;
export type PrepReason = (typeof PREP_REASONS)[number];
export const PREP_REASON_LABELS: Record<PrepReason, string> = labels({
  'learn-field': 'labels.prepReason.learnField',
  culture: 'labels.prepReason.culture',
  'stay-current': 'labels.prepReason.stayCurrent',
  role: 'labels.prepReason.role',
  other: 'labels.prepReason.other',
});

/** TIARA: Trends, Insights, Advice, Resources, Assignments — plus the user's own questions. */
export const QUESTION_CATEGORIES = ['trends', 'insights', 'advice', 'resources', 'assignments', 'own'] as const;
export type QuestionCategory = (typeof QUESTION_CATEGORIES)[number];
export const QUESTION_CATEGORY_LABELS: Record<QuestionCategory, string> = labels({
  trends: 'labels.questionCategory.trends',
  insights: 'labels.questionCategory.insights',
  advice: 'labels.questionCategory.advice',
  resources: 'labels.questionCategory.resources',
  assignments: 'labels.questionCategory.assignments',
  own: 'labels.questionCategory.own',
});

export interface BankQuestion {
  id: string;
  category: Exclude<QuestionCategory, 'own'>;
  text: string;
}

/**
 * Introbook's own question bank, written for short advice conversations: about
 * them and their work, never a job request.
 */
/** A bank question whose text is read in the browser's language when shown. */
function bankQuestion(id: string, category: BankQuestion['category'], key: PlainKey): BankQuestion {
  return Object.defineProperty({ id, category } as BankQuestion, 'text', { enumerable: true, get: () => t(key) });
}

export const QUESTION_BANK: readonly BankQuestion[] = [
  bankQuestion('bank-trends-1', 'trends', 'questionBank.trends1'),
  bankQuestion('bank-trends-2', 'trends', 'questionBank.trends2'),
  bankQuestion('bank-trends-3', 'trends', 'questionBank.trends3'),
  bankQuestion('bank-insights-1', 'insights', 'questionBank.insights1'),
  bankQuestion('bank-insights-2', 'insights', 'questionBank.insights2'),
  bankQuestion('bank-insights-3', 'insights', 'questionBank.insights3'),
  bankQuestion('bank-advice-1', 'advice', 'questionBank.advice1'),
  bankQuestion('bank-advice-2', 'advice', 'questionBank.advice2'),
  bankQuestion('bank-advice-3', 'advice', 'questionBank.advice3'),
  bankQuestion('bank-resources-1', 'resources', 'questionBank.resources1'),
  bankQuestion('bank-resources-2', 'resources', 'questionBank.resources2'),
  bankQuestion('bank-resources-3', 'resources', 'questionBank.resources3'),
  bankQuestion('bank-assignments-1', 'assignments', 'questionBank.assignments1'),
  bankQuestion('bank-assignments-2', 'assignments', 'questionBank.assignments2'),
  bankQuestion('bank-assignments-3', 'assignments', 'questionBank.assignments3'),
];

/** A question picked for one meeting, in the order the user wants to ask them. */
export const pickedQuestionSchema = z.object({
  id: z.string().min(1).max(100),
  category: z.enum(QUESTION_CATEGORIES),
  text: line,
  /** Ticked off during the call. */
  done: z.boolean(),
});
export type PickedQuestion = z.infer<typeof pickedQuestionSchema>;

/** The four prepared answers (reference §8: the exact list in the book is unconfirmed; these four are the usual ones). */
export const ANSWER_KEYS = ['aboutMe', 'whyCompany', 'whyRole', 'whyIndustry'] as const;
export type AnswerKey = (typeof ANSWER_KEYS)[number];
export const ANSWER_LABELS: Record<AnswerKey, string> = labels({
  aboutMe: 'labels.answer.aboutMe',
  whyCompany: 'labels.answer.whyCompany',
  whyRole: 'labels.answer.whyRole',
  whyIndustry: 'labels.answer.whyIndustry',
});
/** Where each answer lives in Settings. */
export const ANSWER_SETTINGS = {
  aboutMe: 'answerAboutMe',
  whyCompany: 'answerWhyCompany',
  whyRole: 'answerWhyRole',
  whyIndustry: 'answerWhyIndustry',
} as const satisfies Record<AnswerKey, string>;

/** "Who else should I talk to?": a name offered during the call, later a saved person to follow up. */
export const suggestionSchema = z.object({
  id: z.uuid(),
  name: z.string().trim().min(1).max(LIMITS.name),
  note: z.string().max(LIMITS.headline),
  /** The saved person made from this suggestion, once the user saved them. */
  personId: z.uuid().nullable(),
  createdAt: timestamp,
});
export type Suggestion = z.infer<typeof suggestionSchema>;

export const adviceSchema = z.object({
  id: z.uuid(),
  text: line,
  /** When the user acted on it (then a reminder to tell the person falls due). */
  actedOnAt: timestamp.nullable(),
});
export type Advice = z.infer<typeof adviceSchema>;

/** A 1–5 scale; null until the user answers. */
const scale = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]).nullable();
export type Scale = 1 | 2 | 3 | 4 | 5;

/** Culture observations (reference §9, "observe and ask"), adapted to a video call. */
export const cultureSchema = z.object({
  /** Pace and noise: 1 quiet and unhurried … 5 busy and loud. */
  pace: scale,
  /** Formality: 1 loose … 5 regimented. */
  formality: scale,
  decisions: note,
  happy: z.enum(['yes', 'mixed', 'no']).nullable(),
  notes: note,
});
export type Culture = z.infer<typeof cultureSchema>;

export const meetingNotesSchema = z.object({
  /** The meeting's id: one row per meeting (two browsers writing one meeting's notes write one row). */
  id: z.uuid(),
  personId: z.uuid(),
  // --- before: the prep sheet
  why: z.array(z.enum(PREP_REASONS)).max(PREP_REASONS.length),
  whyNote: note,
  researchPerson: note,
  researchCompany: note,
  questions: z.array(pickedQuestionSchema).max(100),
  /** This meeting's own version of a prepared answer; absent: the one in Settings. */
  answers: z.partialRecord(z.enum(ANSWER_KEYS), note),
  /** This meeting's goals; null: the ones in Settings. */
  goals: note.nullable(),
  // --- during the call
  callNotes: note,
  suggestions: z.array(suggestionSchema).max(100),
  callStartedAt: timestamp.nullable(),
  callEndedAt: timestamp.nullable(),
  // --- afterwards
  conversationNotes: note,
  culture: cultureSchema,
  advice: z.array(adviceSchema).max(100),
  /** What the user will do with the advice (the thank-you cites it). */
  plan: note,
  /** When the user finished the after-call steps. */
  followedUpAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.nullable(),
});
export type MeetingNotes = z.infer<typeof meetingNotesSchema>;

export function blankCulture(): Culture {
  return { pace: null, formality: null, decisions: '', happy: null, notes: '' };
}

/** A fresh prep sheet for a meeting; research carries over from the person's previous one. */
export function blankMeetingNotes(meetingId: string, personId: string, now: number, previous?: MeetingNotes): MeetingNotes {
  return {
    id: meetingId,
    personId,
    why: previous ? [...previous.why] : [],
    whyNote: previous?.whyNote ?? '',
    researchPerson: previous?.researchPerson ?? '',
    researchCompany: previous?.researchCompany ?? '',
    questions: [],
    answers: {},
    goals: null,
    callNotes: '',
    suggestions: [],
    callStartedAt: null,
    callEndedAt: null,
    conversationNotes: '',
    culture: blankCulture(),
    advice: [],
    plan: '',
    followedUpAt: null,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
}

/** Move the question at `index` by `delta` places (reordering the picked list). Pure. */
export function moveQuestion(questions: readonly PickedQuestion[], index: number, delta: number): PickedQuestion[] {
  const to = index + delta;
  if (index < 0 || index >= questions.length || to < 0 || to >= questions.length) return [...questions];
  const next = [...questions];
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item!);
  return next;
}
