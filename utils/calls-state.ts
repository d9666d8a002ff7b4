/**
 * The live calls the background tracks, one per tab, in session storage (it
 * survives the service worker stopping, not the browser closing; content
 * scripts can't read it). The background writes; the side panel watches.
 */
import { sessionItem } from './session-item';
import type { MatchCandidate, MatchReason } from './meeting/match';
import type { CallSite, CallState } from './meeting/types';
import type { IntroStatus } from './domain/intro-status';

export interface FrameReport {
  state: CallState;
  title: string | null;
  code: string | null;
  link: string | null;
  participants: string[];
  self: string | null;
  at: number;
}

export interface LiveCall {
  tabId: number;
  windowId: number | null;
  site: CallSite;
  state: CallState;
  title: string | null;
  code: string | null;
  /** The call's identity ("meet:abc-defg-hij"), see utils/meeting/call-key.ts. */
  key: string | null;
  link: string | null;
  participants: string[];
  self: string | null;
  /** When the user got into the call (in call), and when it ended. */
  startedAt: number | null;
  endedAt: number | null;
  /** The page went away during the call (closed, reloaded): ended unless it comes back soon. */
  goneAt: number | null;
  updatedAt: number;
  /** Who the call is with, once known, and the meeting its notes belong to. */
  match: { personId: string; name: string; meetingId: string; how: MatchReason } | null;
  /** Likely people when unsure. */
  candidates: MatchCandidate[];
  /** The request moved to "met" when the call ended (for Undo). */
  movedRequest: { requestId: string; from: IntroStatus } | null;
  /** A "prep notes are ready" notification was shown for this call. */
  notified: boolean;
  /** Per frame (Zoom and Teams draw the call in an iframe): the latest report. */
  frames: Record<string, FrameReport>;
}

export type LiveCalls = Record<string, LiveCall>;

export const liveCallsItem = sessionItem<LiveCalls>('liveCalls', {});

/** How long an ended call stays on offer for its after-call steps. */
export const ENDED_CALL_KEPT_MS = 12 * 60 * 60 * 1000;

/**
 * The call the side panel should show: the one in its window's active tab if
 * any, else the most recent call under way, else the most recent one that
 * ended and still waits for its after-call steps.
 */
export function callToShow(calls: LiveCalls, activeTabId: number | null, now: number): LiveCall | null {
  // An ended call is worth showing only if the user was in it, and not for ever.
  const list = Object.values(calls).filter(
    (c) => c.state !== 'idle' && !(c.state === 'ended' && (c.startedAt === null || (c.endedAt ?? c.updatedAt) < now - ENDED_CALL_KEPT_MS)),
  );
  const active = activeTabId === null ? undefined : list.find((c) => c.tabId === activeTabId);
  if (active) return active;
  const recent = (state: (c: LiveCall) => boolean) => list.filter(state).sort((a, b) => b.updatedAt - a.updatedAt)[0] ?? null;
  return recent((c) => c.state === 'in-call') ?? recent((c) => c.state === 'lobby') ?? recent((c) => c.state === 'ended');
}
