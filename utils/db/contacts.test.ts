import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countReads, makeCapture, makeTestDb } from '../../tests/helpers/db';
import type { IntrobookDB } from './app-db';
import {
  addConnector,
  confirmMutual,
  dismissMutual,
  introAnswer,
  isContact,
  peopleNamed,
  peopleNameStartsWith,
  SameNameError,
  setRelationship,
  undismissMutual,
  whoCanIntroduce,
} from './contacts';
import { createRequest, markSent, moveRequest, recordMessage } from './intros';
import { editPerson, getPerson, removePerson, savePersonCapture } from './people';

let db: IntrobookDB;
let reads: ReturnType<typeof countReads>;
beforeEach(() => {
  db = makeTestDb(new IDBFactory());
  reads = countReads(db);
});
afterEach(() => db.close());

const save = async (name: string, slug: string, extra = {}) =>
  (await savePersonCapture(db, makeCapture({ name, profileUrl: `https://www.linkedin.com/in/${slug}/`, mutualConnections: { count: 0, names: [] }, ...extra }))).person;

describe('who can introduce me', () => {
  it('suggests saved people whose name matches a mutual connection, and never links them on name alone', async () => {
    const charles = await save('Charles Babbage', 'charles', { degree: 2 });
    const target = await save('Ada Lovelace', 'ada', { mutualConnections: { count: 5, names: ['Charles Babbage', 'Mary Somerville'] } });
    const options = await whoCanIntroduce(db, target);
    expect(options.ranked).toStrictEqual([]);
    expect(options.suggestions).toMatchObject([{ name: 'Charles Babbage', matches: [{ id: charles.id, name: 'Charles Babbage' }] }]);
    expect(options.unmatched).toStrictEqual(['Mary Somerville']);
  });

  it('confirming links the contact (a mutual connection is 1st-degree); dismissing hides the match', async () => {
    const charles = await save('Charles Babbage', 'charles', { degree: 2 });
    const other = await save('Charles  BABBAGE', 'charles-2');
    const target = await save('Ada Lovelace', 'ada', { mutualConnections: { count: 1, names: ['Charles Babbage'] } });
    await confirmMutual(db, target.id, charles.id);
    await dismissMutual(db, target.id, other.id);
    const after = (await getPerson(db, target.id))!;
    const options = await whoCanIntroduce(db, after);
    expect(options.ranked.map((c) => c.person.id)).toStrictEqual([charles.id]);
    expect(options.suggestions).toStrictEqual([]);
    expect(options.unmatched).toStrictEqual([]);
    expect((await getPerson(db, charles.id))?.degree).toBe(1);
    expect(isContact((await getPerson(db, charles.id))!)).toBe(true);
  });

  it('ranks by closeness, intros that worked and asks already open', async () => {
    const target = await save('Ada Lovelace', 'ada');
    const close = await addConnector(db, { name: 'Close Friend', howWeKnow: 'school', email: 'c@example.org', profileUrl: '', closeness: 3 }, target.id);
    const busy = await addConnector(db, { name: 'Busy Friend', howWeKnow: 'work', email: '', profileUrl: '', closeness: 3 }, target.id);
    const proven = await addConnector(db, { name: 'Proven Friend', howWeKnow: 'club', email: '', profileUrl: '', closeness: 2 }, target.id);
    const someone = await save('Someone Else', 'someone');
    // Busy already carries two open asks; Proven made an intro that worked.
    for (let i = 0; i < 2; i++) await markSent(db, (await createRequest(db, { kind: 'intro', targetId: someone.id, connectorId: busy.id })).id, 'copy');
    const worked = await markSent(db, (await createRequest(db, { kind: 'intro', targetId: someone.id, connectorId: proven.id })).id, 'copy');
    await moveRequest(db, worked.id, 'introduced');
    const options = await whoCanIntroduce(db, (await getPerson(db, target.id))!);
    expect(options.ranked.map((c) => [c.person.name, c.score, c.reasons])).toStrictEqual([
      ['Close Friend', 30, ['You are close']],
      ['Proven Friend', 28, ['You know them well', '1 intro that worked']],
      ['Busy Friend', 6, ['You are close', '2 open asks with them already']],
    ]);
    expect(close.profileUrl).toMatch(/^urn:uuid:/);
  });

  it('adding a connector by profile URL updates the saved person instead of duplicating', async () => {
    const charles = await save('Charles Babbage', 'charles');
    const added = await addConnector(
      db,
      { name: 'Charles', howWeKnow: 'Former manager', email: 'cb@example.org', profileUrl: 'https://uk.linkedin.com/in/charles?trk=x', closeness: 2 },
      null,
    );
    expect(added).toMatchObject({ id: charles.id, knowsPersonally: true, howWeKnow: 'Former manager', email: 'cb@example.org', name: 'Charles Babbage' });
    expect(await db.people.count()).toBe(1);
    await expect(addConnector(db, { name: 'X', howWeKnow: '', email: '', profileUrl: 'javascript:alert(1)', closeness: null }, null)).rejects.toThrow('https');
    await expect(addConnector(db, { name: 'X', howWeKnow: '', email: 'not-an-email', profileUrl: '', closeness: null }, null)).rejects.toThrow();
  });

  it('keeps the relationship the user sets', async () => {
    const p = await save('Grace Hopper', 'grace', { degree: 2 });
    expect(isContact(p)).toBe(false);
    const known = await setRelationship(db, p.id, { knowsPersonally: true, closeness: 1, howWeKnow: 'Conference' });
    expect(isContact(known)).toBe(true);
  });

  it('answers from the name index: reads the matches, not everyone saved', async () => {
    for (let i = 0; i < 200; i++) await save(`Person ${i}`, `p-${i}`);
    const charles = await save('Charles Babbage', 'charles');
    const target = await save('Ada Lovelace', 'ada', { mutualConnections: { count: 3, names: ['Charles Babbage', 'Mary Somerville', 'Person 7'] } });
    reads.reset();
    const options = await whoCanIntroduce(db, target);
    expect(options.suggestions.map((s) => s.matches[0]!.id)).toStrictEqual([charles.id, expect.any(String)]);
    expect(reads.rows.people ?? 0).toBeLessThanOrEqual(3);
  });

  it('shows a dismissed match as dismissed, reversibly, and counts mutuals read and saved', async () => {
    const charles = await save('Charles Babbage', 'charles');
    const target = await save('Ada Lovelace', 'ada', { mutualConnections: { count: 12, names: ['Charles Babbage', 'Mary Somerville'] } });
    await dismissMutual(db, target.id, charles.id);
    let options = await whoCanIntroduce(db, (await getPerson(db, target.id))!);
    expect(options.suggestions).toStrictEqual([]);
    expect(options.dismissed.map((d) => [d.name, d.person.id])).toStrictEqual([['Charles Babbage', charles.id]]);
    expect(options.unmatched).toStrictEqual(['Mary Somerville']);
    expect(options.counts).toStrictEqual({ stated: 12, read: 2, saved: 1 });
    await undismissMutual(db, target.id, charles.id);
    options = await whoCanIntroduce(db, (await getPerson(db, target.id))!);
    expect(options.suggestions.map((s) => s.name)).toStrictEqual(['Charles Babbage']);
    expect(options.dismissed).toStrictEqual([]);
  });

  it('finds saved people by name as typed: accents and case ignored, removed people left out', async () => {
    const omar = await save('Omar Haddad', 'omar');
    await save('Omar Hadid', 'omar-2');
    const gone = await save('Omar Haddad', 'omar-3');
    await removePerson(db, gone.id);
    expect((await peopleNamed(db, '  omar HADDAD ')).map((p) => p.id)).toStrictEqual([omar.id]);
    expect((await peopleNameStartsWith(db, 'Omar Had')).map((p) => p.name).sort()).toStrictEqual(['Omar Haddad', 'Omar Hadid']);
    // The key follows an edit of the name.
    await editPerson(db, omar.id, { name: 'Ömar Haddad-Smith' });
    expect(await peopleNamed(db, 'Omar Haddad')).toStrictEqual([]);
    expect((await peopleNamed(db, 'omar haddad smith')).map((p) => p.id)).toStrictEqual([omar.id]);
  });
});

describe('connectors added by hand', () => {
  it('offers the saved person with the same name instead of creating a second one', async () => {
    const omar = await save('Omar Haddad', 'omar-haddad', { role: 'Designer', company: 'Fabrikam' });
    const target = await save('Ada Lovelace', 'ada');
    const input = { name: 'omar  haddad', howWeKnow: 'Old colleague', email: '', profileUrl: '', closeness: 2 as const };
    const refused = await addConnector(db, input, target.id).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SameNameError);
    expect((refused as SameNameError).matches.map((p) => p.id)).toStrictEqual([omar.id]);
    expect(await db.people.count()).toBe(2);

    // "Yes, that Omar": the saved record becomes the connector.
    const linked = await addConnector(db, input, target.id, Date.now(), { useId: omar.id });
    expect(linked).toMatchObject({ id: omar.id, knowsPersonally: true, closeness: 2, howWeKnow: 'Old colleague', role: 'Designer' });
    expect((await getPerson(db, target.id))?.mutualContactIds).toStrictEqual([omar.id]);
    expect(await db.people.count()).toBe(2);

    // "No, someone else": a second Omar, on purpose.
    const other = await addConnector(db, { ...input, name: 'Omar Haddad' }, null, Date.now(), { asNew: true });
    expect(other.id).not.toBe(omar.id);
    expect(await db.people.count()).toBe(3);
  });
});

describe('one answer to "who can introduce me?"', () => {
  it('says a 1st-degree contact can be asked directly', async () => {
    const charles = await save('Charles Babbage', 'charles', { degree: 1 });
    const answer = await introAnswer(db, charles);
    expect(answer).toMatchObject({ connected: true, open: null, done: null, headline: 'You know Charles Babbage yourself: ask them directly.' });
  });

  it('after a closed loop it says so instead of promoting another ask', async () => {
    const charles = await save('Charles Babbage', 'charles', { degree: 1 });
    const target = await save('Ada Lovelace', 'ada', { mutualConnections: { count: 1, names: ['Charles Babbage'] } });
    await confirmMutual(db, target.id, charles.id);
    let r = await markSent(db, (await createRequest(db, { kind: 'intro', targetId: target.id, connectorId: charles.id })).id, 'copy');
    for (const s of ['agreed', 'introduced', 'meeting-scheduled', 'met'] as const) r = await moveRequest(db, r.id, s);
    r = await recordMessage(db, r.id, 'thank-you', null);
    r = await recordMessage(db, r.id, 'report-back', null);
    const answer = await introAnswer(db, (await getPerson(db, target.id))!);
    expect(answer.done?.id).toBe(r.id);
    expect(answer.open).toBeNull();
    expect(answer.headline).toBe('You met Ada Lovelace and closed the loop.');
    expect(answer.options.ranked.map((c) => c.person.id)).toStrictEqual([charles.id]);
  });

  it('names a request under way', async () => {
    const charles = await save('Charles Babbage', 'charles', { degree: 1 });
    const target = await save('Ada Lovelace', 'ada');
    await markSent(db, (await createRequest(db, { kind: 'intro', targetId: target.id, connectorId: charles.id })).id, 'copy');
    expect((await introAnswer(db, target)).headline).toBe('You already have a request under way to meet Ada Lovelace.');
  });
});
