import { describe, expect, it } from 'vitest';
import { localParts, weekday, zonedTime, type WorkWeek } from './business-days';
import { nextAction } from './follow-ups';
import type { IntroRequest } from './schemas';

const london: WorkWeek = { timeZone: 'Europe/London', workingDays: [1, 2, 3, 4, 5] };
const names = { target: 'Ada', connector: 'Charles' };

/** A request that entered `status` at `at` (history as a status walk). */
function at(status: IntroRequest['status'], when: number, kind: IntroRequest['kind'] = 'intro'): IntroRequest {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    kind,
    targetId: '00000000-0000-4000-8000-000000000002',
    connectorId: kind === 'intro' ? '00000000-0000-4000-8000-000000000003' : null,
    status,
    history: [
      { from: null, to: 'draft', at: when - 3, note: '', correction: false },
      { from: 'draft', to: 'asked', at: when - 2, note: '', correction: false },
      { from: 'asked', to: status, at: when, note: '', correction: false },
    ],
    subject: '',
    message: '',
    blurb: '',
    templateId: null,
    channel: 'copy',
    followUps: [],
    dueOverride: null,
    meetingAt: null,
    createdAt: 1,
    updatedAt: 1,
    deletedAt: null,
  };
}

const dayOf = (instant: number, tz: string) => {
  const p = localParts(instant, tz);
  return weekday({ year: p.year, month: p.month, day: p.day });
};

describe('every due date lands on a working day, in the user’s time zone', () => {
  it('an introduction made on a Friday is answered on Monday, not Saturday', () => {
    const friday = zonedTime({ year: 2026, month: 11, day: 27 }, 15, 0, london.timeZone);
    const due = nextAction(at('introduced', friday), names, london)!.dueAt!;
    expect(dayOf(due, london.timeZone)).toBe(1);
    expect(due).toBe(zonedTime({ year: 2026, month: 11, day: 30 }, 9, 0, london.timeZone));
  });

  it('a Thursday introduction is answered within a day, on Friday', () => {
    const thursday = zonedTime({ year: 2026, month: 11, day: 26 }, 15, 0, london.timeZone);
    expect(nextAction(at('introduced', thursday), names, london)!.dueAt).toBe(thursday + 24 * 3600_000);
  });

  it('the thank-you after a Friday afternoon meeting falls on Monday', () => {
    const meeting = { startsAt: zonedTime({ year: 2026, month: 11, day: 27 }, 16, 0, london.timeZone), durationMin: 30 };
    const due = nextAction(at('met', meeting.startsAt + 40 * 60_000), names, london, meeting)!.dueAt!;
    expect(due).toBe(zonedTime({ year: 2026, month: 11, day: 30 }, 9, 0, london.timeZone));
  });

  it('respects a Sunday–Thursday week in another zone', () => {
    const week: WorkWeek = { timeZone: 'Asia/Dubai', workingDays: [0, 1, 2, 3, 4] };
    const thursday = zonedTime({ year: 2026, month: 11, day: 26 }, 14, 0, week.timeZone);
    const due = nextAction(at('introduced', thursday), names, week)!.dueAt!;
    expect(dayOf(due, week.timeZone)).toBe(0); // Sunday, not Friday
    expect(localParts(due, week.timeZone).hour).toBe(9);
  });
});

describe('meetings', () => {
  const meeting = { startsAt: zonedTime({ year: 2026, month: 12, day: 9 }, 14, 0, london.timeZone), durationMin: 20 };

  it('"Meet …" falls due when the meeting starts', () => {
    expect(nextAction(at('meeting-scheduled', meeting.startsAt - 5 * 86400_000), names, london, meeting)).toMatchObject({
      kind: 'meet',
      dueAt: meeting.startsAt,
    });
  });

  it('the thank-you falls due 24 hours after the meeting ends', () => {
    const end = meeting.startsAt + 20 * 60_000;
    // Marked met late in the evening: still 24 h after the meeting's end.
    expect(nextAction(at('met', end + 6 * 3600_000), names, london, meeting)).toMatchObject({ kind: 'thank', dueAt: end + 24 * 3600_000 });
  });

  it('without a meeting time, the thank-you counts from when it was marked met', () => {
    const met = zonedTime({ year: 2026, month: 12, day: 9 }, 11, 0, london.timeZone);
    expect(nextAction(at('met', met), names, london)?.dueAt).toBe(met + 24 * 3600_000);
  });
});
