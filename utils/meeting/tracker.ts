/**
 * The call-state machine of one meeting page: idle → lobby → in call → ended
 * (a rejoin goes back to lobby or in call). A new state needs two agreeing
 * signals in one reading (see read.ts) and must still hold when the page is
 * read again a moment later, so a page half-way through re-rendering never
 * flips the state. When every in-call signal has gone without an "ended"
 * screen (the app moved on), the call counts as ended after a longer wait.
 * Pure: time comes in as an argument.
 */
import type { CallReading, CallState, SignalState } from './types';

export interface TrackerTiming {
  /** How long a new state must keep holding before it is taken. */
  confirmMs: number;
  /** How long a call's signals must stay gone before the call counts as ended. */
  lostMs: number;
}

export const DEFAULT_TIMING: TrackerTiming = { confirmMs: 800, lostMs: 5000 };

export interface Observation {
  /** The state changed with this reading. */
  changed: boolean;
  /** Read the page again in this many ms to confirm a pending change (null: nothing pending). */
  recheckInMs: number | null;
}

export class CallTracker {
  state: CallState = 'idle';
  private pending: { state: SignalState; since: number; needMs: number } | null = null;

  constructor(private readonly timing: TrackerTiming = DEFAULT_TIMING) {}

  observe(reading: CallReading, now: number): Observation {
    let target: SignalState | null = reading.state;
    let needMs = this.timing.confirmMs;
    if (target === null && this.state === 'in-call' && reading.evidence['in-call'].length === 0) {
      target = 'ended';
      needMs = this.timing.lostMs;
    }
    if (target === null || target === this.state) {
      this.pending = null;
      return { changed: false, recheckInMs: null };
    }
    if (this.pending?.state !== target) {
      this.pending = { state: target, since: now, needMs };
      return { changed: false, recheckInMs: needMs };
    }
    const waited = now - this.pending.since;
    if (waited < this.pending.needMs) return { changed: false, recheckInMs: this.pending.needMs - waited };
    this.state = target;
    this.pending = null;
    return { changed: true, recheckInMs: null };
  }
}
