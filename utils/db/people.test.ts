import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { makeCapture, makeTestDb } from '../../tests/helpers/db';
import { blankUserFields, personSchema } from '../domain/schemas';
import { withDerived, type IntrobookDB } from './app-db';
import { fieldsToCheck } from '../domain/confidence';
import { confirmFields, editPerson, findPersonByUrl, getPerson, removePerson, savePersonCapture } from './people';
import { peoplePage } from './search';

const open: IntrobookDB[] = [];
function db(factory?: IDBFactory): IntrobookDB {
  const d = makeTestDb(factory);
  open.push(d);
  return d;
}
afterEach(() => {
  for (const d of open.splice(0)) d.close();
});

describe('savePersonCapture', () => {
  it('creates a person with a UUID, timestamps and empty user fields', async () => {
    const store = db();
    const { person, created } = await savePersonCapture(store, makeCapture(), { now: 1000 });
    expect(created).toBe(true);
    expect(person).toStrictEqual({
      ...makeCapture(),
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      createdAt: 1000,
      updatedAt: 1000,
      capturedAt: 1000,
      deletedAt: null,
      ...blankUserFields(),
    });
    expect(await store.people.count()).toBe(1);
    expect(personSchema.parse(await store.people.get(person.id))).toStrictEqual(person);
  });

  it('updates the stored person on a second save instead of adding one', async () => {
    const store = db();
    const first = await savePersonCapture(store, makeCapture(), { now: 1000 });
    const second = await savePersonCapture(store, makeCapture({ headline: 'CTO at Engines', role: 'CTO' }), { now: 2000 });
    expect(second.created).toBe(false);
    expect(second.person.id).toBe(first.person.id);
    expect(second.person).toMatchObject({ headline: 'CTO at Engines', role: 'CTO', createdAt: 1000, updatedAt: 2000, capturedAt: 2000 });
    // The old role is history now.
    expect(second.person.roleHistory).toStrictEqual([{ role: 'Principal Engineer', company: 'Analytical Engines', until: 2000 }]);
    expect(await store.people.count()).toBe(1);
  });

  it('keeps one record when two tabs save the same person at the same moment', async () => {
    const factory = new IDBFactory();
    const tabA = db(factory);
    const tabB = db(factory);
    await tabA.open();
    await tabB.open();
    const results = await Promise.all([
      savePersonCapture(tabA, makeCapture({ headline: 'from tab A' }), { now: 1000 }),
      savePersonCapture(tabB, makeCapture({ headline: 'from tab B' }), { now: 1000 }),
      savePersonCapture(tabA, makeCapture({ headline: 'from tab A again' }), { now: 1001 }),
    ]);
    expect(await tabA.people.count()).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.person.id)).size).toBe(1);
  });

  it('refuses a second row with the same canonical URL at the store level', async () => {
    const store = db();
    const { person } = await savePersonCapture(store, makeCapture(), { now: 1000 });
    await expect(store.people.add({ ...person, id: crypto.randomUUID() })).rejects.toMatchObject({ name: 'ConstraintError' });
  });

  it('keeps the user’s edits and notes when the page is captured again', async () => {
    const store = db();
    const { person } = await savePersonCapture(store, makeCapture(), { now: 1000 });
    await editPerson(store, person.id, { role: 'Countess & Engineer', notes: 'Met at the Royal Society' }, 1500);
    const again = await savePersonCapture(
      store,
      makeCapture({ role: 'Principal Engineer II', company: 'Difference Engines Ltd' }),
      { now: 2000 },
    );
    expect(again.person).toMatchObject({
      role: 'Countess & Engineer',
      company: 'Difference Engines Ltd',
      notes: 'Met at the Royal Society',
      editedFields: ['role'],
    });
    // The page's new role waits for the user's OK instead of being dropped silently.
    expect(again.heldBack).toStrictEqual([{ field: 'role', stored: 'Countess & Engineer', captured: 'Principal Engineer II', edited: true }]);
  });

  it('takes the page value for an edited field once the user accepts it', async () => {
    const store = db();
    const { person } = await savePersonCapture(store, makeCapture(), { now: 1000 });
    await editPerson(store, person.id, { role: 'Countess' }, 1500);
    const { person: accepted, heldBack } = await savePersonCapture(store, makeCapture({ role: 'Director' }), { now: 2000, accept: ['role'] });
    expect(heldBack).toStrictEqual([]);
    expect(accepted).toMatchObject({ role: 'Director', editedFields: [] });
    expect(accepted.roleHistory[0]).toStrictEqual({ role: 'Countess', company: 'Analytical Engines', until: 2000 });
  });

  it('applies values typed before saving as the user’s edits', async () => {
    const store = db();
    const { person } = await savePersonCapture(store, makeCapture(), {
      now: 1000,
      edits: { company: 'Babbage & Co', name: 'Ada Lovelace' },
    });
    expect(person).toMatchObject({ company: 'Babbage & Co', editedFields: ['company'] });
    expect(person.fieldSources.company).toBe('user');
  });

  it('finds the person by an alias and moves them to their vanity URL', async () => {
    const store = db();
    const sales = 'https://www.linkedin.com/sales/lead/ACwAAAda/';
    const { person } = await savePersonCapture(store, makeCapture({ profileUrl: sales, source: 'linkedin-sales-navigator' }), { now: 1000 });
    const { person: again, created } = await savePersonCapture(
      store,
      makeCapture({ aliases: [sales], headline: 'from the profile' }),
      { now: 2000 },
    );
    expect(created).toBe(false);
    expect(again).toMatchObject({ id: person.id, profileUrl: 'https://www.linkedin.com/in/ada-lovelace/', aliases: [sales] });
    expect(await findPersonByUrl(store, sales)).toMatchObject({ id: person.id });
    expect(await store.people.count()).toBe(1);
  });

  it('keeps stored values the page no longer shows', async () => {
    const store = db();
    await savePersonCapture(store, makeCapture(), { now: 1000 });
    const { person } = await savePersonCapture(
      store,
      makeCapture({ photoUrl: null, location: null, degree: null, mutualConnections: { count: 0, names: [] } }),
      { now: 2000 },
    );
    expect(person).toMatchObject({
      photoUrl: 'https://media.licdn.com/dms/image/ada.jpg',
      location: 'London, England, United Kingdom',
      degree: 2,
      mutualConnections: { count: 5, names: ['Charles Babbage', 'Mary Somerville'] },
    });
  });

  it('rejects an invalid capture and writes nothing', async () => {
    const store = db();
    await expect(savePersonCapture(store, makeCapture({ name: '   ' }))).rejects.toThrow();
    await expect(savePersonCapture(store, makeCapture({ profileUrl: 'javascript:alert(1)' }))).rejects.toThrow();
    await expect(savePersonCapture(store, makeCapture({ photoUrl: 'http://insecure.example/a.png' }))).rejects.toThrow();
    expect(await store.people.count()).toBe(0);
  });

  it('brings back a removed person when saved again', async () => {
    const store = db();
    const { person } = await savePersonCapture(store, makeCapture(), { now: 1000 });
    await removePerson(store, person.id, 1500);
    expect(await getPerson(store, person.id)).toBeUndefined();
    expect(await findPersonByUrl(store, person.profileUrl)).toBeUndefined();
    const { person: back } = await savePersonCapture(store, makeCapture(), { now: 2000 });
    expect(back).toMatchObject({ id: person.id, deletedAt: null });
    expect(await store.people.count()).toBe(1);
  });
});

describe('editPerson', () => {
  it('marks only the fields that changed as edited', async () => {
    const store = db();
    const { person } = await savePersonCapture(store, makeCapture(), { now: 1000 });
    const edited = await editPerson(store, person.id, { name: 'Ada Lovelace', company: 'Babbage & Co' }, 1200);
    expect(edited.editedFields).toStrictEqual(['company']);
    expect(edited.updatedAt).toBe(1200);
  });

  it('refuses a value that fails validation and keeps the row unchanged', async () => {
    const store = db();
    const { person } = await savePersonCapture(store, makeCapture(), { now: 1000 });
    await expect(editPerson(store, person.id, { name: '' })).rejects.toThrow();
    // The stored row reads with its derived index fields (app-db.ts DERIVED_FIELDS).
    expect(await store.people.get(person.id)).toStrictEqual(withDerived('people', person));
  });
});

describe('confirmFields', () => {
  it('marks the fields the user checked as high confidence and leaves the rest', async () => {
    const store = db();
    const { person } = await savePersonCapture(store, {
      ...makeCapture(),
      fieldSources: { ...makeCapture().fieldSources, headline: 'structure', location: 'structure' },
    });
    expect(fieldsToCheck(person)).toStrictEqual(expect.arrayContaining(['headline', 'location']));
    const confirmed = await confirmFields(store, person.id, ['headline'], 5000);
    expect(confirmed.fieldConfidence).toStrictEqual({ headline: 'high' });
    expect(fieldsToCheck(confirmed)).not.toContain('headline');
    expect(fieldsToCheck(confirmed)).toContain('location');
    expect(confirmed.updatedAt).toBe(5000);
  });
});

describe('the capture’s notes on its values (fieldNotes)', () => {
  const CUT = 'The page shows a longer name; Introbook kept the first 500 characters, cut at a word.';
  const longName = `${'Wolfeschlegelsteinhausenbergerdorff '.repeat(13).trim()}`;

  it('keeps a note with the value it describes, and a name up to 500 characters whole', async () => {
    const store = db();
    const { person } = await savePersonCapture(store, makeCapture({ name: longName, fieldNotes: { name: CUT } }));
    expect(person.name).toBe(longName);
    expect(person.name.length).toBeGreaterThan(200);
    expect((await getPerson(store, person.id))?.fieldNotes).toStrictEqual({ name: CUT });
  });

  it('a new capture brings its own notes: a value it re-reads without a note loses the old one, a value it lacks keeps it', async () => {
    const store = db();
    const { person } = await savePersonCapture(store, makeCapture({ location: 'Rotterdam', fieldNotes: { name: CUT, location: 'Read from the page layout.' } }));
    const { person: again } = await savePersonCapture(store, makeCapture({ location: null }), { now: person.updatedAt + 1 });
    expect(again.fieldNotes).toStrictEqual({ location: 'Read from the page layout.' });
    const { person: third } = await savePersonCapture(store, makeCapture({ location: 'Delft' }), { now: person.updatedAt + 2 });
    expect(third.fieldNotes).toBeUndefined();
    expect(personSchema.parse(third)).toStrictEqual(third);
  });

  it('the user’s own value has no note: editing drops it, and a re-capture does not bring it back', async () => {
    const store = db();
    const { person } = await savePersonCapture(store, makeCapture({ fieldNotes: { name: CUT, headline: 'Cut at a word.' } }));
    const edited = await editPerson(store, person.id, { name: 'Ada King' });
    expect(edited.fieldNotes).toStrictEqual({ headline: 'Cut at a word.' });
    const { person: again } = await savePersonCapture(store, makeCapture({ fieldNotes: { name: CUT } }), { now: edited.updatedAt + 1 });
    expect(again.name).toBe('Ada King');
    expect(again.fieldNotes).toBeUndefined();
  });

  it('values typed before the first save are the user’s: no note on them', async () => {
    const store = db();
    const { person } = await savePersonCapture(store, makeCapture({ fieldNotes: { name: CUT, headline: 'Cut at a word.' } }), { edits: { name: 'Ada' } });
    expect(person.fieldNotes).toStrictEqual({ headline: 'Cut at a word.' });
  });
});

describe('the people list (peoplePage, first page)', () => {
  it('lists live people, most recently captured first, up to the limit', async () => {
    const store = db();
    const names = ['Ada', 'Grace', 'Hedy', 'Alan'];
    for (const [i, name] of names.entries()) {
      await savePersonCapture(store, makeCapture({ name, profileUrl: `https://www.linkedin.com/in/${name.toLowerCase()}/` }), { now: 1000 + i });
    }
    const hedy = await findPersonByUrl(store, 'https://www.linkedin.com/in/hedy/');
    await removePerson(store, hedy!.id, 5000);
    expect((await peoplePage(store, null, 10)).people.map((p) => p.name)).toStrictEqual(['Alan', 'Grace', 'Ada']);
    expect((await peoplePage(store, null, 2)).people.map((p) => p.name)).toStrictEqual(['Alan', 'Grace']);
  });
});
