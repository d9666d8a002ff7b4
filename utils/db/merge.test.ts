import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCapture, makeTestDb } from '../../tests/helpers/db';
import type { Person } from '../domain/schemas';
import { SCHEMA_VERSIONS, type IntrobookDB } from './app-db';
import { REFERENCES as BACKUP_REFERENCES } from '../backup/format';
import { SYNCED_TABLES } from '../sync/tables';
import { addConnector, confirmMutual, dismissMutual, peopleNamed } from './contacts';
import { createRequest, markSent } from './intros';
import { scheduleMeeting } from './meetings';
import { lastMergeInto, mergePeople, MergeConflictError, PERSON_REFERENCES, previewMerge, undoMerge } from './merge';
import { editPerson, findPersonByUrl, getPerson, savePersonCapture } from './people';

let db: IntrobookDB;
beforeEach(() => {
  db = makeTestDb(new IDBFactory());
});
afterEach(() => db.close());

const save = async (name: string, slug: string, extra = {}) =>
  (await savePersonCapture(db, makeCapture({ name, profileUrl: `https://www.linkedin.com/in/${slug}/`, mutualConnections: { count: 0, names: [] }, ...extra }))).person;

/** The situation of issue #8: Omar saved from his profile, and a second Omar added by hand as a connector. */
async function twoOmars() {
  const saved = await save('Omar Haddad', 'omar-haddad', { role: 'Designer', company: 'Fabrikam', degree: 1 });
  const target = await save('Ada Lovelace', 'ada', { mutualConnections: { count: 1, names: ['Omar Haddad'] } });
  const third = await save('Grace Hopper', 'grace', { mutualConnections: { count: 1, names: ['Omar Haddad'] } });
  const byHand = await addConnector(
    db,
    { name: 'Omar Haddad', howWeKnow: 'Worked together at Contoso', email: 'omar@example.org', profileUrl: '', closeness: 3 },
    target.id,
    1000,
    { asNew: true },
  );
  await editPerson(db, byHand.id, { notes: 'Loves climbing' });
  await editPerson(db, saved.id, { notes: 'Met at the design meetup' });
  await dismissMutual(db, third.id, byHand.id);
  await confirmMutual(db, third.id, saved.id);
  const viaHand = await markSent(db, (await createRequest(db, { kind: 'intro', targetId: target.id, connectorId: byHand.id })).id, 'copy');
  const toHand = await createRequest(db, { kind: 'direct', targetId: byHand.id, connectorId: null, message: 'Hi Omar' });
  const meeting = await scheduleMeeting(db, { personId: byHand.id, startsAt: 5_000_000, link: 'https://meet.google.com/abc-defg-hij' });
  return { saved, byHand, target, third, viaHand, toHand, meeting };
}

describe('merging people', () => {
  it('previews the differing fields and what will move', async () => {
    const { saved, byHand } = await twoOmars();
    const preview = await previewMerge(db, saved.id, byHand.id);
    expect(preview.fields).toEqual(expect.arrayContaining(['profileUrl', 'role', 'company', 'email', 'howWeKnow', 'closeness', 'notes']));
    expect(preview.fields).not.toContain('name');
    expect(preview.choices).toMatchObject({ profileUrl: 'kept', role: 'kept', email: 'other', howWeKnow: 'other', closeness: 'other', notes: 'both' });
    expect(preview.moves).toStrictEqual({ requests: 2, meetings: 1, mutualLinks: 2, other: 0 });
    expect(preview.conflicts).toStrictEqual([]);
  });

  it('keeps one record with the chosen fields; every request, meeting and mutual link follows it; the other is a tombstone that says where it went', async () => {
    const { saved, byHand, target, third, viaHand, toHand, meeting } = await twoOmars();
    const preview = await previewMerge(db, saved.id, byHand.id);
    const record = await mergePeople(db, saved.id, byHand.id, { ...preview.choices, role: 'kept' }, 9000);

    const kept = (await getPerson(db, saved.id))!;
    expect(kept).toMatchObject({
      name: 'Omar Haddad',
      role: 'Designer',
      company: 'Fabrikam',
      profileUrl: 'https://www.linkedin.com/in/omar-haddad/',
      email: 'omar@example.org',
      howWeKnow: 'Worked together at Contoso',
      closeness: 3,
      knowsPersonally: true,
      notes: 'Met at the design meetup\n\nLoves climbing',
      deletedAt: null,
    });
    const tombstone = (await db.people.get(byHand.id))!;
    expect(tombstone).toMatchObject({ deletedAt: 9000, mergedInto: saved.id, aliases: [] });
    expect(await peopleNamed(db, 'Omar Haddad')).toHaveLength(1);

    expect(await db.intros.get(viaHand.id)).toMatchObject({ connectorId: saved.id, status: 'asked', history: viaHand.history });
    expect(await db.intros.get(toHand.id)).toMatchObject({ targetId: saved.id, message: 'Hi Omar' });
    expect(await db.meetings.get(meeting.id)).toMatchObject({ personId: saved.id });
    expect((await getPerson(db, target.id))?.mutualContactIds).toStrictEqual([saved.id]);
    // Grace had "not them" for the hand-added Omar and "yes" for the saved one: the link wins, once.
    const grace = (await getPerson(db, third.id))!;
    expect(grace.mutualContactIds).toStrictEqual([saved.id]);
    expect(grace.dismissedMutualIds).toStrictEqual([saved.id]);
    expect(record.moved.map((m) => `${m.table}.${m.field}`).sort()).toStrictEqual([
      'intros.connectorId',
      'intros.targetId',
      'meetings.personId',
      'people.dismissedMutualIds',
      'people.mutualContactIds',
    ]);
    expect(await lastMergeInto(db, saved.id)).toMatchObject({ id: record.id });
  });

  it('takes the other record’s profile link when chosen; a later save of either link lands on the kept record', async () => {
    const handFirst = await addConnector(db, { name: 'Omar Haddad', howWeKnow: '', email: '', profileUrl: '', closeness: null }, null);
    const captured = await save('Omar Haddad', 'omar-haddad', { role: 'Designer' });
    const preview = await previewMerge(db, handFirst.id, captured.id);
    expect(preview.choices.profileUrl).toBe('other');
    await mergePeople(db, handFirst.id, captured.id, preview.choices);
    expect(await findPersonByUrl(db, 'https://www.linkedin.com/in/omar-haddad/')).toMatchObject({ id: handFirst.id, role: 'Designer' });
    const again = await savePersonCapture(db, makeCapture({ name: 'Omar Haddad', profileUrl: 'https://www.linkedin.com/in/omar-haddad/', role: 'Lead Designer' }));
    expect(again).toMatchObject({ created: false, person: { id: handFirst.id } });
  });

  it('keeps the current position in agreement with the role and company chosen from different records', async () => {
    const a = await save('Omar Haddad', 'omar-a', { role: 'Designer', company: 'Fabrikam' });
    const b = await save('Omar Haddad', 'omar-b', { role: 'Lead Designer', company: 'Contoso' });
    await mergePeople(db, a.id, b.id, { ...(await previewMerge(db, a.id, b.id)).choices, role: 'kept', company: 'other' });
    const merged = (await getPerson(db, a.id))!;
    expect(merged).toMatchObject({ role: 'Designer', company: 'Contoso' });
    expect(merged.positions[0]).toStrictEqual({ title: 'Designer', company: 'Contoso' });
  });

  it('a capture’s note on a value follows the value the user keeps', async () => {
    const cut = 'The page shows a longer name; Introbook kept the first 500 characters, cut at a word.';
    const a = await save('Omar Haddad', 'omar-a', { headline: 'Designer', fieldNotes: { headline: 'Cut at a word.' } });
    const b = await save('Omar Haddad-Nasser', 'omar-b', { headline: 'Lead designer at Fabrikam', fieldNotes: { name: cut } });
    await mergePeople(db, a.id, b.id, { name: 'other', headline: 'kept' }, 9000);
    expect((await getPerson(db, a.id))?.fieldNotes).toStrictEqual({ name: cut, headline: 'Cut at a word.' });
    const c = await save('Omar Haddad', 'omar-c', { fieldNotes: { name: cut } });
    const d = await save('Omar Haddad', 'omar-d');
    await mergePeople(db, d.id, c.id, { profileUrl: 'kept' }, 9000);
    expect((await getPerson(db, d.id))?.fieldNotes).toBeUndefined();
  });

  it('undoes the merge: both records and every reference as they were', async () => {
    const { saved, byHand, target, third, viaHand, toHand, meeting } = await twoOmars();
    const beforeSaved = await db.people.get(saved.id);
    const beforeHand = await db.people.get(byHand.id);
    const beforeGrace = await db.people.get(third.id);
    const record = await mergePeople(db, saved.id, byHand.id, (await previewMerge(db, saved.id, byHand.id)).choices, 9000);
    await undoMerge(db, record.id, 9500);

    const strip = (p: Person | undefined) => ({ ...p, updatedAt: 0 });
    expect(strip(await db.people.get(saved.id))).toStrictEqual(strip(beforeSaved));
    expect(strip(await db.people.get(byHand.id))).toStrictEqual(strip(beforeHand));
    expect(strip(await db.people.get(third.id))).toStrictEqual(strip(beforeGrace));
    expect((await getPerson(db, target.id))?.mutualContactIds).toStrictEqual([byHand.id]);
    expect(await db.intros.get(viaHand.id)).toMatchObject({ connectorId: byHand.id });
    expect(await db.intros.get(toHand.id)).toMatchObject({ targetId: byHand.id });
    expect(await db.meetings.get(meeting.id)).toMatchObject({ personId: byHand.id });
    expect(await peopleNamed(db, 'Omar Haddad')).toHaveLength(2);
    expect(await lastMergeInto(db, saved.id)).toBeUndefined();
    await expect(undoMerge(db, record.id)).rejects.toThrow('already undone');
  });

  it('keeps changes made after the merge when it is undone', async () => {
    const { saved, byHand, viaHand } = await twoOmars();
    const record = await mergePeople(db, saved.id, byHand.id, (await previewMerge(db, saved.id, byHand.id)).choices, 9000);
    await editPerson(db, saved.id, { headline: 'Now at Northwind' }, 9100);
    await undoMerge(db, record.id, 9500);
    expect(await getPerson(db, saved.id)).toMatchObject({ headline: 'Now at Northwind', email: '' });
    expect(await db.intros.get(viaHand.id)).toMatchObject({ connectorId: byHand.id });
  });

  it('refuses to merge the connector and the person to meet of one request, and two of the same record', async () => {
    const a = await save('Omar Haddad', 'omar', { degree: 1 });
    const b = await save('Omar Haddad', 'omar-2');
    await createRequest(db, { kind: 'intro', targetId: b.id, connectorId: a.id });
    expect((await previewMerge(db, a.id, b.id)).conflicts).toHaveLength(1);
    await expect(mergePeople(db, a.id, b.id, {})).rejects.toBeInstanceOf(MergeConflictError);
    expect(await getPerson(db, b.id)).toBeDefined();
    await expect(mergePeople(db, a.id, a.id, {})).rejects.toThrow('two different people');
  });
});

describe('the references a merge follows', () => {
  it('are every field backup and sync know as pointing at a person, each indexed', () => {
    const declared = new Set(PERSON_REFERENCES.map((r) => `${r.table}.${r.field}`));
    // Not moved by a merge: a photo is keyed by its person (the kept one keeps theirs), a merge record names both on purpose.
    const exempt = new Set(['photos.id', 'merges.keptId', 'merges.otherId']);
    const elsewhere = [
      ...Object.entries(BACKUP_REFERENCES).flatMap(([table, fields]) => Object.entries(fields).map(([field, target]) => [table, field, target] as const)),
      ...SYNCED_TABLES.flatMap((t) => Object.entries(t.refs ?? {}).map(([field, target]) => [t.name, field, target] as const)),
    ];
    for (const [table, field, target] of elsewhere) {
      if (target !== 'people' || exempt.has(`${table}.${field}`)) continue;
      expect(declared, `${table}.${field}`).toContain(`${table}.${field}`);
    }
    const stores = SCHEMA_VERSIONS.at(-1)!.stores;
    for (const ref of PERSON_REFERENCES) {
      const indexes = stores[ref.table]!.split(',').map((s) => s.trim());
      expect(indexes, `${ref.table}.${ref.field}`).toContain(ref.multi ? `*${ref.field}` : ref.field);
    }
  });
});

