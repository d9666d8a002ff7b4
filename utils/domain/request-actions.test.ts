import { describe, expect, it } from 'vitest';
import { zonedTime, type WorkWeek } from './business-days';
import { nextAction } from './follow-ups';
import {
  changeDue,
  changeStatus,
  describeEntry,
  lastUndoable,
  pendingMessageStep,
  recordMeetingChange,
  recordSend,
  undoLastEntry,
} from './request-actions';
import type { IntroRequest } from './schemas';

const week: WorkWeek = { timeZone: 'Europe/London', workingDays: [1, 2, 3, 4, 5] };
const local = (m: number, d: number, h: number, min = 0) => zonedTime({ year: 2026, month: m, day: d }, h, min, week.timeZone);
const names = { target: 'Ada Lovelace', connector: 'Charles Babbage' };

function draft(kind: IntroRequest['kind'] = 'intro'): IntroRequest {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    kind,
    targetId: '00000000-0000-4000-8000-000000000002',
    connectorId: kind === 'intro' ? '00000000-0000-4000-8000-000000000003' : null,
    status: 'draft',
    history: [{ from: null, to: 'draft', at: 1, note: '', correction: false, action: 'status' }],
    subject: '',
    message: '',
    blurb: '',
    templateId: null,
    channel: null,
    followUps: [],
    dueOverride: null,
    meetingAt: null,
    createdAt: 1,
    updatedAt: 1,
    deletedAt: null,
  };
}

const sent = (body: string) => ({ channel: 'copy' as const, to: 'Charles Babbage', subject: 'Intro?', body, blurb: '' });

describe('every action is one history entry, and Undo reverses exactly the last one', () => {
  it('undoing a nudge takes back the nudge only: still asked, the nudge due again', () => {
    let r = recordSend(draft(), 'ask', sent('Hi Charles'), local(11, 23, 10));
    const dueBefore = nextAction(r, names, week)!;
    expect(dueBefore).toMatchObject({ kind: 'nudge', dueAt: local(11, 26, 9) });
    r = recordSend(r, 'nudge', sent('Any news?'), local(11, 26, 9, 30));
    expect(r.history).toHaveLength(3);
    expect(nextAction(r, names, week)).toMatchObject({ kind: 'last-follow-up' });

    const last = lastUndoable(r)!;
    expect(describeEntry(last.entry, String)).toBe('Sent the nudge (copied to send yourself)');
    r = undoLastEntry(r, local(11, 26, 10)).request;
    expect(r.status).toBe('asked');
    expect(r.followUps).toStrictEqual([]);
    expect(nextAction(r, names, week)).toStrictEqual(dueBefore);
    // A later nudge is the nudge again, not the last follow-up.
    expect(pendingMessageStep(r)).toBe('nudge');
    // And the next undo takes back the ask.
    expect(describeEntry(lastUndoable(r)!.entry, String)).toBe('Asked Charles Babbage (copied to send yourself)');
    r = undoLastEntry(r, local(11, 26, 11)).request;
    expect(r).toMatchObject({ status: 'draft', channel: null });
    expect(lastUndoable(r)).toBeNull();
    expect(() => undoLastEntry(r, 0)).toThrow('nothing to undo');
  });

  it('a due-date change is an entry of its own, undone without touching the status', () => {
    let r = recordSend(draft(), 'ask', sent('Hi'), local(11, 23, 10));
    r = changeStatus(r, 'agreed', local(11, 24, 10));
    r = changeDue(r, local(11, 30, 9), local(11, 24, 11));
    expect(r.history.at(-1)).toMatchObject({ action: 'due', due: { from: null, to: local(11, 30, 9) } });
    expect(describeEntry(r.history.at(-1)!, () => 'Mon 30 Nov')).toBe('Due date set to Mon 30 Nov');
    r = undoLastEntry(r, local(11, 24, 12)).request;
    expect(r).toMatchObject({ status: 'agreed', dueOverride: null });
    r = undoLastEntry(r, local(11, 24, 13)).request;
    expect(r.status).toBe('asked');
    // Setting the same date again is no action at all.
    expect(changeDue(r, null, 5)).toBe(r);
  });

  it('an undo restores the user’s own due date that a status change cleared', () => {
    let r = recordSend(draft(), 'ask', sent('Hi'), local(11, 23, 10));
    r = changeDue(r, local(12, 1, 9), local(11, 23, 11));
    r = changeStatus(r, 'no-reply', local(11, 24, 9));
    expect(r.dueOverride).toBeNull();
    r = undoLastEntry(r, local(11, 24, 10)).request;
    expect(r).toMatchObject({ status: 'asked', dueOverride: local(12, 1, 9) });
  });

  it('an undone meeting change hands back the times to restore', () => {
    let r = changeStatus(recordSend(draft('direct'), 'ask', sent('Hi'), 10), 'agreed', 20);
    r = changeStatus(r, 'meeting-scheduled', 30, '', { id: '00000000-0000-4000-8000-0000000000aa', before: null });
    r = recordMeetingChange(r, '00000000-0000-4000-8000-0000000000aa', { startsAt: 100, durationMin: 20, link: '', channel: 'other' }, 40);
    const undone = undoLastEntry(r, 50);
    expect(undone.meeting).toStrictEqual({ id: '00000000-0000-4000-8000-0000000000aa', before: { startsAt: 100, durationMin: 20, link: '', channel: 'other' } });
    expect(undone.request.status).toBe('meeting-scheduled');
    // Undoing the scheduling itself cancels the meeting it created.
    expect(undoLastEntry(undone.request, 60).meeting).toStrictEqual({ id: '00000000-0000-4000-8000-0000000000aa', before: null });
  });

  it('reads histories written before every action was an entry (legacy status steps)', () => {
    const legacy: IntroRequest = {
      ...draft(),
      status: 'asked',
      followUps: [5],
      history: [
        { from: null, to: 'draft', at: 1, note: '', correction: false },
        { from: 'draft', to: 'asked', at: 2, note: 'Sent by copy', correction: false },
      ],
    };
    expect(describeEntry(legacy.history[1]!, String)).toBe('Asked');
    expect(undoLastEntry(legacy, 3).request).toMatchObject({ status: 'draft', followUps: [] });
  });
});

describe('the message each step calls for', () => {
  it('offers the thank-you at Met and the report back at Thanked, and records them like the ask', () => {
    let r = recordSend(draft(), 'ask', sent('Hi'), 10);
    for (const s of ['agreed', 'introduced'] as const) r = changeStatus(r, s, 20);
    expect(pendingMessageStep(r)).toBe('reply-intro');
    r = recordSend(r, 'reply-intro', { ...sent('Thank you Charles (to bcc)'), to: 'Ada Lovelace' }, 30);
    expect(r.status).toBe('introduced');
    expect(pendingMessageStep(r)).toBeNull();
    expect(nextAction(r, names, week)).toMatchObject({ kind: 'schedule', dueAt: null });
    r = changeStatus(changeStatus(r, 'meeting-scheduled', 40), 'met', 50);
    expect(pendingMessageStep(r)).toBe('thank-you');
    r = recordSend(r, 'thank-you', { ...sent('Thank you, Ada'), to: 'Ada Lovelace', channel: 'email' }, 60);
    expect(r.status).toBe('thanked');
    expect(r.history.at(-1)).toMatchObject({ action: 'send', message: { step: 'thank-you', channel: 'email', body: 'Thank you, Ada', to: 'Ada Lovelace' } });
    expect(pendingMessageStep(r)).toBe('report-back');
    r = recordSend(r, 'report-back', { ...sent('We spoke, and I will read the book'), channel: 'linkedin' }, 70);
    expect(r.status).toBe('closed-loop');
    expect(describeEntry(r.history.at(-1)!, String)).toBe('Reported back to Charles Babbage (by LinkedIn message)');
    expect(pendingMessageStep(r)).toBeNull();
  });

  it('refuses a message the request is not waiting for', () => {
    expect(() => recordSend(draft(), 'thank-you', sent('x'), 1)).toThrow('waiting for a different message');
    const direct = changeStatus(changeStatus(changeStatus(recordSend(draft('direct'), 'ask', sent('x'), 1), 'agreed', 2), 'meeting-scheduled', 3), 'met', 4);
    const thanked = recordSend(direct, 'thank-you', sent('x'), 5);
    // A direct ask has no connector to report back to.
    expect(pendingMessageStep(thanked)).toBeNull();
    expect(() => recordSend(thanked, 'report-back', sent('x'), 6)).toThrow();
  });
});
