/**
 * "Never write onto the wrong person" (issue #7) and "typo fixes look like job
 * changes" (issue #8, defect 7), at the store. Each block starts from the state
 * the audit found and checks that a save lands on the record it was meant for,
 * or asks.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { makeCapture, makeTestDb } from '../../tests/helpers/db';
import { fieldsToCheck } from '../domain/confidence';
import { blankUserFields, type Person, type ProfileCapture } from '../domain/schemas';
import { withoutDerived, type IntrobookDB } from './app-db';
import { addConnector } from './contacts';
import {
  confirmFields,
  editPerson,
  findPersonByUrl,
  NameChangeNeedsConfirmation,
  removePerson,
  savePersonCapture,
} from './people';

const open: IntrobookDB[] = [];
function db(): IntrobookDB {
  const d = makeTestDb(new IDBFactory());
  open.push(d);
  return d;
}
afterEach(() => {
  for (const d of open.splice(0)) d.close();
});

const ANNA = 'https://www.linkedin.com/in/anna-example/';
const BERT = 'https://www.linkedin.com/in/bert-example/';
const ANNA_LEAD = 'https://www.linkedin.com/sales/lead/ACwAAAnna/';
const BERT_LEAD = 'https://www.linkedin.com/sales/lead/ACwAABert/';
const GRACE = 'https://www.linkedin.com/in/grace-hopper/';
const GRACE_ID = 'https://www.linkedin.com/in/acoaab1234xyz/';

function anna(overrides: Partial<ProfileCapture> = {}): ProfileCapture {
  return makeCapture({
    profileUrl: ANNA,
    name: 'Anna Example',
    firstName: 'Anna',
    lastName: 'Example',
    headline: 'Head of Data at Contoso',
    role: 'Head of Data',
    company: 'Contoso',
    positions: [{ title: 'Head of Data', company: 'Contoso' }],
    ...overrides,
  });
}

function bert(overrides: Partial<ProfileCapture> = {}): ProfileCapture {
  return makeCapture({
    profileUrl: BERT,
    name: 'Bert Example',
    firstName: 'Bert',
    lastName: 'Example',
    headline: 'Staff Engineer at Fabrikam',
    role: 'Staff Engineer',
    company: 'Fabrikam',
    positions: [{ title: 'Staff Engineer', company: 'Fabrikam' }],
    ...overrides,
  });
}

/** A row as an older version (or the audited bug) left it, written past the repository. */
async function seed(store: IntrobookDB, capture: ProfileCapture, extra: Partial<Person> = {}): Promise<Person> {
  const person: Person = {
    ...capture,
    id: crypto.randomUUID(),
    createdAt: 1,
    updatedAt: 1,
    capturedAt: 1,
    deletedAt: null,
    ...blankUserFields(),
    ...extra,
  };
  await store.people.add(person);
  return person;
}

describe('a capture lands only on the record its own keys name', () => {
  it('a stale alias on Anna does not let Bert’s capture overwrite her: Bert gets his own record and the user is asked', async () => {
    const store = db();
    // The audited state: a save in the stale window stored Bert's lead key as Anna's alias.
    const annaRow = await seed(store, anna({ aliases: [ANNA_LEAD, BERT_LEAD] }));
    const result = await savePersonCapture(store, bert({ aliases: [BERT_LEAD] }), { now: 2000 });
    expect(result.created).toBe(true);
    expect(result.person).toMatchObject({ profileUrl: BERT, name: 'Bert Example' });
    // The contested key stays where it was until the user decides.
    expect(result.person.aliases).toStrictEqual([]);
    expect(result.duplicate).toStrictEqual({ aId: result.person.id, bId: annaRow.id });
    expect(withoutDerived('people', await store.people.get(annaRow.id))).toStrictEqual(annaRow);
  });

  it('a lead page with no member link whose key sits on another person asks before renaming them, and writes nothing', async () => {
    const store = db();
    const annaRow = await seed(store, anna({ aliases: [BERT_LEAD] }));
    const capture = bert({ profileUrl: BERT_LEAD, source: 'linkedin-sales-navigator' });
    const error = await savePersonCapture(store, capture, { now: 2000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NameChangeNeedsConfirmation);
    expect(error).toMatchObject({ person: { id: annaRow.id }, from: 'Anna Example', to: 'Bert Example' });
    expect(withoutDerived('people', await store.people.get(annaRow.id))).toStrictEqual(annaRow);
    expect(await store.people.count()).toBe(1);
  });

  it('member-id and vanity records of one human: a save from the member-id page updates the vanity record and asks to merge, never fails', async () => {
    const store = db();
    const byId = await seed(store, makeCapture({ profileUrl: GRACE_ID, name: 'Grace Hopper', source: 'linkedin' }));
    const byVanity = await seed(store, makeCapture({ profileUrl: GRACE, name: 'Grace Hopper', headline: 'old' }));
    const result = await savePersonCapture(
      store,
      makeCapture({ profileUrl: GRACE, name: 'Grace Hopper', headline: 'Rear Admiral', aliases: [GRACE_ID] }),
      { now: 2000 },
    );
    expect(result).toMatchObject({ created: false, person: { id: byVanity.id, headline: 'Rear Admiral', aliases: [] } });
    expect(result.duplicate).toStrictEqual({ aId: byVanity.id, bId: byId.id });
    expect(withoutDerived('people', await store.people.get(byId.id))).toStrictEqual(byId);
    // Saving again asks again, and still does not fail.
    const again = await savePersonCapture(store, makeCapture({ profileUrl: GRACE, name: 'Grace Hopper', aliases: [GRACE_ID] }), { now: 3000 });
    expect(again.duplicate).toStrictEqual({ aId: byVanity.id, bId: byId.id });
    expect(await store.people.count()).toBe(2);
  });

  it('a record saved under the page’s own alias key moves to the member URL the page names', async () => {
    const store = db();
    const lead = await savePersonCapture(store, anna({ profileUrl: ANNA_LEAD, source: 'linkedin-sales-navigator' }), { now: 1000 });
    const moved = await savePersonCapture(store, anna({ aliases: [ANNA_LEAD] }), { now: 2000 });
    expect(moved).toMatchObject({ created: false, duplicate: null, person: { id: lead.person.id, profileUrl: ANNA, aliases: [ANNA_LEAD] } });
    expect(await findPersonByUrl(store, ANNA_LEAD)).toMatchObject({ id: lead.person.id });
  });

  it('a record that holds the page’s key as an alias of another URL is not taken over by a different member URL', async () => {
    const store = db();
    const annaRow = await seed(store, anna({ aliases: [ANNA_LEAD] }));
    // Anna's lead page, but this read names Bert's profile: not merged into Anna.
    const result = await savePersonCapture(store, bert({ aliases: [ANNA_LEAD] }), { now: 2000 });
    expect(result.person.id).not.toBe(annaRow.id);
    expect(result.duplicate).toStrictEqual({ aId: result.person.id, bId: annaRow.id });
    expect(withoutDerived('people', await store.people.get(annaRow.id))).toStrictEqual(annaRow);
  });

  it('a removed record under the page’s URL does not block a live one from taking the save', async () => {
    const store = db();
    const lead = await savePersonCapture(store, anna({ profileUrl: ANNA_LEAD, source: 'linkedin-sales-navigator' }), { now: 1000 });
    const old = await savePersonCapture(store, anna(), { now: 1100 });
    // Two records (from before this fix); the user removed the vanity one.
    expect(old.person.id).not.toBe(lead.person.id);
    await removePerson(store, old.person.id, 1200);
    const result = await savePersonCapture(store, anna({ aliases: [ANNA_LEAD], headline: 'new' }), { now: 2000 });
    expect(result).toMatchObject({ created: false, duplicate: null, person: { id: lead.person.id, headline: 'new' } });
    expect(result.person.aliases).toContain(ANNA);
    expect(await findPersonByUrl(store, ANNA)).toMatchObject({ id: lead.person.id });
  });
});

describe('keys are never lost', () => {
  it('keeps the original key findable when the alias list is full', async () => {
    const store = db();
    const many = Array.from({ length: 20 }, (_, i) => `https://www.linkedin.com/talent/profile/AEMA${i}/`);
    const first = await seed(store, makeCapture({ profileUrl: GRACE_ID, name: 'Grace Hopper', aliases: many }));
    const { person } = await savePersonCapture(store, makeCapture({ profileUrl: GRACE, name: 'Grace Hopper', aliases: [GRACE_ID] }), { now: 2000 });
    expect(person).toMatchObject({ id: first.id, profileUrl: GRACE });
    expect(person.aliases).toHaveLength(20);
    expect(person.aliases).toContain(GRACE_ID);
    expect(person.aliases[0]).toBe(many[0]);
    expect(await findPersonByUrl(store, GRACE_ID)).toMatchObject({ id: first.id });
    // A later save from the member-id page (no vanity shown) finds the same person.
    const again = await savePersonCapture(store, makeCapture({ profileUrl: GRACE_ID, name: 'Grace Hopper' }), { now: 3000 });
    expect(again).toMatchObject({ created: false, person: { id: first.id } });
    expect(await store.people.count()).toBe(1);
  });

  it('a connector added by hand with a link the store knows only as an alias is the saved person, not a second one', async () => {
    const store = db();
    const { person } = await savePersonCapture(store, makeCapture({ profileUrl: GRACE, name: 'Grace Hopper', aliases: [GRACE_ID] }), { now: 1000 });
    const added = await addConnector(
      store,
      { name: 'Grace Hopper', howWeKnow: 'Navy', email: '', profileUrl: 'https://www.linkedin.com/in/ACoAAB1234xyz', closeness: 2 },
      null,
      2000,
    );
    expect(added.id).toBe(person.id);
    expect(await store.people.count()).toBe(1);
  });

  it('a person added by hand under an alias key is found when the page names their member URL', async () => {
    const store = db();
    const added = await addConnector(
      store,
      { name: 'Grace Hopper', howWeKnow: 'Navy', email: '', profileUrl: GRACE_ID, closeness: 2 },
      null,
      1000,
    );
    const { person, created } = await savePersonCapture(store, makeCapture({ profileUrl: GRACE, name: 'Grace Hopper', aliases: [GRACE_ID] }), { now: 2000 });
    expect(created).toBe(false);
    expect(person).toMatchObject({ id: added.id, profileUrl: GRACE, howWeKnow: 'Navy', knowsPersonally: true });
    expect(await store.people.count()).toBe(1);
  });

  it('a profile whose name is that of someone added by hand (no link) is saved apart and offered for merging, not merged unasked', async () => {
    const store = db();
    const byHand = await addConnector(store, { name: 'Omar Haddad', howWeKnow: 'Worked together', email: '', profileUrl: '', closeness: 3 }, null, 1000);
    const saved = await savePersonCapture(store, makeCapture({ profileUrl: 'https://www.linkedin.com/in/omar-haddad/', name: 'Omar Haddad' }), { now: 2000 });
    expect(saved.created).toBe(true);
    expect(saved.duplicate).toStrictEqual({ aId: saved.person.id, bId: byHand.id });
    expect((await store.people.get(byHand.id))?.howWeKnow).toBe('Worked together'); // untouched
    // Another new profile of that name is offered the same hand-added record: the user decides which, if either.
    const other = await savePersonCapture(store, makeCapture({ profileUrl: 'https://www.linkedin.com/in/omar-haddad-2/', name: 'Omar Haddad' }), { now: 3000 });
    expect(other.duplicate).toStrictEqual({ aId: other.person.id, bId: byHand.id });
    const again = await savePersonCapture(store, makeCapture({ profileUrl: 'https://www.linkedin.com/in/omar-haddad/', name: 'Omar Haddad' }), { now: 4000 });
    expect(again).toMatchObject({ created: false, duplicate: null });
  });
});

describe('a save that renames someone asks first', () => {
  it('refuses to rename a stored person without the user’s OK, and renames with it', async () => {
    const store = db();
    const { person } = await savePersonCapture(store, makeCapture(), { now: 1000 });
    const error = await savePersonCapture(store, makeCapture({ name: 'Grace Hopper', headline: 'Admiral' }), { now: 2000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NameChangeNeedsConfirmation);
    expect(withoutDerived('people', await store.people.get(person.id))).toStrictEqual(person);
    const { person: renamed } = await savePersonCapture(store, makeCapture({ name: 'Grace Hopper', headline: 'Admiral' }), { now: 2000, confirmName: true });
    expect(renamed).toMatchObject({ id: person.id, name: 'Grace Hopper', headline: 'Admiral' });
  });

  it('does not ask for the same name written differently (case, accents, spacing)', async () => {
    const store = db();
    await savePersonCapture(store, makeCapture({ name: 'Zoe Angstrom' }), { now: 1000 });
    const { person } = await savePersonCapture(store, makeCapture({ name: 'Zoë  Ångström' }), { now: 2000 });
    expect(person.name).toBe('Zoë  Ångström');
  });

  it('does not ask when the user owns the name: the page’s name is held back instead', async () => {
    const store = db();
    const { person } = await savePersonCapture(store, makeCapture(), { now: 1000 });
    await editPerson(store, person.id, { name: 'Countess Ada' }, 1500);
    const result = await savePersonCapture(store, makeCapture({ name: 'Ada King' }), { now: 2000 });
    expect(result.person.name).toBe('Countess Ada');
    expect(result.heldBack).toStrictEqual([{ field: 'name', stored: 'Countess Ada', captured: 'Ada King', edited: true }]);
  });

  it('asks before a name typed in the popup replaces the stored one', async () => {
    const store = db();
    await savePersonCapture(store, makeCapture(), { now: 1000 });
    await expect(savePersonCapture(store, makeCapture(), { now: 2000, edits: { name: 'Someone Else' } })).rejects.toBeInstanceOf(
      NameChangeNeedsConfirmation,
    );
  });
});

describe('user edits correct the current record; only the page records a job change (issue #8, defect 7)', () => {
  it('a typo fix to the company in the popup is not a job change, and the current position follows it', async () => {
    const store = db();
    await savePersonCapture(store, bert(), { now: 1000 });
    const { person } = await savePersonCapture(store, bert(), { now: 2000, edits: { company: 'Fabrikam Inc.' } });
    expect(person).toMatchObject({ company: 'Fabrikam Inc.', roleHistory: [], editedFields: ['company'] });
    expect(person.positions[0]).toStrictEqual({ title: 'Staff Engineer', company: 'Fabrikam Inc.' });
  });

  it('an edit in the side panel is not a job change either, and positions follow role and company', async () => {
    const store = db();
    const { person } = await savePersonCapture(store, bert({ positions: [{ title: 'Staff Engineer', company: 'Fabrikam' }, { title: 'Advisor', company: 'Tailspin' }] }), { now: 1000 });
    const edited = await editPerson(store, person.id, { role: 'Staff Software Engineer', company: 'Fabrikam Inc.' }, 1500);
    expect(edited.roleHistory).toStrictEqual([]);
    expect(edited.positions).toStrictEqual([
      { title: 'Staff Software Engineer', company: 'Fabrikam Inc.' },
      { title: 'Advisor', company: 'Tailspin' },
    ]);
    const cleared = await editPerson(store, person.id, { role: null, company: null }, 1600);
    expect(cleared.positions).toStrictEqual([{ title: 'Advisor', company: 'Tailspin' }]);
  });

  it('a re-capture of the same job after the user corrected it records nothing', async () => {
    const store = db();
    const { person } = await savePersonCapture(store, bert(), { now: 1000 });
    await editPerson(store, person.id, { company: 'Fabrikam Inc.' }, 1500);
    const again = await savePersonCapture(store, bert(), { now: 2000 });
    expect(again.person).toMatchObject({ company: 'Fabrikam Inc.', roleHistory: [] });
    expect(again.person.positions[0]).toStrictEqual({ title: 'Staff Engineer', company: 'Fabrikam Inc.' });
  });

  it('a capture that differs only in case, punctuation or a legal suffix is the same job', async () => {
    const store = db();
    await savePersonCapture(store, bert(), { now: 1000 });
    const { person } = await savePersonCapture(store, bert({ company: 'FABRIKAM, Inc.', positions: [{ title: 'Staff Engineer', company: 'FABRIKAM, Inc.' }] }), { now: 2000 });
    expect(person.company).toBe('FABRIKAM, Inc.');
    expect(person.roleHistory).toStrictEqual([]);
  });

  it('a capture that shows a different job records the old one', async () => {
    const store = db();
    await savePersonCapture(store, bert(), { now: 1000 });
    const { person } = await savePersonCapture(store, bert({ role: 'CTO', company: 'Tailspin', positions: [{ title: 'CTO', company: 'Tailspin' }] }), { now: 2000 });
    expect(person.roleHistory).toStrictEqual([{ role: 'Staff Engineer', company: 'Fabrikam', until: 2000 }]);
    expect(person.positions[0]).toStrictEqual({ title: 'CTO', company: 'Tailspin' });
  });

  it('a new job on the page is recorded even when the user had corrected the role', async () => {
    const store = db();
    const { person } = await savePersonCapture(store, bert(), { now: 1000 });
    await editPerson(store, person.id, { role: 'Staff Software Engineer' }, 1500);
    const again = await savePersonCapture(store, bert({ company: 'Tailspin', positions: [{ title: 'Staff Engineer', company: 'Tailspin' }] }), { now: 2000 });
    expect(again.person).toMatchObject({ role: 'Staff Software Engineer', company: 'Tailspin' });
    expect(again.person.roleHistory).toStrictEqual([{ role: 'Staff Software Engineer', company: 'Fabrikam', until: 2000 }]);
    // Role (the user's) and the current position agree.
    expect(again.person.positions[0]).toStrictEqual({ title: 'Staff Software Engineer', company: 'Tailspin' });
  });
});

describe('confidence after saves and edits', () => {
  it('a new page value needs checking again; the same value keeps the user’s OK; an edit is the user’s word', async () => {
    const store = db();
    const layout = { ...makeCapture().fieldSources, headline: 'structure', location: 'structure' } as const;
    const { person } = await savePersonCapture(store, makeCapture({ fieldSources: layout }), { now: 1000 });
    await confirmFields(store, person.id, ['headline', 'location'], 1100);
    const same = await savePersonCapture(store, makeCapture({ fieldSources: layout }), { now: 2000 });
    expect(fieldsToCheck(same.person)).toStrictEqual([]);
    const moved = await savePersonCapture(store, makeCapture({ fieldSources: layout, location: 'Paris, France' }), { now: 3000 });
    expect(fieldsToCheck(moved.person)).toStrictEqual(['location']);
    const edited = await editPerson(store, person.id, { location: 'Paris' }, 3100);
    expect(fieldsToCheck(edited)).toStrictEqual([]);
  });
});

describe('input hygiene at the store', () => {
  it.each(['\u3164', '\u115F\u1160', '\uFFA0 \uFFA0', '\u00AD', '\u200B\u200D', '\uD800'])('refuses a name made of %j', async (name) => {
    const store = db();
    await expect(savePersonCapture(store, makeCapture({ name }))).rejects.toThrow();
    expect(await store.people.count()).toBe(0);
  });

  it('cleans invisible characters out of what it stores', async () => {
    const store = db();
    const { person } = await savePersonCapture(store, makeCapture({ name: 'Ada\u00AD Love\u200Blace\u3164', headline: '\u202EEngineer' }));
    expect(person).toMatchObject({ name: 'Ada Lovelace', headline: 'Engineer' });
  });
});
