import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countReads, makeCapture, makeTestDb } from '@/tests/helpers/db';
import type { IntrobookDB } from './app-db';
import { dueFirst, dueUntil, nextDueAt } from './due';
import { createRequest, markSent, removeRequest } from './intros';
import { scheduleMeeting } from './meetings';
import { addTask, setTaskDone } from './ledger';
import { removePerson, savePersonCapture } from './people';

let db: IntrobookDB;
let reads: ReturnType<typeof countReads>;
beforeEach(() => {
  db = makeTestDb(new IDBFactory());
  reads = countReads(db);
});
const DAY = 86_400_000;
afterEach(() => db.close());

const week = { timeZone: 'UTC', workingDays: [1, 2, 3, 4, 5] };
const MON = Date.UTC(2026, 2, 2, 10, 0); // Monday 10:00

describe('what is due', () => {
  it('lists request steps and open tasks due by then, soonest first; done tasks and removed people drop out', async () => {
    const ada = (await savePersonCapture(db, makeCapture())).person;
    const grace = (await savePersonCapture(db, makeCapture({ profileUrl: 'https://www.linkedin.com/in/grace/', name: 'Grace Hopper' }))).person;
    const request = await createRequest(db, { kind: 'direct', targetId: ada.id, connectorId: null }, MON);
    await markSent(db, request.id, 'copy', MON); // nudge due Thursday (3 business days)
    await addTask(db, { personId: ada.id, kind: 'offer', text: 'Send Ada the article', dueAt: MON + 3_600_000 }, MON);
    const done = await addTask(db, { personId: ada.id, kind: 'other', text: 'Done already', dueAt: MON }, MON);
    await setTaskDone(db, done.id, true, MON);
    await addTask(db, { personId: grace.id, kind: 'other', text: 'About a removed person', dueAt: MON }, MON);
    await removePerson(db, grace.id, MON);

    expect((await dueUntil(db, week, MON + 86_400_000)).items.map((d) => d.label)).toStrictEqual(['Send Ada the article']);
    const byFriday = await dueUntil(db, week, Date.UTC(2026, 2, 6, 23, 0));
    expect(byFriday.items.map((d) => [d.kind, d.label])).toStrictEqual([
      ['task', 'Send Ada the article'],
      ['request', 'Nudge Ada Lovelace'],
    ]);
    expect(byFriday.total).toBe(2);
    expect(await nextDueAt(db, MON)).toBe(MON + 3_600_000);
    expect(await nextDueAt(db, MON + 3_600_000)).toBe((await db.intros.get(request.id))!.dueAt);
  });

  it('reads only the first rows of each due index, counts the rest', async () => {
    const ada = (await savePersonCapture(db, makeCapture())).person;
    for (let i = 0; i < 30; i++) await addTask(db, { personId: ada.id, kind: 'offer', text: `Offer ${i}`, dueAt: MON - i * 60_000 }, MON);
    for (let i = 0; i < 25; i++) await markSent(db, (await createRequest(db, { kind: 'direct', targetId: ada.id, connectorId: null }, MON - 30 * DAY)).id, 'copy', MON - (20 + i) * DAY);
    reads.reset();
    const due = await dueUntil(db, week, MON, 10);
    expect(due.items).toHaveLength(10);
    expect(due.total).toBe(55);
    // Longest overdue first: the requests asked earliest.
    expect(due.items[0]).toMatchObject({ kind: 'request' });
    expect(reads.rows.intros ?? 0).toBeLessThanOrEqual(10);
    expect(reads.rows.tasks ?? 0).toBeLessThanOrEqual(10);
  });

  it('the first rows come without an index count: the total only when every due row was read', async () => {
    const ada = (await savePersonCapture(db, makeCapture())).person;
    for (let i = 0; i < 12; i++) await addTask(db, { personId: ada.id, kind: 'offer', text: `Offer ${i}`, dueAt: MON - i * 60_000 }, MON);
    await markSent(db, (await createRequest(db, { kind: 'direct', targetId: ada.id, connectorId: null }, MON - 30 * DAY)).id, 'copy', MON - 20 * DAY);
    reads.reset();
    // More tasks due than read: the list, no total, and nothing counted.
    const first = await dueFirst(db, week, MON, 10);
    expect(first.items).toHaveLength(10);
    expect(first.items[0]).toMatchObject({ kind: 'request' });
    expect(first.total).toBeNull();
    expect(reads.counts).toStrictEqual({});
    expect((await dueUntil(db, week, MON, 10)).total).toBe(13);
    // Every due row read: the total without a count.
    reads.reset();
    const all = await dueFirst(db, week, MON, 20);
    expect(all).toMatchObject({ total: 13 });
    expect(all.items).toHaveLength(13);
    expect(reads.counts).toStrictEqual({});
  });

  it('leaves out a thank-you or report-back task when the meeting came from a live request (its own step says it)', async () => {
    const ada = (await savePersonCapture(db, makeCapture())).person;
    const request = await createRequest(db, { kind: 'direct', targetId: ada.id, connectorId: null }, MON);
    const fromRequest = await scheduleMeeting(db, { personId: ada.id, requestId: request.id, startsAt: MON - DAY }, MON);
    const onItsOwn = await scheduleMeeting(db, { personId: ada.id, startsAt: MON - DAY }, MON);
    await addTask(db, { personId: ada.id, meetingId: fromRequest.id, kind: 'thank-you', text: 'Thank Ada (tracked)', dueAt: MON - 1 }, MON);
    await addTask(db, { personId: ada.id, meetingId: fromRequest.id, kind: 'connect', text: 'Connect with Ada', dueAt: MON - 2 }, MON);
    await addTask(db, { personId: ada.id, meetingId: onItsOwn.id, kind: 'thank-you', text: 'Thank Ada (no request)', dueAt: MON - 3 }, MON);
    const labels = async () => (await dueUntil(db, week, MON)).items.map((d) => d.label);
    expect(await labels()).toStrictEqual(['Thank Ada (no request)', 'Connect with Ada']);
    expect((await dueUntil(db, week, MON)).total).toBe(2);
    // The request is deleted: the task is the only reminder left.
    await removeRequest(db, request.id, MON);
    expect(await labels()).toStrictEqual(['Thank Ada (no request)', 'Connect with Ada', 'Thank Ada (tracked)']);
  });
});
