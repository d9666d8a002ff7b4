/**
 * Preparing, holding and following up an informational interview (reference:
 * informational-interview-method.md §8–§10). One `MeetingNotes` row per
 * meeting holds the prep sheet, what the user noted during the call and what
 * they recorded afterwards. Pure: schemas, the question bank and defaults.
 */
import { z } from '../zod';
import { LIMITS } from './schemas';
import { labels } from '../i18n';

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
export const QUESTION_BANK: readonly BankQuestion[] = [
  { id: 'bank-trends-1', category: 'trends', text: 'What is changing fastest in your part of the field right now?' },
  { id: 'bank-trends-2', category: 'trends', text: 'Which shift do you think people outside the field underestimate?' },
  { id: 'bank-trends-3', category: 'trends', text: 'How has your team’s work changed over the last two years?' },
  { id: 'bank-insights-1', category: 'insights', text: 'What surprised you most when you started in this role?' },
  { id: 'bank-insights-2', category: 'insights', text: 'What does a good week look like for you, and a hard one?' },
  { id: 'bank-insights-3', category: 'insights', text: 'What do people who do well here have in common?' },
  { id: 'bank-advice-1', category: 'advice', text: 'If you were in my position, what would you focus on over the next six months?' },
  { id: 'bank-advice-2', category: 'advice', text: 'What do you wish someone had told you before you moved into this work?' },
  { id: 'bank-advice-3', category: 'advice', text: 'Which of my experiences would you lead with when talking to people in your field?' },
  { id: 'bank-resources-1', category: 'resources', text: 'Who else would you suggest I talk to, and may I mention your name?' },
  { id: 'bank-resources-2', category: 'resources', text: 'Which newsletters, communities or events do you actually find useful?' },
  { id: 'bank-resources-3', category: 'resources', text: 'Is there a book, course or project that helped you most?' },
  { id: 'bank-assignments-1', category: 'assignments', text: 'Which problems is your team most focused on this year?' },
  { id: 'bank-assignments-2', category: 'assignments', text: 'What kind of project would show you someone understands your work?' },
  { id: 'bank-assignments-3', category: 'assignments', text: 'What is a challenge you are working through right now?' },
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
