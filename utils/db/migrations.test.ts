/**
 * For every shipped schema version: seed a database declared exactly as that
 * version was, close it, open it with the current IntrobookDB, and check every
 * row still parses and every index answers.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { makeTestDb } from '../../tests/helpers/db';
import { introRequestSchema, meetingSchema, personSchema, templateSchema } from '../domain/schemas';
import { callLinkSchema, favourSchema, introIdeaSchema, taskSchema } from '../domain/ledger';
import { meetingNotesSchema } from '../domain/prep';
import { DEFAULT_TEMPLATES } from '../domain/templates';
import { photoSchema, settingsRowSchema } from '../domain/local-data';
import { SCHEMA_VERSIONS, seedTemplates } from './app-db';
import { findPersonByUrl, listRecentPeople } from './people';
import { searchPeople } from './search';

const fixtureDir = resolve(process.cwd(), 'tests/fixtures/db');

describe('database migrations', () => {
  it('has a seed fixture for every shipped schema version', () => {
    const fixtures = readdirSync(fixtureDir).filter((f) => /^v\d+\.ts$/.test(f)).sort();
    expect(fixtures).toStrictEqual(SCHEMA_VERSIONS.map((v) => `v${v.version}.ts`).sort());
  });

  it.each(SCHEMA_VERSIONS)('opens a version $version database with the current schema', async ({ version, stores }) => {
    const seed = ((await import(`../../tests/fixtures/db/v${version}.ts`)) as Record<string, Record<string, unknown[]>>)[`v${version}`]!;
    const factory = new IDBFactory();
    const old = new Dexie('introbook', { indexedDB: factory, IDBKeyRange });
    old.version(version).stores(stores);
    // From v3 on, Introbook created its databases with the built-in templates.
    if (version >= 3) old.on('populate', (tx) => seedTemplates(tx.table('templates')));
    await old.open();
    for (const [table, rows] of Object.entries(seed)) await old.table(table).bulkAdd(rows);
    old.close();

    const db = makeTestDb(factory);
    await db.open();
    if (version >= 2) expect(await findPersonByUrl(db, 'https://www.linkedin.com/sales/lead/ACwAAAda/')).toMatchObject({ name: 'Ada Lovelace' });
    for (const row of await db.intros.toArray()) expect(() => introRequestSchema.parse(row)).not.toThrow();
    for (const row of await db.templates.toArray()) expect(() => templateSchema.parse(row)).not.toThrow();
    for (const row of await db.meetings.toArray()) expect(() => meetingSchema.parse(row)).not.toThrow();
    for (const row of await db.photos.toArray()) expect(() => photoSchema.parse(row)).not.toThrow();
    for (const row of await db.settings.toArray()) expect(() => settingsRowSchema.parse(row)).not.toThrow();
    expect(await db.photos.count()).toBe(seed.photos?.length ?? 0);
    expect(await db.photos.where('url').equals('https://media.licdn.com/dms/image/ada.jpg').count()).toBe(seed.photos?.length ?? 0);
    for (const row of await db.meetingNotes.toArray()) expect(() => meetingNotesSchema.parse(row)).not.toThrow();
    for (const row of await db.tasks.toArray()) expect(() => taskSchema.parse(row)).not.toThrow();
    for (const row of await db.favours.toArray()) expect(() => favourSchema.parse(row)).not.toThrow();
    for (const row of await db.introIdeas.toArray()) expect(() => introIdeaSchema.parse(row)).not.toThrow();
    for (const row of await db.callLinks.toArray()) expect(() => callLinkSchema.parse(row)).not.toThrow();
    // Whatever version the data came from, the search index answers for it.
    expect((await searchPeople(db, 'love ada')).people.map((p) => p.name)).toStrictEqual(['Ada Lovelace']);
    // Built-in templates are there whatever version the data came from; the user's stay.
    expect((await db.templates.toArray()).filter((t) => t.builtIn)).toHaveLength(DEFAULT_TEMPLATES.length);
    expect(await db.templates.count()).toBe(DEFAULT_TEMPLATES.length + (seed.templates?.length ?? 0));
    expect(await db.intros.where('connectorId').equals('5b1c1f5e-2f7a-4f0e-9d3b-0c6a1f7f2a11').count()).toBe(seed.intros?.length ?? 0);
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    const people = await db.people.toArray();
    expect(people).toHaveLength(seed.people!.length);
    for (const row of people) expect(() => personSchema.parse(row)).not.toThrow();
    expect(await findPersonByUrl(db, 'https://www.linkedin.com/in/ada-lovelace/')).toMatchObject({ name: 'Ada Lovelace' });
    expect((await listRecentPeople(db)).map((p) => p.name)).toStrictEqual(['Ada Lovelace']);
    // v7's derived index fields answer for data from any version: names by key, live requests by status.
    expect((await db.people.where('nameKey').equals('ada lovelace').toArray()).map((p) => p.id)).toStrictEqual(['5b1c1f5e-2f7a-4f0e-9d3b-0c6a1f7f2a11']);
    expect(await db.people.where('nameKey').equals('jurgen muller').count()).toBe(0); // a tombstone
    const live = (seed.intros ?? []).filter((r) => (r as { deletedAt: unknown }).deletedAt === null);
    expect(await db.intros.where('liveStatus').above('').count()).toBe(live.length);
    db.close();
  });

  it('v4 → v7 stores each request’s next due date and seeds the new built-in templates', async () => {
    const factory = new IDBFactory();
    const old = new Dexie('introbook', { indexedDB: factory, IDBKeyRange });
    old.version(4).stores(SCHEMA_VERSIONS.find((v) => v.version === 4)!.stores);
    old.on('populate', (tx) => seedTemplates(tx.table('templates')));
    const { v4 } = await import('../../tests/fixtures/db/v4');
    await old.open();
    await old.table('people').bulkAdd(v4.people);
    await old.table('intros').bulkAdd(v4.intros);
    await old.table('meetings').bulkAdd(v4.meetings);
    // The user had deleted a built-in: it stays deleted.
    await old.table('templates').update('default-nudge', { deletedAt: 1 });
    old.close();
    const db = makeTestDb(factory);
    // "Meet …" is due when the meeting in the meetings table starts.
    expect(await db.intros.where('dueAt').equals(v4.meetings[0]!.startsAt).primaryKeys()).toStrictEqual([v4.intros[0]!.id]);
    expect(await db.intros.where('liveStatus').equals('meeting-scheduled').count()).toBe(1);
    const ids = (await db.templates.toArray()).map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining(['default-last-follow-up', 'default-reply-intro', 'default-direct-nudge']));
    expect((await db.templates.get('default-nudge'))?.deletedAt).toBe(1);
    db.close();
  });

  it('v1 → v2 gives every person positions, aliases, sources and an empty role history', async () => {
    const factory = new IDBFactory();
    const old = new Dexie('introbook', { indexedDB: factory, IDBKeyRange });
    old.version(1).stores(SCHEMA_VERSIONS[0]!.stores);
    const { v1 } = await import('../../tests/fixtures/db/v1');
    await old.open();
    await old.table('people').bulkAdd(v1.people);
    old.close();
    const db = makeTestDb(factory);
    const ada = await db.people.get('5b1c1f5e-2f7a-4f0e-9d3b-0c6a1f7f2a11');
    expect(ada).toMatchObject({
      positions: [{ title: 'Principal Engineer', company: 'Analytical Engines' }],
      aliases: [],
      fieldSources: {},
      roleHistory: [],
      // Untouched by the upgrade:
      editedFields: ['role'],
      notes: 'Met at the Royal Society',
    });
    expect((await db.people.get('9e0b7c2d-4a51-4c8e-8f3a-2b7d9e1c0f22'))?.positions).toStrictEqual([]);
    // …and v2 → v3 gives everyone the connector fields.
    expect(ada).toMatchObject({ knowsPersonally: false, closeness: null, howWeKnow: '', email: '', mutualContactIds: [], dismissedMutualIds: [] });
    db.close();
  });

  it('v3 → v4 turns a request\'s meeting time into a meeting row, once', async () => {
    const factory = new IDBFactory();
    const old = new Dexie('introbook', { indexedDB: factory, IDBKeyRange });
    old.version(3).stores(SCHEMA_VERSIONS.find((v) => v.version === 3)!.stores);
    const { v3 } = await import('../../tests/fixtures/db/v3');
    await old.open();
    await old.table('people').bulkAdd(v3.people);
    const asked = v3.intros[0]!;
    await old.table('intros').bulkAdd([
      { ...asked, id: '11111111-1111-4111-8111-111111111111', status: 'meeting-scheduled', meetingAt: 1764300000000 },
      asked,
    ]);
    old.close();
    const db = makeTestDb(factory);
    const meetings = await db.meetings.toArray();
    expect(meetings).toHaveLength(1);
    expect(meetingSchema.parse(meetings[0])).toMatchObject({
      personId: asked.targetId,
      requestId: '11111111-1111-4111-8111-111111111111',
      startsAt: 1764300000000,
      durationMin: 20,
      channel: 'other',
      link: '',
      deletedAt: null,
    });
    db.close();
  });

  it('v4 → v8 gives people tags and search words (not tombstones), and built-in thank-yous that cite the notes', async () => {
    const factory = new IDBFactory();
    const old = new Dexie('introbook', { indexedDB: factory, IDBKeyRange });
    old.version(4).stores(SCHEMA_VERSIONS.find((v) => v.version === 4)!.stores);
    old.on('populate', (tx) => seedTemplates(tx.table('templates')));
    const { v4 } = await import('../../tests/fixtures/db/v4');
    await old.open();
    await old.table('people').bulkAdd(v4.people);
    // A built-in template as v4 shipped it, and one the user changed.
    await old.table('templates').update('default-thanks-connector', { body: 'My own words, [one thing you learned or will do].' });
    await old.table('templates').update('default-thanks-target', {
      body:
        'Hi {{target.firstName}},\n\nThank you for your time today. Your advice about [the specific advice] was especially useful, and I am going to [what you will do with it]. ' +
        'I’ll let you know how it goes. Could I keep you posted?\n\n{{me.firstName}}',
    });
    old.close();
    const db = makeTestDb(factory);
    const ada = '5b1c1f5e-2f7a-4f0e-9d3b-0c6a1f7f2a11';
    expect((await db.people.get(ada))?.tags).toStrictEqual([]);
    // The index answers for every word of the live person, and for none of the tombstone's.
    for (const word of ['=ada', '=lovelace', 'analytical', 'principal', 'royal']) {
      expect(await db.people.where('searchWords').equals(word).primaryKeys()).toStrictEqual([ada]);
    }
    expect(await db.people.where('searchWords').startsWith('=j').count()).toBe(0);
    expect((await db.templates.get('default-thanks-target'))?.body).toContain('{{meeting.advice}}');
    expect((await db.templates.get('default-thanks-connector'))?.body).toBe('My own words, [one thing you learned or will do].');
    db.close();
  });

  it('a brand-new database starts with the built-in templates', async () => {
    const db = makeTestDb(new IDBFactory());
    expect((await db.templates.toArray()).map((t) => t.id).sort()).toStrictEqual(DEFAULT_TEMPLATES.map((t) => t.id).sort());
    db.close();
  });
});
