/**
 * What to do next on a request, and by when (reference §7 and §10): after
 * asking, a nudge at 3 business days and a last follow-up at 7, then stop;
 * reply to an introduction within a day; thank within 24 hours of the
 * meeting's end; tell the connector how it went within two business days.
 * Every due date lands on one of the user's working days, in their time zone.
 * Pure.
 */
import { atWorkingTime, businessDaysAfter, type WorkWeek } from './business-days';
import { enteredAt } from './intro-status';
import { hasReplied } from './request-actions';
import type { IntroRequest, Meeting } from './schemas';
import { t } from '../i18n';

/** The meeting a request led to, as far as due dates care. */
export type MeetingTime = Pick<Meeting, 'startsAt' | 'durationMin'>;

const DAY = 24 * 60 * 60 * 1000;
/** Business days after asking at which each follow-up falls due (3B7). */
export const FOLLOW_UP_DAYS = [3, 7] as const;

export type ActionKind = 'send' | 'nudge' | 'last-follow-up' | 'wait' | 'schedule' | 'reply-intro' | 'meet' | 'thank' | 'report-back';

export interface NextAction {
  kind: ActionKind;
  label: string;
  /** Null when nothing is due by a date (waiting on someone, or a draft). */
  dueAt: number | null;
}

export interface Names {
  target: string;
  connector: string | null;
}

/** The next step for an open request, or null for a finished one. */
export function nextAction(request: IntroRequest, names: Names, week: WorkWeek, meeting?: MeetingTime | null): NextAction | null {
  const action = plannedAction(request, names, week, meeting ?? null);
  if (!action) return null;
  return request.dueOverride !== null ? { ...action, dueAt: request.dueOverride } : action;
}

function plannedAction(request: IntroRequest, names: Names, week: WorkWeek, meeting: MeetingTime | null): NextAction | null {
  const askee = request.kind === 'intro' ? (names.connector ?? t('dbErrors.yourConnector')) : names.target;
  const since = (status: IntroRequest['status']) => enteredAt(request.history, status);
  switch (request.status) {
    case 'draft':
      return { kind: 'send', label: t('nextStep.send', { name: askee }), dueAt: null };
    case 'asked': {
      const askedAt = since('asked');
      const sent = request.followUps.length;
      if (askedAt === null || sent >= FOLLOW_UP_DAYS.length) {
        return { kind: 'wait', label: t('nextStep.waitOrNoReply', { name: askee }), dueAt: null };
      }
      return {
        kind: sent === 0 ? 'nudge' : 'last-follow-up',
        label: sent === 0 ? t('nextStep.nudge', { name: askee }) : t('nextStep.lastFollowUp', { name: askee }),
        dueAt: businessDaysAfter(askedAt, FOLLOW_UP_DAYS[sent]!, week),
      };
    }
    case 'no-reply':
      return { kind: 'wait', label: request.kind === 'intro' ? t('nextStep.tryAnotherConnector') : t('nextStep.moveOn'), dueAt: null };
    case 'agreed':
      return request.kind === 'intro'
        ? { kind: 'wait', label: t('nextStep.waitForIntro', { connector: askee, name: names.target }), dueAt: null }
        : { kind: 'schedule', label: t('nextStep.offerTimes', { name: names.target }), dueAt: null };
    case 'introduced': {
      if (hasReplied(request)) return { kind: 'schedule', label: t('nextStep.agreeTime', { name: names.target }), dueAt: null };
      const at = since('introduced');
      return {
        kind: 'reply-intro',
        label: t('nextStep.replyToIntro', { name: names.target }),
        dueAt: at === null ? null : atWorkingTime(at + DAY, week),
      };
    }
    case 'meeting-scheduled':
      return { kind: 'meet', label: t('nextStep.meet', { name: names.target }), dueAt: meeting?.startsAt ?? request.meetingAt };
    case 'met': {
      // 24 hours after the meeting ends (or after it was marked met, for a meeting with no time).
      const end = meeting ? meeting.startsAt + meeting.durationMin * 60_000 : (since('met') ?? null);
      return { kind: 'thank', label: t('nextStep.thank', { name: names.target }), dueAt: end === null ? null : atWorkingTime(end + DAY, week) };
    }
    case 'thanked': {
      if (request.kind !== 'intro') return null;
      const at = since('thanked');
      return { kind: 'report-back', label: t('nextStep.reportBack', { name: askee }), dueAt: at === null ? null : businessDaysAfter(at, 2, week) };
    }
    case 'declined':
    case 'closed-loop':
    case 'withdrawn':
      return null;
  }
}

export interface DueItem {
  requestId: string;
  label: string;
  dueAt: number;
}

/** Requests whose next step is due by `until`, soonest first. */
export function dueBy(
  requests: readonly IntroRequest[],
  namesOf: (request: IntroRequest) => Names,
  week: WorkWeek,
  until: number,
  meetingOf: (request: IntroRequest) => MeetingTime | null | undefined = () => null,
): DueItem[] {
  const due: DueItem[] = [];
  for (const request of requests) {
    if (request.deletedAt !== null) continue;
    const action = nextAction(request, namesOf(request), week, meetingOf(request));
    if (action?.dueAt != null && action.dueAt <= until) due.push({ requestId: request.id, label: action.label, dueAt: action.dueAt });
  }
  return due.sort((a, b) => a.dueAt - b.dueAt);
}
