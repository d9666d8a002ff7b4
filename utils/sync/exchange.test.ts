/**
 * Two devices' stores (fake-indexeddb) exchanging through their vaults, written
 * to and read by the real repositories: what lands in Dexie, what the hooks
 * report, and how the unique profile URL index is kept.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeCapture, makeTestDb } from '../../tests/helpers/db';
import { withoutDerived, type IntrobookDB } from '../db/app-db';
import { createRequest, moveRequest } from '../db/intros';
import { editPerson, findPersonByUrl, removePerson, savePersonCapture } from '../db/people';
import { updateTemplate } from '../db/templates';
import { addTask, setTaskDone } from '../db/ledger';
import { scheduleMeeting } from '../db/meetings';
import { setTags, updateMeetingNotes } from '../db/workspace';
import { blankCulture } from '../domain/prep';
import { personSchema } from '../domain/schemas';
import { onLocalChanges, trackLocalChanges, type ChangeReport } from './changes';
import { exchange, type ExchangeInput } from './exchange';
import { ALL_SPECS } from './tables';
import { Vault } from './vault';

interface Device {
  db: IntrobookDB;
  vault: Vault;
  outbox: Uint8Array[];
}
const open: IntrobookDB[] = [];
afterEach(() => {
  onLocalChanges(null);
  for (const d of open.splice(0)) d.close();
});

function device(name: string): Device {
  const db = makeTestDb();
  open.push(db);
  const vault = new Vault(ALL_SPECS, name);
  const outbox: Uint8Array[] = [];
  vault.doc.on('updateV2', (u: Uint8Array, origin: unknown) => {
    if (origin !== 'introbook:remote') outbox.push(u);
  });
  return { db, vault, outbox };
}

const base = (over: Partial<ExchangeInput> = {}): ExchangeInput => ({ changed: new Map(), scanFrom: 0, settings: null, remote: [], ...over });

/** Push everything each device changed since `since`, then deliver each one's outbox to the others. */
async function round(devices: Device[], since = 0): Promise<void> {
  for (const d of devices) await exchange(d.db, d.vault, base({ scanFrom: since }));
  for (const from of devices) {
    const updates = from.outbox.splice(0);
    for (const to of devices) if (to !== from && updates.length > 0) await exchange(to.db, to.vault, base({ scanFrom: null, remote: updates }));
  }
  // Follow-ups made while receiving (conflict records, folds) go out too.
  for (const from of devices) {
    const updates = from.outbox.splice(0);
    for (const to of devices) if (to !== from && updates.length > 0) await exchange(to.db, to.vault, base({ scanFrom: null, remote: updates }));
  }
}

describe('exchange between a store and its vault', () => {
  it('a person saved on A lands in B\'s store, complete and valid', async () => {
    const a = device('A');
    const b = device('B');
    const { person } = await savePersonCapture(a.db, makeCapture(), { now: 1000 });
    await round([a, b]);
    const there = await b.db.people.get(person.id);
    // As stored: the row plus the index fields B's store derives for itself.
    expect(withoutDerived('people', there)).toStrictEqual(person);
    expect(() => personSchema.parse(there)).not.toThrow();
  });

  it('edits to different fields on both devices both land; the same field ends identical, the losing value in syncConflicts', async () => {
    const a = device('A');
    const b = device('B');
    const { person } = await savePersonCapture(a.db, makeCapture(), { now: 1000 });
    await round([a, b]);
    await editPerson(a.db, person.id, { role: 'CTO', notes: 'From A' }, 2000);
    await editPerson(b.db, person.id, { location: 'Paris', notes: 'From B' }, 2001);
    await round([a, b], 1500);
    const pa = (await a.db.people.get(person.id))!;
    const pb = (await b.db.people.get(person.id))!;
    expect(pa).toStrictEqual(pb);
    expect(pa).toMatchObject({ role: 'CTO', location: 'Paris' });
    expect([...pa.editedFields].sort()).toStrictEqual(['location', 'role']);
    const lost = pa.notes === 'From A' ? 'From B' : 'From A';
    for (const d of [a, b]) {
      const conflicts = await d.db.syncConflicts.where('[table+rowId]').equals(['people', person.id]).toArray();
      expect(conflicts.map((c) => [c.kind, c.field, c.kept, c.other])).toStrictEqual([['field', 'notes', pa.notes, lost]]);
    }
  });

  it('a request moved on B shows its history on A', async () => {
    const a = device('A');
    const b = device('B');
    const ada = (await savePersonCapture(a.db, makeCapture(), { now: 1000 })).person;
    const charles = (await savePersonCapture(a.db, makeCapture({ profileUrl: 'https://www.linkedin.com/in/charles-babbage/', name: 'Charles Babbage' }), { now: 1000 })).person;
    const request = await createRequest(a.db, { kind: 'intro', targetId: ada.id, connectorId: charles.id }, 1100);
    await round([a, b]);
    await moveRequest(b.db, request.id, 'asked', 'Sent by email', 2000);
    await round([a, b], 1500);
    const there = (await a.db.intros.get(request.id))!;
    expect(there.status).toBe('asked');
    expect(there.history.map((h) => [h.from, h.to, h.note])).toStrictEqual([
      [null, 'draft', ''],
      ['draft', 'asked', 'Sent by email'],
    ]);
  });

  it('the same profile saved on both devices while apart becomes one person in both stores, requests following', async () => {
    const a = device('A');
    const b = device('B');
    const onA = (await savePersonCapture(a.db, makeCapture(), { now: 1000 })).person;
    await editPerson(a.db, onA.id, { notes: 'Met at the Royal Society' }, 1001);
    const onB = (await savePersonCapture(b.db, makeCapture({ role: 'Chief Engineer' }), { now: 2000 })).person;
    const charles = (await savePersonCapture(b.db, makeCapture({ profileUrl: 'https://www.linkedin.com/in/charles-babbage/', name: 'Charles Babbage' }), { now: 2000 })).person;
    const request = await createRequest(b.db, { kind: 'intro', targetId: onB.id, connectorId: charles.id }, 2100);
    await round([a, b]);
    const survivor = [onA.id, onB.id].sort()[0]!;
    for (const d of [a, b]) {
      const people = await d.db.people.where('profileUrl').equals(makeCapture().profileUrl).toArray();
      expect(people.map((p) => p.id)).toStrictEqual([survivor]);
      expect(people[0]).toMatchObject({ notes: 'Met at the Royal Society', role: 'Chief Engineer' });
      expect((await d.db.intros.get(request.id))?.targetId).toBe(survivor);
      expect(await d.db.syncConflicts.where('kind').equals('merge').count()).toBe(1);
    }
    expect(await findPersonByUrl(b.db, makeCapture().profileUrl)).toMatchObject({ id: survivor });
  });

  it('a save on this device that races a remote copy of the same profile is folded, not refused by the unique index', async () => {
    const a = device('A');
    const b = device('B');
    await savePersonCapture(a.db, makeCapture(), { now: 1000 });
    await exchange(a.db, a.vault, base());
    const fromA = a.outbox.splice(0);
    // B saved the same profile; its hooks have not reported it yet when A's update arrives.
    const onB = (await savePersonCapture(b.db, makeCapture(), { now: 1500 })).person;
    await exchange(b.db, b.vault, base({ scanFrom: null, remote: fromA }));
    const rows = await b.db.people.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe([onB.id, (await a.db.people.toArray())[0]!.id].sort()[0]);
  });

  it('removed on A while edited on B: removed on both, the edit kept, a restore offered on both', async () => {
    const a = device('A');
    const b = device('B');
    const { person } = await savePersonCapture(a.db, makeCapture(), { now: 1000 });
    await round([a, b]);
    await removePerson(a.db, person.id, 2000);
    await editPerson(b.db, person.id, { notes: 'Introduced by Charles' }, 2001);
    await round([a, b], 1500);
    for (const d of [a, b]) {
      expect(await d.db.people.get(person.id)).toMatchObject({ deletedAt: 2000, notes: 'Introduced by Charles' });
      expect(await d.db.syncConflicts.where('kind').equals('restore').toArray()).toMatchObject([{ table: 'people', rowId: person.id, resolvedAt: null }]);
    }
  });

  it('a row another version wrote that this version cannot read is held back, not written', async () => {
    const a = device('A');
    const b = device('B');
    const { person } = await savePersonCapture(a.db, makeCapture(), { now: 1000 });
    await exchange(a.db, a.vault, base());
    // A newer version changed the shape of a field this version validates.
    a.vault.pushRows('people', [{ ...person, degree: 'second', updatedAt: 2000 }]);
    const result = await exchange(b.db, b.vault, base({ scanFrom: null, remote: a.outbox.splice(0) }));
    expect(await b.db.people.count()).toBe(0);
    expect(result.held.get('people')).toStrictEqual(new Set([person.id]));
  });

  it('joining: the vault\'s rows and settings win over the newcomer\'s older ones; its own rows join the vault', async () => {
    const a = device('A');
    const b = device('B');
    await a.db.open();
    await updateTemplate(a.db, 'default-intro-ask', { kind: 'intro-ask', name: 'My ask', subject: 'Intro?', body: 'Hi {{connector.firstName}}' }, Date.now() + 1000);
    await exchange(a.db, a.vault, base({ settings: { name: 'Sam Rivera', goal: 'product', timeZone: 'Europe/London' } }));
    const fromA = a.outbox.splice(0);
    const own = (await savePersonCapture(b.db, makeCapture(), { now: 1000 })).person;
    const result = await exchange(b.db, b.vault, base({ remote: fromA, join: true, settings: { name: '', goal: '', background: 'analyst', timeZone: 'America/New_York' } }));
    expect((await b.db.templates.get('default-intro-ask'))?.name).toBe('My ask');
    expect(result.settings).toMatchObject({ name: 'Sam Rivera', goal: 'product', background: 'analyst', timeZone: 'Europe/London' });
    await exchange(a.db, a.vault, base({ scanFrom: null, remote: b.outbox.splice(0) }));
    expect(await a.db.people.get(own.id)).toMatchObject({ name: 'Ada Lovelace' });
  });
});

describe('change reports', () => {
  it('report the rows a page transaction wrote, once it commits, and not sync\'s own writes', async () => {
    const a = device('A');
    const b = device('B');
    const reports: ChangeReport[] = [];
    await b.db.open();
    trackLocalChanges(b.db);
    onLocalChanges((r) => reports.push(r));
    const { person } = await savePersonCapture(a.db, makeCapture(), { now: 1000 });
    await exchange(a.db, a.vault, base());
    await exchange(b.db, b.vault, base({ scanFrom: null, remote: a.outbox.splice(0) }));
    expect(reports).toStrictEqual([]);
    await editPerson(b.db, person.id, { notes: 'x' });
    await removePerson(b.db, person.id);
    await b.db.templates.delete('default-nudge');
    expect(reports).toStrictEqual([
      { changes: { people: [person.id] }, scan: false },
      { changes: { people: [person.id] }, scan: false },
      { changes: { templates: ['default-nudge'] }, scan: false },
    ]);
  });

  it('a hard delete reaches the other device as a removal from its store', async () => {
    const a = device('A');
    const b = device('B');
    await a.db.open();
    await b.db.open();
    await round([a, b]);
    await a.db.templates.delete('default-nudge');
    await exchange(a.db, a.vault, base({ scanFrom: null, changed: new Map([['templates', new Set(['default-nudge'])]]) }));
    await exchange(b.db, b.vault, base({ scanFrom: null, remote: a.outbox.splice(0) }));
    expect(await b.db.templates.get('default-nudge')).toBeUndefined();
  });

  it('the workspace syncs: tags merge as a set, one prep sheet per meeting merges field by field, tasks land with their due index derived there', async () => {
    const a = device('A');
    const b = device('B');
    const { person } = await savePersonCapture(a.db, makeCapture(), { now: 1000 });
    const meeting = await scheduleMeeting(a.db, { personId: person.id, startsAt: 5_000_000, link: 'https://meet.google.com/abc-defg-hij' }, 1001);
    await round([a, b]);
    // Both browsers open the meeting's prep sheet (each makes the row) and fill in different parts.
    await setTags(a.db, person.id, ['mentor'], 2000);
    await setTags(b.db, person.id, ['climate'], 2001);
    await updateMeetingNotes(a.db, meeting.id, { whyNote: 'Learn the field', culture: { ...blankCulture(), pace: 2 } }, 2002);
    await updateMeetingNotes(b.db, meeting.id, { callNotes: 'Reading group', culture: { ...blankCulture(), formality: 4 } }, 2003);
    const task = await addTask(b.db, { personId: person.id, meetingId: meeting.id, kind: 'connect', text: 'Connect with Ada', dueAt: 9_000_000 }, 2004);
    await round([a, b], 1500);
    for (const d of [a, b]) {
      expect([...(await d.db.people.get(person.id))!.tags].sort()).toStrictEqual(['climate', 'mentor']);
      expect(await d.db.meetingNotes.count()).toBe(1);
      expect(await d.db.meetingNotes.get(meeting.id)).toMatchObject({ whyNote: 'Learn the field', callNotes: 'Reading group', culture: { pace: 2, formality: 4 } });
      // The open-due index answers on both: derived by each store, not carried.
      expect(await d.db.tasks.where('openDueAt').belowOrEqual(9_000_000).primaryKeys()).toStrictEqual([task.id]);
    }
    expect(await a.db.meetingNotes.get(meeting.id)).toStrictEqual(await b.db.meetingNotes.get(meeting.id));
    // Done on A: out of B's due index too.
    await setTaskDone(a.db, task.id, true, 3000);
    await round([a, b], 2500);
    expect(await b.db.tasks.where('openDueAt').above(0).count()).toBe(0);
    expect((await b.db.tasks.get(task.id))!.doneAt).toBe(3000);
  });
});

