import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCapture, makeTestDb } from '../../tests/helpers/db';
import type { IntrobookDB } from './app-db';
import { addConnector, confirmMutual, dismissMutual, isContact, setRelationship, whoCanIntroduce } from './contacts';
import { createRequest, markSent, moveRequest } from './intros';
import { getPerson, savePersonCapture } from './people';

let db: IntrobookDB;
beforeEach(() => {
  db = makeTestDb(new IDBFactory());
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
    expect(options.suggestions).toStrictEqual([{ name: 'Charles Babbage', matches: [charles] }]);
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
});
