import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCapture, makeTestDb } from '@/tests/helpers/db';
import type { IntrobookDB } from './app-db';
import { dueUntil } from './due';
import { createRequest, markSent } from './intros';
import { addTask, setTaskDone } from './ledger';
import { removePerson, savePersonCapture } from './people';

let db: IntrobookDB;
beforeEach(() => {
  db = makeTestDb(new IDBFactory());
});
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

    expect((await dueUntil(db, week, MON + 86_400_000)).map((d) => d.label)).toStrictEqual(['Send Ada the article']);
    const byFriday = await dueUntil(db, week, Date.UTC(2026, 2, 6, 23, 0));
    expect(byFriday.map((d) => [d.kind, d.label])).toStrictEqual([
      ['task', 'Send Ada the article'],
      ['request', 'Nudge Ada Lovelace'],
    ]);
  });
});
