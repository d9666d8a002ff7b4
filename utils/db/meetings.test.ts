import { afterEach, describe, expect, it } from 'vitest';
import { makeTestDb } from '../../tests/helpers/db';
import { makeCapture } from '../../tests/helpers/db';
import type { IntrobookDB } from './app-db';
import { createRequest, editMeeting, markSent, scheduleMeetingStep } from './intros';
import { savePersonCapture } from './people';
import {
  cancelMeeting,
  restoreMeeting,
  channelOfLink,
  getMeeting,
  meetingEndsAt,
  meetingForRequest,
  meetingsForPerson,
  scheduleMeeting,
  upcomingMeetings,
  updateMeeting,
} from './meetings';

const PRIYA = '9e0b7c2d-4a51-4c8e-8f3a-2b7d9e1c0f22';
const OMAR = '5b1c1f5e-2f7a-4f0e-9d3b-0c6a1f7f2a11';
const REQUEST = '3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a';
const HOUR = 3_600_000;

let db: IntrobookDB;
afterEach(() => db?.close());

describe('meetings', () => {
  it('schedules a 20-minute meeting by default and guesses the channel from the link', async () => {
    db = makeTestDb();
    const m = await scheduleMeeting(db, { personId: PRIYA, requestId: REQUEST, startsAt: 10 * HOUR, link: 'https://meet.google.com/abc-defg-hij' }, 5);
    expect(m).toMatchObject({ personId: PRIYA, requestId: REQUEST, durationMin: 20, channel: 'meet', createdAt: 5, deletedAt: null });
    expect(meetingEndsAt(m)).toBe(10 * HOUR + 20 * 60_000);
    expect(await meetingForRequest(db, REQUEST)).toStrictEqual(m);
  });

  it.each([
    ['https://meet.google.com/abc-defg-hij', 'meet'],
    ['https://app.zoom.us/wc/123/join', 'zoom'],
    ['https://acme.zoom.us/j/123', 'zoom'],
    ['https://teams.microsoft.com/l/meetup-join/x', 'teams'],
    ['https://teams.live.com/meet/123', 'teams'],
    ['https://zoom.us.evil.example/j/1', 'other'],
    ['not a url', 'other'],
  ] as const)('channelOfLink(%s) → %s', (link, channel) => {
    expect(channelOfLink(link)).toBe(channel);
  });

  it('refuses a link that is not https', async () => {
    db = makeTestDb();
    await expect(scheduleMeeting(db, { personId: PRIYA, startsAt: 0, link: 'javascript:alert(1)' })).rejects.toThrow();
    expect(await db.meetings.count()).toBe(0);
  });

  it('edits, cancels (soft) and lists per person, soonest first', async () => {
    db = makeTestDb();
    const later = await scheduleMeeting(db, { personId: PRIYA, startsAt: 50 * HOUR });
    const sooner = await scheduleMeeting(db, { personId: PRIYA, startsAt: 20 * HOUR });
    await scheduleMeeting(db, { personId: OMAR, startsAt: 30 * HOUR });
    expect((await meetingsForPerson(db, PRIYA)).map((m) => m.id)).toStrictEqual([sooner.id, later.id]);
    const moved = await updateMeeting(db, later.id, { durationMin: 45, channel: 'zoom' }, 99);
    expect(moved).toMatchObject({ durationMin: 45, channel: 'zoom', updatedAt: 99 });
    await cancelMeeting(db, sooner.id, 100);
    expect(await getMeeting(db, sooner.id)).toBeUndefined();
    expect((await db.meetings.get(sooner.id))?.deletedAt).toBe(100);
    expect((await meetingsForPerson(db, PRIYA)).map((m) => m.id)).toStrictEqual([later.id]);
    await expect(updateMeeting(db, sooner.id, { durationMin: 30 })).rejects.toThrow('no longer exists');
  });

  it('lists upcoming meetings, including one under way, and not ended or cancelled ones', async () => {
    db = makeTestDb();
    const now = 100 * HOUR;
    const ended = await scheduleMeeting(db, { personId: PRIYA, startsAt: now - 2 * HOUR });
    const underWay = await scheduleMeeting(db, { personId: PRIYA, startsAt: now - 10 * 60_000 });
    const next = await scheduleMeeting(db, { personId: OMAR, startsAt: now + HOUR });
    const cancelled = await scheduleMeeting(db, { personId: OMAR, startsAt: now + 2 * HOUR });
    await cancelMeeting(db, cancelled.id);
    const ids = (await upcomingMeetings(db, now)).map((m) => m.id);
    expect(ids).toStrictEqual([underWay.id, next.id]);
    expect(ids).not.toContain(ended.id);
  });

  it('a request’s stored due date follows its meeting, wherever the meeting is moved or cancelled', async () => {
    db = makeTestDb();
    const ada = (await savePersonCapture(db, makeCapture())).person;
    const request = await createRequest(db, { kind: 'direct', targetId: ada.id, connectorId: null });
    await markSent(db, request.id, 'copy');
    const { meeting } = await scheduleMeetingStep(db, request.id, { startsAt: Date.UTC(2030, 0, 8, 10) });
    expect((await db.intros.get(request.id))?.dueAt).toBe(Date.UTC(2030, 0, 8, 10));
    // From the prep sheet: a step of the request (history, undo), and the due date follows.
    await editMeeting(db, meeting.id, { startsAt: Date.UTC(2030, 0, 9, 15) });
    expect((await db.intros.get(request.id))?.dueAt).toBe(Date.UTC(2030, 0, 9, 15));
    expect((await db.intros.get(request.id))?.history.at(-1)).toMatchObject({ action: 'meeting' });
    // Written directly (any other writer): still followed.
    await updateMeeting(db, meeting.id, { startsAt: Date.UTC(2030, 0, 10, 9) });
    expect((await db.intros.get(request.id))?.dueAt).toBe(Date.UTC(2030, 0, 10, 9));
    await cancelMeeting(db, meeting.id);
    expect(await db.intros.get(request.id)).not.toHaveProperty('dueAt'); // "Meet …" has no date without a meeting
    // Undo in the notification: the meeting is back, and so is the due date.
    await restoreMeeting(db, meeting.id);
    expect(await getMeeting(db, meeting.id)).toMatchObject({ startsAt: Date.UTC(2030, 0, 10, 9) });
    expect((await db.intros.get(request.id))?.dueAt).toBe(Date.UTC(2030, 0, 10, 9));
  });

  it('editMeeting: a meeting with no live request is just updated', async () => {
    db = makeTestDb();
    const m = await scheduleMeeting(db, { personId: PRIYA, startsAt: 10 * HOUR });
    expect(await editMeeting(db, m.id, { durationMin: 45 })).toMatchObject({ id: m.id, durationMin: 45 });
  });
});

