import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { countReads, makeCapture, makeTestDb } from '@/tests/helpers/db';
import { generatePeople, generateRequests } from '@/tests/bench/generate';
import { requestIndexFields } from '@/utils/db/app-db';
import type { IntrobookDB } from '@/utils/db/app-db';
import { createRequest, markSent, recordFollowUp } from '@/utils/db/intros';
import { savePersonCapture } from '@/utils/db/people';
import { addTask, setTaskDone } from '@/utils/db/ledger';
import { scheduleMeeting } from '@/utils/db/meetings';
import { zonedTime } from '@/utils/domain/business-days';
import { saveSettings, defaultSettings } from '@/utils/settings';
import { dueUntil } from '@/utils/db/due';
import { createReminders, NEXT_DUE_ALARM } from './reminders';

const tz = 'Europe/London';
const local = (m: number, d: number, h: number) => zonedTime({ year: 2026, month: m, day: d }, h, 0, tz);

let db: IntrobookDB;
let badge: string;
let notes: { id: string; message: string }[];
let cleared: string[];
beforeEach(async () => {
  cleared = [];
  db = makeTestDb(new IDBFactory());
  badge = '';
  notes = [];
  // fake-browser 1.x has no action badge or notifications: record what would show.
  Object.assign(fakeBrowser, {
    action: { setBadgeText: vi.fn(async ({ text }: { text: string }) => void (badge = text)), setBadgeBackgroundColor: vi.fn(async () => {}) },
    notifications: {
      create: vi.fn(async (id: string, o: { message: string }) => void notes.push({ id, message: o.message })),
      clear: vi.fn(async (id: string) => void cleared.push(id)),
    },
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

    // Done here, or in another browser (its change arrives by sync): the notification on screen goes too.
    await recordFollowUp(db, request.id, clock);
    expect(await reminders.refresh()).toBe(0);
    expect(badge).toBe('');
    expect(cleared).toStrictEqual([`introbook:${request.id}`]);
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


describe('reminders at scale', () => {
  /** `count` requests asked a week before `clock`, each through its own connector: all due at once. */
  async function seedDue(count: number, askedAt: number) {
    const people = generatePeople(count * 2, 11);
    await db.people.bulkPut(people);
    const week = { timeZone: tz, workingDays: [1, 2, 3, 4, 5] };
    const requests = generateRequests(people, count, 12).map((r, i) => {
      const asked = { ...r, targetId: people[i]!.id, connectorId: people[count + i]!.id, status: 'asked' as const, channel: 'copy' as const, createdAt: askedAt + i * 60_000, updatedAt: askedAt + i * 60_000 };
      asked.history = [{ from: 'draft', to: 'asked', at: askedAt + i * 60_000, note: '', correction: false }];
      return { ...asked, ...requestIndexFields(asked, week, null) };
    });
    await db.intros.bulkPut(requests);
    return requests;
  }

  it('sends one summary notification when many steps fall due at once, and never a step twice across recounts', async () => {
    const requests = await seedDue(520, local(11, 2, 10));
    const reminders = createReminders(db, async () => local(11, 26, 12));
    expect(await reminders.refresh()).toBe(520);
    // One summary for the lot, not 500 notifications (the badge counts them all).
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message).toMatch(/\d+ follow-ups are due/);

    // A few in the middle are handled; the 20 steps beyond the first pass come into view.
    for (const r of requests.slice(200, 230)) await db.intros.update(r.id, { deletedAt: local(11, 26, 11) });
    notes = [];
    await reminders.refresh();
    expect(notes).toHaveLength(1); // the 20 newly listed steps, together
    notes = [];
    await reminders.refresh();
    await reminders.refresh();
    expect(notes).toStrictEqual([]); // nothing is notified twice, however many were notified before
  });

  it('a recount reads only what is due: not every request waiting on a meeting', async () => {
    const reads = countReads(db);
    const people = generatePeople(400, 13);
    await db.people.bulkPut(people);
    const week = { timeZone: tz, workingDays: [1, 2, 3, 4, 5] };
    const met = generateRequests(people, 300, 14).map((r) => {
      const m = { ...r, status: 'met' as const, history: [{ from: null, to: 'met' as const, at: local(11, 20, 10), note: '', correction: false }] };
      return { ...m, ...requestIndexFields(m, week, null) };
    });
    await db.intros.bulkPut(met);
    const reminders = createReminders(db, async () => local(11, 20, 11));
    await reminders.refresh(); // the first pass checks every meeting-dated request once
    reads.reset();
    await reminders.refresh();
    expect(reads.rows.intros ?? 0).toBeLessThan(50);
    expect(reads.cursors.intros ?? 0).toBeLessThan(50);
  });

  it('keeps what an earlier version notified (its capped list) and drops steps no longer due', async () => {
    const [first, second] = await seedDue(2, local(11, 2, 10));
    const label = (await dueUntil(db, { timeZone: tz, workingDays: [1, 2, 3, 4, 5] }, local(11, 26, 12))).items.find((i) => i.kind === 'request' && i.requestId === first!.id)!;
    await db.meta.put({ id: 'notifiedReminders', value: [`${first!.id}:${label.label}:${label.dueAt}`], updatedAt: 0 });
    const reminders = createReminders(db, async () => local(11, 26, 12));
    await reminders.refresh();
    expect(notes.map((n) => n.id)).toStrictEqual([`introbook:${second!.id}`]);
    expect(await db.meta.get('notifiedReminders')).toBeUndefined();
    await db.intros.update(first!.id, { deletedAt: local(11, 26, 12) });
    await reminders.refresh();
    expect((await db.meta.where('id').startsWith('notified:').primaryKeys()).length).toBe(1);
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
