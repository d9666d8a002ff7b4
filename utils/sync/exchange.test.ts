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
import { exportBackup } from '../backup/export';
import { applyImport, planImport } from '../backup/merge';
import { prepareBackup } from '../backup/prepare';
import { readBackupText } from '../backup/read';
import { applyRestore, planRestore } from '../backup/restore';
import { CONFIG_KEY, FULL_SYNC_KEY, fullSyncRequest, MAX_REPORTED_KEYS, onLocalChanges, trackLocalChanges, type ChangeReport } from './changes';
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
      { changes: { people: [person.id] }, full: false },
      { changes: { people: [person.id] }, full: false },
      { changes: { templates: ['default-nudge'] }, full: false },
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


/**
 * One cycle of this device the way the engine runs it (engine.ts): rows the hooks
 * reported, rows updated since the cursor (less its margin), and a full
 * reconcile when one was requested (the request is cleared once done).
 */
async function cycle(d: Device, reported: ChangeReport[], cursor: number): Promise<void> {
  const changed = new Map<string, Set<string>>();
  for (const r of reported.splice(0)) for (const [t, ids] of Object.entries(r.changes)) changed.set(t, new Set([...(changed.get(t) ?? []), ...ids]));
  const full = (await fullSyncRequest(d.db)) !== null;
  await exchange(d.db, d.vault, base({ changed, scanFrom: cursor - 5 * 60_000, full }));
  if (full) await d.db.syncState.delete(FULL_SYNC_KEY);
}

/** Deliver each device's outbox to the other (twice, for follow-ups). */
async function deliver(devices: Device[]): Promise<void> {
  for (let i = 0; i < 2; i++) {
    for (const from of devices) {
      const updates = from.outbox.splice(0);
      for (const to of devices) if (to !== from && updates.length > 0) await exchange(to.db, to.vault, base({ scanFrom: null, remote: updates }));
    }
  }
}

/** A backup file with `n` people last changed at `at` (long before sync's cursor), plus `extra`'s people. */
async function backupOf(n: number, at: number, extra: IntrobookDB | null = null): Promise<string> {
  const scratch = makeTestDb();
  open.push(scratch);
  const { person } = await savePersonCapture(scratch, makeCapture({ profileUrl: 'https://www.linkedin.com/in/p-0/', name: 'Person 0' }), { now: at });
  const rows = [];
  for (let i = 1; i < n; i++) {
    rows.push({ ...withoutDerived('people', person), id: crypto.randomUUID(), profileUrl: `https://www.linkedin.com/in/p-${i}/`, name: `Person ${i}`, firstName: 'Person', lastName: String(i) });
  }
  await scratch.people.bulkAdd(rows as never);
  if (extra) await scratch.people.bulkPut((await extra.people.toArray()) as never);
  return (await exportBackup(scratch)).blob.text();
}

async function prepared(db: IntrobookDB, text: string) {
  const read = readBackupText(text);
  if (!read.ok) throw new Error(read.error);
  return prepareBackup(db, read.file);
}

describe('imports, restores and large changes reach the other device (a full reconcile)', () => {
  const LONG_AGO = 1_600_000_000_000;
  const N = MAX_REPORTED_KEYS + 100;

  async function pair() {
    const a = device('A');
    const b = device('B');
    const reports: ChangeReport[] = [];
    await a.db.open();
    // A is in a vault (what the engine keeps there does not matter here).
    await a.db.syncState.put({ key: CONFIG_KEY, value: { vaultId: 'test' } });
    trackLocalChanges(a.db);
    onLocalChanges((r, from) => (from === a.db ? reports.push(r) : undefined));
    const kept = (await savePersonCapture(a.db, makeCapture({ profileUrl: 'https://www.linkedin.com/in/kept/', name: 'Kept Person' }))).person;
    const dropped = (await savePersonCapture(a.db, makeCapture({ profileUrl: 'https://www.linkedin.com/in/dropped/', name: 'Dropped Person' }))).person;
    await cycle(a, reports, Date.now());
    await deliver([a, b]);
    expect(await b.db.people.count()).toBe(2);
    return { a, b, reports, kept, dropped, cursor: Date.now() };
  }

  it(`an import of ${N} people whose updatedAt is older than the cursor lands on the other device`, async () => {
    const { a, b, reports, cursor } = await pair();
    const text = await backupOf(N, LONG_AGO);
    const plan = await planImport(a.db, await prepared(a.db, text));
    await applyImport(a.db, plan);
    expect(await a.db.people.count()).toBe(N + 2);
    await cycle(a, reports, cursor);
    await deliver([a, b]);
    expect(await b.db.people.count()).toBe(N + 2);
    expect(await b.db.people.where('profileUrl').equals(`https://www.linkedin.com/in/p-${N - 1}/`).first()).toMatchObject({ name: `Person ${N - 1}`, updatedAt: LONG_AGO });
    // Done: the request is cleared, and the next cycle has nothing to send.
    expect(await fullSyncRequest(a.db)).toBeNull();
  }, 60_000);

  it(`a restore of ${N} old rows lands on the other device, and the rows it removed are removed there`, async () => {
    const { a, b, reports, kept, dropped, cursor } = await pair();
    const keptOnly = makeTestDb();
    open.push(keptOnly);
    await keptOnly.people.put((await a.db.people.get(kept.id))!);
    const text = await backupOf(N, LONG_AGO, keptOnly);
    await applyRestore(a.db, await planRestore(a.db, await prepared(a.db, text)));
    expect(await a.db.people.get(dropped.id)).toBeUndefined();
    await cycle(a, reports, cursor);
    await deliver([a, b]);
    expect(await b.db.people.count()).toBe(N + 1);
    expect(await b.db.people.get(dropped.id)).toBeUndefined();
    expect(await b.db.people.get(kept.id)).toMatchObject({ name: 'Kept Person' });
  }, 60_000);

  it('a small restore (ids reported) removes on the other device what it removed here', async () => {
    const { a, b, reports, kept, dropped, cursor } = await pair();
    const keptOnly = makeTestDb();
    open.push(keptOnly);
    await keptOnly.people.put((await a.db.people.get(kept.id))!);
    await applyRestore(a.db, await planRestore(a.db, await prepared(a.db, await (await exportBackup(keptOnly)).blob.text())));
    // table.clear() fires Dexie's deleting hook row by row (Dexie 4.4): the removed person is reported.
    expect(reports.flatMap((r) => r.changes.people ?? [])).toContain(dropped.id);
    await cycle(a, reports, cursor);
    await deliver([a, b]);
    expect((await b.db.people.toArray()).map((p) => p.id)).toStrictEqual([kept.id]);
    expect(await b.db.people.get(dropped.id)).toBeUndefined();
  });

  it('a transaction too large to list asks for a full reconcile, which finds every row whatever its date', async () => {
    const { a, b, reports, cursor } = await pair();
    const rows = await a.db.people.toArray();
    const many = Array.from({ length: N }, (_, i) => ({ ...withoutDerived('people', rows[0]!), id: crypto.randomUUID(), profileUrl: `https://www.linkedin.com/in/bulk-${i}/`, updatedAt: LONG_AGO }));
    await a.db.people.bulkAdd(many as never);
    // The request is stored before the report goes out (the report alone could be lost).
    await new Promise((r) => setTimeout(r, 50));
    expect(reports.at(-1)).toStrictEqual({ changes: {}, full: true });
    expect(await fullSyncRequest(a.db)).not.toBeNull();
    await cycle(a, reports, cursor);
    await deliver([a, b]);
    expect(await b.db.people.count()).toBe(N + 2);
  }, 60_000);

  it('a device in no vault records no request (creating or joining one takes in the whole store)', async () => {
    const a = device('A');
    await a.db.open();
    trackLocalChanges(a.db);
    await applyImport(a.db, await planImport(a.db, await prepared(a.db, await backupOf(3, LONG_AGO))));
    expect(await a.db.syncState.count()).toBe(0);
  });

  it('a full reconcile sends no deletion for rows this version held back (it cannot read them), and changes nothing when in step', async () => {
    const a = device('A');
    const b = device('B');
    const { person } = await savePersonCapture(a.db, makeCapture(), { now: 1000 });
    await exchange(a.db, a.vault, base());
    a.vault.pushRows('people', [{ ...person, degree: 'second', updatedAt: 2000 }]);
    await exchange(b.db, b.vault, base({ scanFrom: null, remote: a.outbox.splice(0) }));
    expect(await b.db.people.count()).toBe(0);
    await b.db.open();
    // B's store and its vault are otherwise in step (the built-in templates came from A): nothing to send.
    expect((await exchange(b.db, b.vault, base({ scanFrom: null, full: true }))).pushed).toBe(0);
    expect(b.vault.readRow('people', person.id)).toMatchObject({ gone: false });
  });
});
