import { fakeBrowser } from 'wxt/testing/fake-browser';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCapture, makeTestDb } from '../../tests/helpers/db';
import { countReads } from '../../tests/helpers/db';
import { zonedTime, type WorkWeek } from '../domain/business-days';
import { dueBy, nextAction } from '../domain/follow-ups';
import { defaultSettings, saveSettings } from '../settings';
import type { IntrobookDB, StoredRequest } from './app-db';
import { ensureDueIndex } from './due-index';
import {
  changeMeeting,
  countByStatus,
  createRequest,
  markSent,
  moveRequest,
  nextDueAfter,
  recordFollowUp,
  recordMessage,
  removeRequest,
  requestsDueBy,
  requestsInStatuses,
  restoreRequest,
  saveDraft,
  scheduleMeetingStep,
  setDue,
  undoLastStep,
  withPeople,
} from './intros';
import { removePerson, savePersonCapture } from './people';

const week: WorkWeek = { timeZone: 'Europe/London', workingDays: [1, 2, 3, 4, 5] };
const local = (y: number, m: number, d: number, h: number, min = 0) => zonedTime({ year: y, month: m, day: d }, h, min, week.timeZone);
const names = { target: 'Ada', connector: 'Charles' };

let db: IntrobookDB;
let reads: ReturnType<typeof countReads>;
let ada: string;
let charles: string;
beforeEach(async () => {
  db = makeTestDb(new IDBFactory());
  reads = countReads(db);
  await saveSettings({ ...defaultSettings(), timeZone: week.timeZone, workingDays: [...week.workingDays] });
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
    // Within a day, on a working day: Friday's introduction is answered on Monday (not Saturday).
    expect(nextAction(r, names, week)).toMatchObject({ kind: 'reply-intro', dueAt: local(2026, 12, 7, 9) });
    const scheduled = await scheduleMeetingStep(db, r.id, { startsAt: local(2026, 12, 9, 14), durationMin: 30, link: 'https://meet.google.com/abc-defg-hij' }, '', local(2026, 12, 4, 16));
    r = scheduled.request;
    expect(nextAction(r, names, week, scheduled.meeting)).toMatchObject({ kind: 'meet', dueAt: local(2026, 12, 9, 14) });
    r = await moveRequest(db, r.id, 'met', '', local(2026, 12, 9, 15));
    expect(nextAction(r, names, week, scheduled.meeting)).toMatchObject({ kind: 'thank', dueAt: local(2026, 12, 10, 14, 30) }); // 24 h after it ends
    r = await moveRequest(db, r.id, 'thanked', '', local(2026, 12, 9, 18));
    expect(nextAction(r, names, week)).toMatchObject({ kind: 'report-back', label: 'Tell Charles how it went' });
    r = await moveRequest(db, r.id, 'closed-loop', '', local(2026, 12, 10, 9));
    expect(nextAction(r, names, week)).toBeNull();
    // One entry per action: the two follow-ups are in the history too.
    expect(r.history.map((h) => `${h.action}:${h.to}`)).toStrictEqual([
      'status:draft',
      'send:asked',
      'send:asked',
      'send:asked',
      'status:agreed',
      'status:introduced',
      'status:meeting-scheduled',
      'status:met',
      'status:thanked',
      'status:closed-loop',
    ]);
  });

  it('refuses a move the pipeline does not allow and leaves the request as it was', async () => {
    const r = await createRequest(db, { kind: 'intro', targetId: ada, connectorId: charles });
    await expect(moveRequest(db, r.id, 'met')).rejects.toThrow('can’t go from “Draft” to “Met”');
    expect(await db.intros.get(r.id)).toStrictEqual({ ...r, liveStatus: 'draft' });
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
    await expect(saveDraft(db, b.id, { message: 'edited' })).rejects.toThrow('Only a draft');
    const all = await requestsInStatuses(db, ['asked']);
    expect(all.map((r) => r.id).sort()).toStrictEqual([a.id, b.id].sort());
    const due = dueBy(all, () => names, week, local(2026, 11, 27, 23));
    expect(due.map((d) => [d.requestId, d.label])).toStrictEqual([
      [a.id, 'Nudge Charles'],
      [b.id, 'Nudge Ada'],
    ]);
    expect(dueBy(all, () => names, week, local(2026, 11, 26, 8))).toStrictEqual([]);
  });
});

describe('the sent text is kept', () => {
  it('stores the exact subject, message, blurb, channel and time of each send in the history', async () => {
    const draft = await createRequest(db, { kind: 'intro', targetId: ada, connectorId: charles });
    const at = local(2026, 11, 23, 10);
    const r = await recordMessage(
      db,
      draft.id,
      'ask',
      { channel: 'copy', to: 'Charles Babbage', subject: 'Would you introduce me to Ada?', body: 'Hi Charles, …?', blurb: 'Sam would love 15 minutes…' },
      at,
    );
    expect(r.history.at(-1)).toMatchObject({
      at,
      action: 'send',
      message: { step: 'ask', channel: 'copy', to: 'Charles Babbage', subject: 'Would you introduce me to Ada?', body: 'Hi Charles, …?', blurb: 'Sam would love 15 minutes…' },
    });
    expect(r).toMatchObject({ status: 'asked', channel: 'copy', message: 'Hi Charles, …?' });
    // markSent (no text given) still keeps the draft's text as what went out.
    const other = await createRequest(db, { kind: 'direct', targetId: ada, connectorId: null, subject: 'Advice?', message: 'Hi Ada?' });
    expect((await markSent(db, other.id, 'email', at)).history.at(-1)?.message).toMatchObject({ channel: 'email', subject: 'Advice?', body: 'Hi Ada?' });
  });
});

describe('undo reverses exactly the last action', () => {
  it('after a nudge, Undo takes back the nudge and the request stays asked', async () => {
    let r = await markSent(db, (await createRequest(db, { kind: 'intro', targetId: ada, connectorId: charles })).id, 'copy', local(2026, 11, 23, 10));
    r = await recordFollowUp(db, r.id, local(2026, 11, 26, 9, 30));
    r = await undoLastStep(db, r.id, local(2026, 11, 26, 9, 31));
    expect(r.status).toBe('asked');
    expect(r.followUps).toStrictEqual([]);
    expect(nextAction(r, names, week)).toMatchObject({ kind: 'nudge', dueAt: local(2026, 11, 26, 9) });
  });

  it('undoing "meeting scheduled" cancels the meeting it created; undoing a move puts the meeting back', async () => {
    let r = await markSent(db, (await createRequest(db, { kind: 'direct', targetId: ada, connectorId: null })).id, 'copy', 1000);
    r = await moveRequest(db, r.id, 'agreed', '', 2000);
    const { meeting } = await scheduleMeetingStep(db, r.id, { startsAt: local(2026, 12, 9, 14) }, '', 3000);
    expect(meeting).toMatchObject({ personId: ada, requestId: r.id, durationMin: 20, channel: 'other', deletedAt: null });
    r = await changeMeeting(db, r.id, meeting.id, { startsAt: local(2026, 12, 10, 11), link: 'https://zoom.us/j/123' }, 4000);
    expect(await db.meetings.get(meeting.id)).toMatchObject({ startsAt: local(2026, 12, 10, 11), channel: 'zoom' });
    expect(((await db.intros.get(r.id)) as StoredRequest).dueAt).toBe(local(2026, 12, 10, 11));
    r = await undoLastStep(db, r.id, 5000);
    expect(await db.meetings.get(meeting.id)).toMatchObject({ startsAt: local(2026, 12, 9, 14), link: '', channel: 'other', deletedAt: null });
    expect(((await db.intros.get(r.id)) as StoredRequest).dueAt).toBe(local(2026, 12, 9, 14));
    r = await undoLastStep(db, r.id, 6000);
    expect(r.status).toBe('agreed');
    expect((await db.meetings.get(meeting.id))?.deletedAt).toBe(6000);
  });

  it('a due-date change is undone on its own', async () => {
    let r = await markSent(db, (await createRequest(db, { kind: 'intro', targetId: ada, connectorId: charles })).id, 'copy', local(2026, 11, 23, 10));
    r = await setDue(db, r.id, local(2026, 12, 1, 9));
    r = await undoLastStep(db, r.id);
    expect(r).toMatchObject({ status: 'asked', dueOverride: null });
  });

  it('an Undo offered for one step undoes nothing once another step came after it', async () => {
    let r = await markSent(db, (await createRequest(db, { kind: 'intro', targetId: ada, connectorId: charles })).id, 'copy', local(2026, 11, 23, 10));
    r = await recordMessage(db, r.id, 'nudge', { channel: 'copy', to: 'Charles', subject: '', body: 'Any news?' }, local(2026, 11, 26, 9, 30));
    const offered = r.history.length - 1;
    // Before the notification's Undo is pressed, the due date is changed (here, or by sync from another browser).
    r = await setDue(db, r.id, local(2026, 12, 1, 9), local(2026, 11, 26, 9, 31));
    await expect(undoLastStep(db, r.id, local(2026, 11, 26, 9, 32), offered)).rejects.toThrow(/changed since: nothing was undone/);
    expect((await db.intros.get(r.id))!.history).toHaveLength(r.history.length);
    // With nothing after it, the same Undo takes back exactly that step.
    r = await undoLastStep(db, r.id, local(2026, 11, 26, 9, 33));
    expect((await undoLastStep(db, r.id, local(2026, 11, 26, 9, 34), offered)).followUps).toStrictEqual([]);
  });
});

describe('deleting requests', () => {
  it('deletes a request (out of every view), and Undo brings it back', async () => {
    const r = await createRequest(db, { kind: 'intro', targetId: ada, connectorId: charles, message: 'Hi' });
    await removeRequest(db, r.id, 5);
    expect(await requestsInStatuses(db, ['draft'])).toStrictEqual([]);
    expect(await countByStatus(db, ['draft'])).toStrictEqual({ draft: 0 });
    await expect(moveRequest(db, r.id, 'withdrawn')).rejects.toThrow('no longer exists');
    await restoreRequest(db, r.id, 6);
    expect((await requestsInStatuses(db, ['draft'])).map((x) => x.id)).toStrictEqual([r.id]);
  });

  it('refuses a request for someone no longer in Introbook', async () => {
    await removePerson(db, ada);
    await expect(createRequest(db, { kind: 'intro', targetId: ada, connectorId: charles })).rejects.toThrow('no longer in Introbook');
  });
});

describe('due dates by index', () => {
  it('"due by" reads only the due requests, however many there are', async () => {
    const asked = local(2026, 11, 23, 10);
    const due = await markSent(db, (await createRequest(db, { kind: 'intro', targetId: ada, connectorId: charles })).id, 'copy', asked);
    for (let i = 0; i < 30; i++) {
      const r = await createRequest(db, { kind: 'direct', targetId: charles, connectorId: null });
      if (i % 2) await markSent(db, r.id, 'copy', local(2026, 11, 30, 10)); // nudge due 3 Dec
    }
    reads.reset();
    const rows = await requestsDueBy(db, local(2026, 11, 27, 23));
    expect(rows.map((r) => r.id)).toStrictEqual([due.id]);
    expect(reads.rows.intros).toBe(1);
    const { namesOf, requests } = await withPeople(db, rows);
    expect(dueBy(requests, namesOf, week, local(2026, 11, 27, 23))).toStrictEqual([{ requestId: due.id, label: 'Nudge Charles Babbage', dueAt: local(2026, 11, 26, 9) }]);
    expect(await nextDueAfter(db, local(2026, 11, 27, 23))).toBe(local(2026, 12, 3, 9));
  });

  it('recomputes stored due dates when the working week changes', async () => {
    const r = await markSent(db, (await createRequest(db, { kind: 'intro', targetId: ada, connectorId: charles })).id, 'copy', local(2026, 11, 23, 10));
    expect(((await db.intros.get(r.id)) as StoredRequest).dueAt).toBe(local(2026, 11, 26, 9));
    // A Monday/Wednesday/Friday week: 3 working days after Monday is Friday.
    const mwf = { timeZone: week.timeZone, workingDays: [1, 3, 5] };
    await saveSettings({ ...defaultSettings(), ...mwf });
    expect(await ensureDueIndex(db, mwf)).toBe(1);
    expect(((await db.intros.get(r.id)) as StoredRequest).dueAt).toBe(local(2026, 11, 30, 9));
    expect(await ensureDueIndex(db, mwf)).toBe(0);
    // Remembered in the database's local-only meta table, not in storage.local (Firefox content scripts can write that).
    expect((await db.meta.get('dueIndexWeek'))?.value).toContain('"workingDays":[1,3,5]');
    expect(await fakeBrowser.storage.local.get(null)).not.toHaveProperty('dueIndexWeek');
  });
});
