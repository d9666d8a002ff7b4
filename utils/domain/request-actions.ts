/**
 * Everything a user does to an intro request, as pure functions from one
 * request to the next. Each action appends exactly one history entry that
 * records what it changed (`before`), so Undo reverses exactly the last entry
 * and nothing else — a nudge, a send, a due-date change or a status change.
 */
import { allowedNext, canMove, effectiveIndices, STATUS_LABELS, TransitionError, type HistoryEntry, type IntroStatus } from './intro-status';
import type { Channel, IntroRequest, Meeting, MessageStep, SentMessage } from './schemas';
import { labels, t } from '../i18n';

type Before = NonNullable<HistoryEntry['before']>;
type MeetingTimes = Pick<Meeting, 'startsAt' | 'durationMin' | 'link' | 'channel'>;

function snapshot(r: IntroRequest): Before {
  return { followUps: [...r.followUps], dueOverride: r.dueOverride, channel: r.channel };
}

function append(r: IntroRequest, entry: Omit<HistoryEntry, 'correction' | 'before'>): IntroRequest {
  return { ...r, history: [...r.history, { ...entry, correction: false, before: snapshot(r) }] };
}

/** A status change the pipeline allows (the user's own step; the due date goes back to the schedule). */
export function changeStatus(
  r: IntroRequest,
  to: IntroStatus,
  at: number,
  note = '',
  meeting?: { id: string; before: MeetingTimes | null },
): IntroRequest {
  if (!canMove(r.kind, r.status, to)) {
    throw new TransitionError(t('transitions.cantMove', { from: STATUS_LABELS[r.status], to: STATUS_LABELS[to] }));
  }
  const next = append(r, { from: r.status, to, at, note, action: 'status', ...(meeting ? { meeting } : {}) });
  return { ...next, status: to, dueOverride: null };
}

/** The message step a request is waiting for the user to write, if any. Pure. */
export function pendingMessageStep(r: Pick<IntroRequest, 'kind' | 'status' | 'followUps' | 'history'>): MessageStep | null {
  switch (r.status) {
    case 'draft':
      return 'ask';
    case 'asked':
      return r.followUps.length === 0 ? 'nudge' : r.followUps.length === 1 ? 'last-follow-up' : null;
    case 'introduced':
      return hasReplied(r) ? null : 'reply-intro';
    case 'met':
      return 'thank-you';
    case 'thanked':
      return r.kind === 'intro' ? 'report-back' : null;
    default:
      return null;
  }
}

/** The user answered the introduction since it was made. */
export function hasReplied(r: Pick<IntroRequest, 'history'>): boolean {
  const steps = effectiveIndices(r.history).map((i) => r.history[i]!);
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i]!;
    if (step.action === 'send' && step.message?.step === 'reply-intro') return true;
    if (step.action === 'send' && !step.message && step.from === 'introduced' && step.to === 'introduced') return true;
    if (step.to === 'introduced' && step.from !== 'introduced') return false;
  }
  return false;
}

/** The status a message step moves the request to. */
const STEP_STATUS: Record<MessageStep, IntroStatus | null> = {
  ask: 'asked',
  nudge: null,
  'last-follow-up': null,
  'reply-intro': null,
  'thank-you': 'thanked',
  'report-back': 'closed-loop',
};

/**
 * The user sent the message this step calls for: by copy, email or LinkedIn
 * (with the exact text), or another way (`message` null). Records it as one
 * entry; the ask moves a draft to "asked", a nudge counts a follow-up, a
 * thank-you and a report-back move the request on.
 */
export function recordSend(r: IntroRequest, step: MessageStep, message: Omit<SentMessage, 'step'> | null, at: number, note = ''): IntroRequest {
  const expected = pendingMessageStep(r);
  if (expected !== step) {
    throw new TransitionError(
      expected ? t('transitions.waitingForOtherMessage', { step: STEP_LABELS[expected] }) : t('transitions.noMessageToSend', { status: STATUS_LABELS[r.status] }),
    );
  }
  const to = STEP_STATUS[step];
  if (to && !canMove(r.kind, r.status, to)) throw new TransitionError(t('transitions.cantMove', { from: STATUS_LABELS[r.status], to: STATUS_LABELS[to] }));
  const sent = message ? { ...message, step } : undefined;
  const next = append(r, { from: r.status, to: to ?? r.status, at, note, action: 'send', ...(sent ? { message: sent } : {}) });
  return {
    ...next,
    status: to ?? r.status,
    channel: step === 'ask' ? (message?.channel ?? r.channel) : r.channel,
    followUps: step === 'nudge' || step === 'last-follow-up' ? [...r.followUps, at] : r.followUps,
    dueOverride: null,
  };
}

/** The user's own date for the next step (null: back to the schedule). */
export function changeDue(r: IntroRequest, dueAt: number | null, at: number): IntroRequest {
  if (dueAt === r.dueOverride) return r;
  const next = append(r, { from: r.status, to: r.status, at, note: '', action: 'due', due: { from: r.dueOverride, to: dueAt } });
  return { ...next, dueOverride: dueAt };
}

/** The meeting the request led to was moved: recorded so Undo can move it back. */
export function recordMeetingChange(r: IntroRequest, meetingId: string, before: MeetingTimes, at: number): IntroRequest {
  return append(r, { from: r.status, to: r.status, at, note: '', action: 'meeting', meeting: { id: meetingId, before } });
}

export interface Undone {
  request: IntroRequest;
  /** The entry that was reversed. */
  entry: HistoryEntry;
  /** A meeting to put back: cancel it (`before` null: this entry created it) or restore its times. */
  meeting?: { id: string; before: MeetingTimes | null };
}

/** The last entry that Undo would reverse, or null when there is nothing to undo (only the creation). */
export function lastUndoable(r: Pick<IntroRequest, 'history'>): { entry: HistoryEntry; index: number } | null {
  const indices = effectiveIndices(r.history);
  const index = indices[indices.length - 1];
  if (index === undefined) return null;
  const entry = r.history[index]!;
  if (entry.from === null) return null;
  return { entry, index };
}

/**
 * Reverse exactly the last entry, recording the correction. Throws when there
 * is nothing to undo, or when `expected` (the index of the entry an Undo
 * button was offered for) is no longer the last one.
 */
export function undoLastEntry(r: IntroRequest, at: number, expected?: number): Undone {
  const last = lastUndoable(r);
  if (!last) throw new TransitionError(t('transitions.nothingToUndo'));
  if (expected !== undefined && last.index !== expected) {
    throw new TransitionError(t('transitions.changedSince'));
  }
  const { entry, index } = last;
  const status = (entry.from ?? r.status) as IntroStatus;
  // Entries written before v7 carry no `before`: they were status changes.
  const before: Before = entry.before ?? {
    followUps: status === 'draft' ? [] : r.followUps,
    dueOverride: null,
    channel: r.channel,
  };
  const request: IntroRequest = {
    ...r,
    status,
    followUps: before.followUps,
    dueOverride: before.dueOverride,
    channel: before.channel,
    history: [...r.history, { from: r.status, to: status, at, note: '', correction: true, action: 'undo', undoes: index }],
  };
  return { request, entry, ...(entry.meeting ? { meeting: entry.meeting } : {}) };
}

export const STEP_LABELS: Record<MessageStep, string> = labels({
  ask: 'labels.step.ask',
  nudge: 'labels.step.nudge',
  'last-follow-up': 'labels.step.lastFollowUp',
  'reply-intro': 'labels.step.replyIntro',
  'thank-you': 'labels.step.thankYou',
  'report-back': 'labels.step.reportBack',
});

export const CHANNEL_LABELS: Record<Channel, string> = labels({
  copy: 'labels.channel.copy',
  email: 'labels.channel.email',
  linkedin: 'labels.channel.linkedin',
});

/** What an entry did, in words, for the history list and the Undo button. */
export function describeEntry(entry: HistoryEntry, formatDate: (at: number) => string): string {
  switch (entry.action) {
    case 'send': {
      const step = entry.message?.step ?? sendStepOf(entry);
      const to = entry.message?.to;
      const what: Record<MessageStep, () => string> = {
        ask: () => (to ? t('history.askedName', { name: to }) : t('history.asked')),
        nudge: () => t('history.sentNudge'),
        'last-follow-up': () => t('history.sentLastFollowUp'),
        'reply-intro': () => t('history.repliedToIntroduction'),
        'thank-you': () => (to ? t('history.thankedName', { name: to }) : t('history.sentThankYou')),
        'report-back': () => (to ? t('history.reportedBackTo', { name: to }) : t('history.reportedBack')),
      };
      return entry.message
        ? t('history.sentBy', { what: what[step](), channel: CHANNEL_LABELS[entry.message.channel] })
        : t('history.sentAnotherWay', { what: what[step]() });
    }
    case 'due':
      return entry.due?.to == null ? t('history.dueBackToSchedule') : t('history.dueSetTo', { date: formatDate(entry.due.to) });
    case 'meeting':
      return t('history.meetingTimeChanged');
    case 'undo':
      return t('history.undidAStep');
    default:
      if (entry.from === null) return t('history.draftStarted');
      if (entry.correction) return t('history.correctedTo', { status: STATUS_LABELS[entry.to] });
      return STATUS_LABELS[entry.to];
  }
}

/** A send recorded without its text: which step it was, from the status it moved. */
function sendStepOf(entry: HistoryEntry): MessageStep {
  if (entry.from === 'draft') return 'ask';
  if (entry.to === 'thanked') return 'thank-you';
  if (entry.to === 'closed-loop') return 'report-back';
  if (entry.from === 'introduced') return 'reply-intro';
  const followUps = entry.before?.followUps.length ?? 0;
  return followUps === 0 ? 'nudge' : 'last-follow-up';
}

/** The statuses the user may move to by hand from here (the ask moves a draft: it is sent, not marked). */
export function manualMoves(r: Pick<IntroRequest, 'kind' | 'status'>): IntroStatus[] {
  return allowedNext(r.kind, r.status).filter((s) => !(r.status === 'draft' && s === 'asked'));
}
