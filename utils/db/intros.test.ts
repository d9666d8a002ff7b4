import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCapture, makeTestDb } from '../../tests/helpers/db';
import { zonedTime, type WorkWeek } from '../domain/business-days';
import { dueBy, nextAction } from '../domain/follow-ups';
import type { IntrobookDB } from './app-db';
import { createRequest, listRequests, markSent, moveRequest, recordFollowUp, removeRequest, saveDraft, setDue, setMeetingTime, undoLastStep } from './intros';
import { savePersonCapture } from './people';

const week: WorkWeek = { timeZone: 'Europe/London', workingDays: [1, 2, 3, 4, 5] };
const local = (y: number, m: number, d: number, h: number, min = 0) => zonedTime({ year: y, month: m, day: d }, h, min, week.timeZone);
const names = { target: 'Ada', connector: 'Charles' };

let db: IntrobookDB;
let ada: string;
let charles: string;
beforeEach(async () => {
  db = makeTestDb(new IDBFactory());
  ada = (await savePersonCapture(db, makeCapture())).person.id;
  charles = (await savePersonCapture(db, makeCapture({ profileUrl: 'https://www.linkedin.com/in/charles/', name: 'Charles Babbage' }))).person.id;
});
afterEach(() => db.close());

describe('intro requests', () => {
  it('runs the whole double opt-in pipeline with its next actions and due dates', async () => {
    const monday10 = local(2026, 11, 23, 10);
    let r = await createRequest(db, { kind: 'intro', targetId: ada, connectorId: charles, message: 'Hi', blurb: 'About me' }, monday10 - 60_000);
    expect(nextAction(r, names, week)).toStrictEqual({ kind: 'send', label: 'Send your ask to Charles', dueAt: null });

    r = await markSent(db, r.id, 'copy', monday10);
    expect(r).toMatchObject({ status: 'asked', channel: 'copy' });
    expect(nextAction(r, names, week)).toStrictEqual({ kind: 'nudge', label: 'Nudge Charles', dueAt: local(2026, 11, 26, 9) }); // 3B: Thursday
    r = await recordFollowUp(db, r.id, local(2026, 11, 26, 9, 30));
    expect(nextAction(r, names, week)).toStrictEqual({ kind: 'last-follow-up', label: 'Last follow-up to Charles', dueAt: local(2026, 12, 2, 9) }); // 7B: Wednesday
    r = await recordFollowUp(db, r.id, local(2026, 12, 2, 10));
    // Then it stops.
    expect(nextAction(r, names, week)).toMatchObject({ kind: 'wait', dueAt: null });

    r = await moveRequest(db, r.id, 'agreed', 'He will ask her', local(2026, 12, 3, 8));
    r = await moveRequest(db, r.id, 'introduced', '', local(2026, 12, 4, 15));
    expect(nextAction(r, names, week)).toMatchObject({ kind: 'reply-intro', dueAt: local(2026, 12, 5, 15) }); // within a day
    r = await moveRequest(db, r.id, 'meeting-scheduled', '', local(2026, 12, 4, 16));
    r = await setMeetingTime(db, r.id, local(2026, 12, 9, 14), local(2026, 12, 4, 16));
    expect(nextAction(r, names, week)).toMatchObject({ kind: 'meet', dueAt: local(2026, 12, 9, 14) });
    r = await moveRequest(db, r.id, 'met', '', local(2026, 12, 9, 15));
    expect(nextAction(r, names, week)).toMatchObject({ kind: 'thank', dueAt: local(2026, 12, 10, 15) }); // within 24 h
    r = await moveRequest(db, r.id, 'thanked', '', local(2026, 12, 9, 18));
    expect(nextAction(r, names, week)).toMatchObject({ kind: 'report-back', label: 'Tell Charles how it went' });
    r = await moveRequest(db, r.id, 'closed-loop', '', local(2026, 12, 10, 9));
    expect(nextAction(r, names, week)).toBeNull();
    expect(r.history.map((h) => h.to)).toStrictEqual(['draft', 'asked', 'agreed', 'introduced', 'meeting-scheduled', 'met', 'thanked', 'closed-loop']);
  });

  it('refuses a move the pipeline does not allow and leaves the request as it was', async () => {
    const r = await createRequest(db, { kind: 'intro', targetId: ada, connectorId: charles });
    await expect(moveRequest(db, r.id, 'met')).rejects.toThrow('can’t go from “Draft” to “Met”');
    expect(await db.intros.get(r.id)).toStrictEqual(r);
  });

  it('lets the user correct a mistaken step', async () => {
    let r = await markSent(db, (await createRequest(db, { kind: 'intro', targetId: ada, connectorId: charles })).id, 'email', 1000);
    r = await moveRequest(db, r.id, 'declined', '', 2000);
    r = await undoLastStep(db, r.id, 3000);
    expect(r.status).toBe('asked');
  });

  it('uses the user’s own due date until the step changes', async () => {
    let r = await markSent(db, (await createRequest(db, { kind: 'intro', targetId: ada, connectorId: charles })).id, 'copy', local(2026, 11, 23, 10));
    r = await setDue(db, r.id, local(2026, 11, 30, 9));
    expect(nextAction(r, names, week)?.dueAt).toBe(local(2026, 11, 30, 9));
    r = await recordFollowUp(db, r.id, local(2026, 11, 30, 10));
    expect(nextAction(r, names, week)?.dueAt).toBe(local(2026, 12, 2, 9));
  });

  it('handles direct requests without the connector’s steps', async () => {
    let r = await createRequest(db, { kind: 'direct', targetId: ada, connectorId: charles });
    expect(r.connectorId).toBeNull();
    r = await markSent(db, r.id, 'linkedin', 1000);
    await expect(moveRequest(db, r.id, 'introduced')).rejects.toThrow();
    r = await moveRequest(db, r.id, 'agreed', '', 2000);
    expect(nextAction(r, { target: 'Ada', connector: null }, week)).toMatchObject({ kind: 'schedule' });
    r = await moveRequest(db, r.id, 'meeting-scheduled', '', 3000);
    r = await moveRequest(db, r.id, 'met', '', 4000);
    r = await moveRequest(db, r.id, 'thanked', '', 5000);
    expect(nextAction(r, { target: 'Ada', connector: null }, week)).toBeNull();
  });

  it('needs a connector for an intro, and a different one from the target', async () => {
    await expect(createRequest(db, { kind: 'intro', targetId: ada, connectorId: null })).rejects.toThrow('needs a connector');
    await expect(createRequest(db, { kind: 'intro', targetId: ada, connectorId: ada })).rejects.toThrow('must differ');
  });

  it('lists what is due by a time, soonest first, without removed requests', async () => {
    const a = await markSent(db, (await createRequest(db, { kind: 'intro', targetId: ada, connectorId: charles })).id, 'copy', local(2026, 11, 23, 10));
    const b = await markSent(db, (await createRequest(db, { kind: 'direct', targetId: charles, connectorId: null })).id, 'copy', local(2026, 11, 23, 15));
    const c = await markSent(db, (await createRequest(db, { kind: 'direct', targetId: ada, connectorId: null })).id, 'copy', local(2026, 11, 20, 10));
    await removeRequest(db, c.id);
    await saveDraft(db, b.id, { message: 'edited' });
    const all = await listRequests(db);
    expect(all.map((r) => r.id).sort()).toStrictEqual([a.id, b.id].sort());
    const due = dueBy(all, () => names, week, local(2026, 11, 27, 23));
    expect(due.map((d) => [d.requestId, d.label])).toStrictEqual([
      [a.id, 'Nudge Charles'],
      [b.id, 'Nudge Ada'],
    ]);
    expect(dueBy(all, () => names, week, local(2026, 11, 26, 8))).toStrictEqual([]);
  });
});
