import { describe, expect, it } from 'vitest';
import {
  allowedNext,
  canMove,
  effectiveSteps,
  enteredAt,
  isOpen,
  STATUSES,
  transition,
  TransitionError,
  undoLast,
  type IntroStatus,
  type RequestKind,
  type StatusTrack,
} from './intro-status';

const ALLOWED: Record<RequestKind, [IntroStatus, IntroStatus[]][]> = {
  intro: [
    ['draft', ['asked', 'withdrawn']],
    ['asked', ['agreed', 'declined', 'no-reply', 'introduced', 'withdrawn']],
    ['no-reply', ['agreed', 'declined', 'introduced', 'withdrawn']],
    ['agreed', ['introduced', 'declined', 'withdrawn']],
    ['introduced', ['meeting-scheduled', 'withdrawn']],
    ['meeting-scheduled', ['met', 'withdrawn']],
    ['met', ['thanked']],
    ['thanked', ['closed-loop']],
    ['closed-loop', []],
    ['declined', []],
    ['withdrawn', []],
  ],
  direct: [
    ['draft', ['asked', 'withdrawn']],
    ['asked', ['agreed', 'declined', 'no-reply', 'meeting-scheduled', 'withdrawn']],
    ['no-reply', ['agreed', 'declined', 'meeting-scheduled', 'withdrawn']],
    ['agreed', ['meeting-scheduled', 'withdrawn']],
    ['introduced', []],
    ['meeting-scheduled', ['met', 'withdrawn']],
    ['met', ['thanked']],
    ['thanked', []],
    ['closed-loop', []],
    ['declined', []],
    ['withdrawn', []],
  ],
};

/** Statuses with something left to do or wait for (a finished one may only be withdrawn, or nothing). */
const OPEN: Record<RequestKind, IntroStatus[]> = {
  intro: ['draft', 'asked', 'no-reply', 'agreed', 'introduced', 'meeting-scheduled', 'met', 'thanked'],
  direct: ['draft', 'asked', 'no-reply', 'agreed', 'meeting-scheduled', 'met'],
};

const track = (kind: RequestKind, status: IntroStatus): StatusTrack => ({ kind, status, history: [] });

describe('intro request state machine', () => {
  for (const kind of ['intro', 'direct'] as const) {
    describe(kind, () => {
      const table = ALLOWED[kind];
      it('lists every status once', () => {
        expect(table.map(([s]) => s).sort()).toStrictEqual([...STATUSES].sort());
      });
      // Every (from, to) pair: allowed ones move and record history, all others throw.
      for (const [from, allowed] of table) {
        for (const to of STATUSES) {
          const ok = allowed.includes(to);
          it(`${from} → ${to}: ${ok ? 'allowed' : 'forbidden'}`, () => {
            expect(canMove(kind, from, to)).toBe(ok);
            if (ok) {
              const moved = transition(track(kind, from), to, 1000, 'why');
              expect(moved.status).toBe(to);
              expect(moved.history).toStrictEqual([{ from, to, at: 1000, note: 'why', correction: false }]);
            } else {
              expect(() => transition(track(kind, from), to, 1000)).toThrow(TransitionError);
            }
          });
        }
        it(`${from} is ${OPEN[kind].includes(from) ? 'open' : 'finished'}`, () => {
          expect(isOpen(track(kind, from))).toBe(OPEN[kind].includes(from));
          expect(allowedNext(kind, from)).toStrictEqual(allowed);
        });
      }
    });
  }

  it('undoes a mistaken step as a recorded correction', () => {
    let t = track('intro', 'draft');
    t = transition(t, 'asked', 1);
    t = transition(t, 'declined', 2); // oops: it was "agreed"
    t = undoLast(t, 3);
    expect(t.status).toBe('asked');
    t = transition(t, 'agreed', 4);
    expect(t.history.map((h) => [h.from, h.to, h.correction])).toStrictEqual([
      ['draft', 'asked', false],
      ['asked', 'declined', false],
      ['declined', 'asked', true],
      ['asked', 'agreed', false],
    ]);
    expect(effectiveSteps(t.history).map((h) => h.to)).toStrictEqual(['asked', 'agreed']);
    expect(enteredAt(t.history, 'asked')).toBe(1);
    expect(enteredAt(t.history, 'declined')).toBeNull();
  });

  it('undoes several steps in turn, and refuses when nothing is left', () => {
    let t = transition(transition(track('direct', 'draft'), 'asked', 1), 'agreed', 2);
    t = undoLast(undoLast(t, 3), 4);
    expect(t.status).toBe('draft');
    expect(() => undoLast(t, 5)).toThrow(TransitionError);
  });
});
