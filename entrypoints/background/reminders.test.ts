import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeCapture, makeTestDb } from '@/tests/helpers/db';
import type { IntrobookDB } from '@/utils/db/app-db';
import { createRequest, markSent, recordFollowUp } from '@/utils/db/intros';
import { savePersonCapture } from '@/utils/db/people';
import { addTask, setTaskDone } from '@/utils/db/ledger';
import { scheduleMeeting } from '@/utils/db/meetings';
import { zonedTime } from '@/utils/domain/business-days';
import { saveSettings, defaultSettings } from '@/utils/settings';
import { createReminders, NEXT_DUE_ALARM } from './reminders';

const tz = 'Europe/London';
const local = (m: number, d: number, h: number) => zonedTime({ year: 2026, month: m, day: d }, h, 0, tz);

let db: IntrobookDB;
let badge: string;
let notes: { id: string; message: string }[];
beforeEach(async () => {
  db = makeTestDb(new IDBFactory());
  badge = '';
  notes = [];
  // fake-browser 1.x has no action badge or notifications: record what would show.
  Object.assign(fakeBrowser, {
    action: { setBadgeText: vi.fn(async ({ text }: { text: string }) => void (badge = text)), setBadgeBackgroundColor: vi.fn(async () => {}) },
    notifications: { create: vi.fn(async (id: string, o: { message: string }) => void notes.push({ id, message: o.message })) },
  });
  await saveSettings({ ...defaultSettings(), timeZone: tz });
});
afterEach(() => db.close());

describe('reminders', () => {
  it('shows the due count on the badge, notifies once per step, and wakes for the next one', async () => {
    const ada = (await savePersonCapture(db, makeCapture())).person;
    const charles = (await savePersonCapture(db, makeCapture({ profileUrl: 'https://www.linkedin.com/in/charles/', name: 'Charles Babbage' }))).person;
    const request = await markSent(db, (await createRequest(db, { kind: 'intro', targetId: ada.id, connectorId: charles.id })).id, 'copy', local(11, 23, 10));
    let clock = local(11, 25, 12); // Wednesday: the 3B nudge (Thursday 09:00) is not due yet
    const reminders = createReminders(db, async () => clock);

    expect(await reminders.refresh()).toBe(0);
    expect(badge).toBe('');
    const next = await fakeBrowser.alarms.get(NEXT_DUE_ALARM);
    expect(next?.scheduledTime).toBeGreaterThan(Date.now() + (local(11, 26, 9) - clock) - 5_000);

    clock = local(11, 26, 9); // Thursday 09:00
    expect(await reminders.refresh()).toBe(1);
    expect(badge).toBe('1');
    expect(notes).toStrictEqual([{ id: `introbook:${request.id}`, message: 'Nudge Charles Babbage' }]);
    await reminders.refresh();
    expect(notes).toHaveLength(1); // not again

    await recordFollowUp(db, request.id, clock);
    expect(await reminders.refresh()).toBe(0);
    expect(badge).toBe('');
    clock = local(12, 2, 9); // the 7B last follow-up
    expect(await reminders.refresh()).toBe(1);
    expect(notes.map((n) => n.message)).toStrictEqual(['Nudge Charles Babbage', 'Last follow-up to Charles Babbage']);
  });

  it('counts and notifies follow-through tasks too, once each, but not a thank-you a request already tracks', async () => {
    const ada = (await savePersonCapture(db, makeCapture())).person;
    const request = await createRequest(db, { kind: 'direct', targetId: ada.id, connectorId: null });
    const meeting = await scheduleMeeting(db, { personId: ada.id, requestId: request.id, startsAt: local(11, 23, 10) });
    const clock = local(11, 24, 9);
    await addTask(db, { personId: ada.id, meetingId: meeting.id, kind: 'connect', text: 'Connect with Ada on LinkedIn', dueAt: local(11, 24, 8) });
    await addTask(db, { personId: ada.id, meetingId: meeting.id, kind: 'thank-you', text: 'Send Ada a thank-you', dueAt: local(11, 24, 8) });
    const later = await addTask(db, { personId: ada.id, kind: 'offer', text: 'Send Ada the article', dueAt: local(11, 27, 15) });
    const reminders = createReminders(db, async () => clock);
    expect(await reminders.refresh()).toBe(1);
    expect(badge).toBe('1');
    expect(notes.map((n) => n.message)).toStrictEqual(['Connect with Ada on LinkedIn']);
    await reminders.refresh();
    expect(notes).toHaveLength(1);
    // The next alarm is the next task's due time (no request step is due before it).
    expect((await fakeBrowser.alarms.get(NEXT_DUE_ALARM))?.scheduledTime).toBeGreaterThan(Date.now() + (local(11, 27, 15) - clock) - 5_000);
    await setTaskDone(db, later.id, true);
    await reminders.refresh();
    expect(await fakeBrowser.alarms.get(NEXT_DUE_ALARM)).toBeUndefined();
  });
});


describe('reminders off and quiet hours', () => {
  it('count on the badge but hold notifications back until allowed', async () => {
    const ada = (await savePersonCapture(db, makeCapture())).person;
    const charles = (await savePersonCapture(db, makeCapture({ profileUrl: 'https://www.linkedin.com/in/charles/', name: 'Charles Babbage' }))).person;
    await markSent(db, (await createRequest(db, { kind: 'intro', targetId: ada.id, connectorId: charles.id })).id, 'copy', local(11, 23, 10));
    let clock = local(11, 26, 22); // Thursday 22:00, the nudge is due; quiet hours 21:00–08:00
    const reminders = createReminders(db, async () => clock);
    await saveSettings({ ...defaultSettings(), timeZone: tz, quietHoursEnabled: true, quietHoursStart: '21:00', quietHoursEnd: '08:00' }, db);
    expect(await reminders.refresh()).toBe(1);
    expect(badge).toBe('1');
    expect(notes).toStrictEqual([]);
    clock = local(11, 27, 7); // still quiet after midnight
    await reminders.refresh();
    expect(notes).toStrictEqual([]);
    await saveSettings({ ...defaultSettings(), timeZone: tz, remindersEnabled: false }, db);
    clock = local(11, 27, 9); // reminders off: the badge still counts
    expect(await reminders.refresh()).toBe(1);
    expect(notes).toStrictEqual([]);
    await saveSettings({ ...defaultSettings(), timeZone: tz, quietHoursEnabled: true, quietHoursStart: '21:00', quietHoursEnd: '08:00' }, db);
    await reminders.refresh();
    expect(notes.map((n) => n.message)).toStrictEqual(['Nudge Charles Babbage']);
  });
});
