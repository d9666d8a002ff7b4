/**
 * The introduction-request pipeline as a state machine (reference:
 * informational-interview-method.md §2, double opt-in). An intro request goes
 * through a connector; a direct request asks the person themselves and skips
 * the connector's steps. Every change is a timestamped history entry; a
 * mistaken step can be undone. Pure.
 */

import { STATUS_VALUES } from './limits';
import type { HistoryEntryRow } from './schemas';
import { labels, t } from '../i18n';
import { UserError } from '../core/user-error';

export const STATUSES = STATUS_VALUES;
export type IntroStatus = (typeof STATUSES)[number];
export type RequestKind = 'intro' | 'direct';

export const STATUS_LABELS: Record<IntroStatus, string> = labels({
  draft: 'labels.status.draft',
  asked: 'labels.status.asked',
  agreed: 'labels.status.agreed',
  declined: 'labels.status.declined',
  'no-reply': 'labels.status.noReply',
  introduced: 'labels.status.introduced',
  'meeting-scheduled': 'labels.status.meetingScheduled',
  met: 'labels.status.met',
  thanked: 'labels.status.thanked',
  'closed-loop': 'labels.status.closedLoop',
  withdrawn: 'labels.status.withdrawn',
});

/**
 * Allowed moves. "agreed" means the connector agreed to ask the target (intro)
 * or the person agreed to talk (direct). A late reply can still follow "no reply".
 */
const TRANSITIONS: Record<RequestKind, Record<IntroStatus, readonly IntroStatus[]>> = {
  intro: {
    draft: ['asked', 'withdrawn'],
    asked: ['agreed', 'declined', 'no-reply', 'introduced', 'withdrawn'],
    'no-reply': ['agreed', 'declined', 'introduced', 'withdrawn'],
    agreed: ['introduced', 'declined', 'withdrawn'],
    introduced: ['meeting-scheduled', 'withdrawn'],
    'meeting-scheduled': ['met', 'withdrawn'],
    met: ['thanked'],
    thanked: ['closed-loop'],
    'closed-loop': [],
    declined: [],
    withdrawn: [],
  },
  direct: {
    draft: ['asked', 'withdrawn'],
    asked: ['agreed', 'declined', 'no-reply', 'meeting-scheduled', 'withdrawn'],
    'no-reply': ['agreed', 'declined', 'meeting-scheduled', 'withdrawn'],
    agreed: ['meeting-scheduled', 'withdrawn'],
    introduced: [],
    'meeting-scheduled': ['met', 'withdrawn'],
    met: ['thanked'],
    thanked: [],
    'closed-loop': [],
    declined: [],
    withdrawn: [],
  },
};

/** One history entry: a status change, a send, a due-date or meeting change, or an undo. */
export type HistoryEntry = HistoryEntryRow;

export interface StatusTrack {
  kind: RequestKind;
  status: IntroStatus;
  history: HistoryEntry[];
}

export function allowedNext(kind: RequestKind, status: IntroStatus): readonly IntroStatus[] {
  return TRANSITIONS[kind][status];
}

export function canMove(kind: RequestKind, from: IntroStatus, to: IntroStatus): boolean {
  return allowedNext(kind, from).includes(to);
}

/** Statuses in which a request is still open (something is left to do or wait for). */
export function isOpen(track: Pick<StatusTrack, 'kind' | 'status'>): boolean {
  return allowedNext(track.kind, track.status).some((s) => s !== 'withdrawn');
}

export class TransitionError extends UserError {}

/** Move to `to`, recording when and why. Throws on a move the pipeline does not allow. */
export function transition<T extends StatusTrack>(track: T, to: IntroStatus, at: number, note = ''): T {
  if (!canMove(track.kind, track.status, to)) {
    throw new TransitionError(t('transitions.cantMove', { from: STATUS_LABELS[track.status], to: STATUS_LABELS[to] }));
  }
  return {
    ...track,
    status: to,
    history: [...track.history, { from: track.status, to, at, note, correction: false }],
  };
}

/**
 * Undo the last step (the user clicked the wrong one): back to the status
 * before it, recorded as a correction so the history stays truthful.
 */
export function undoLast<T extends StatusTrack>(track: T, at: number, note = t('transitions.correctedAMistakenStep')): T {
  const steps = effectiveSteps(track.history);
  const last = steps[steps.length - 1];
  if (!last || last.from === null) throw new TransitionError(t('transitions.noStepToUndo'));
  return {
    ...track,
    status: last.from,
    history: [...track.history, { from: track.status, to: last.from, at, note, correction: true }],
  };
}

/** The history without undone steps and their corrections: what really happened, in order. */
export function effectiveSteps(history: readonly HistoryEntry[]): HistoryEntry[] {
  return effectiveIndices(history).map((i) => history[i]!);
}

/** Indices of the entries that stand (not undone, not corrections), oldest first. */
export function effectiveIndices(history: readonly HistoryEntry[]): number[] {
  const steps: number[] = [];
  history.forEach((entry, i) => {
    if (entry.correction) steps.pop();
    else steps.push(i);
  });
  return steps;
}

/** When the request entered `status` for the last time (ignoring undone steps and entries that kept the status). */
export function enteredAt(history: readonly HistoryEntry[], status: IntroStatus): number | null {
  const steps = effectiveSteps(history);
  for (let i = steps.length - 1; i >= 0; i--) if (steps[i]!.to === status && steps[i]!.from !== status) return steps[i]!.at;
  return null;
}
