/**
 * For every schema version: seed a database declared exactly as that version
 * was, close it, open it with the current IntrobookDB, and check every row
 * still parses and every index answers. Then what each upgrade does, step by
 * step (v1 → v2 → v3 → v4).
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
import { syncConflictSchema } from '../sync/schemas';
import { SCHEMA_VERSIONS, seedTemplates, type IntrobookDB } from './app-db';
import { findPersonByUrl } from './people';
import { peoplePage } from './search';
import { searchPeople } from './search';

const fixtureDir = resolve(process.cwd(), 'tests/fixtures/db');
const ADA = '5b1c1f5e-2f7a-4f0e-9d3b-0c6a1f7f2a11';
const JURGEN = '9e0b7c2d-4a51-4c8e-8f3a-2b7d9e1c0f22';

const stores = (version: number) => SCHEMA_VERSIONS.find((v) => v.version === version)!.stores;

/** A database as `version` declared it, from Introbook's own code of then (v3 on: built-in templates seeded when created). */
async function oldDatabase(version: number, fill: (old: Dexie) => Promise<unknown>): Promise<IDBFactory> {
  const factory = new IDBFactory();
  const old = new Dexie('introbook', { indexedDB: factory, IDBKeyRange });
  old.version(version).stores(stores(version));
  if (version >= 3) old.on('populate', (tx) => seedTemplates(tx.table('templates')));
  await old.open();
  await fill(old);
  old.close();
  return factory;
}

describe('database migrations', () => {
  it('has a seed fixture for every schema version, and one version since the last release (v4)', () => {
    const fixtures = readdirSync(fixtureDir).filter((f) => /^v\d+\.ts$/.test(f)).sort();
    expect(fixtures).toStrictEqual(SCHEMA_VERSIONS.map((v) => `v${v.version}.ts`).sort());
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toStrictEqual([1, 2, 3, 4]);
  });

  it('the v4 fixture has rows for every table', async () => {
    const { v4 } = await import('../../tests/fixtures/db/v4');
    for (const table of Object.keys(stores(4))) expect((v4 as Record<string, unknown[]>)[table]?.length ?? 0, table).toBeGreaterThan(0);
  });

  it.each(SCHEMA_VERSIONS)('opens a version $version database with the current schema', async ({ version }) => {
    const seed = ((await import(`../../tests/fixtures/db/v${version}.ts`)) as Record<string, Record<string, unknown[]>>)[`v${version}`]!;
    const factory = await oldDatabase(version, async (old) => {
      for (const [table, rows] of Object.entries(seed)) await old.table(table).bulkAdd(rows);
    });

    const db = makeTestDb(factory);
    await db.open();
    if (version >= 2) expect(await findPersonByUrl(db, 'https://www.linkedin.com/sales/lead/ACwAAAda/')).toMatchObject({ name: 'Ada Lovelace' });
    for (const row of await db.intros.toArray()) expect(() => introRequestSchema.parse(row)).not.toThrow();
    for (const row of await db.templates.toArray()) expect(() => templateSchema.parse(row)).not.toThrow();
    for (const row of await db.meetings.toArray()) expect(() => meetingSchema.parse(row)).not.toThrow();
    for (const row of await db.photos.toArray()) expect(() => photoSchema.parse(row)).not.toThrow();
    for (const row of await db.settings.toArray()) expect(() => settingsRowSchema.parse(row)).not.toThrow();
    for (const row of await db.syncConflicts.toArray()) expect(() => syncConflictSchema.parse(row)).not.toThrow();
    expect(await db.photos.count()).toBe(seed.photos?.length ?? 0);
    expect(await db.photos.where('url').equals('https://media.licdn.com/dms/image/ada.jpg').count()).toBe(seed.photos?.length ?? 0);
    for (const row of await db.meetingNotes.toArray()) expect(() => meetingNotesSchema.parse(row)).not.toThrow();
    for (const row of await db.tasks.toArray()) expect(() => taskSchema.parse(row)).not.toThrow();
    for (const row of await db.favours.toArray()) expect(() => favourSchema.parse(row)).not.toThrow();
    for (const row of await db.introIdeas.toArray()) expect(() => introIdeaSchema.parse(row)).not.toThrow();
    for (const row of await db.callLinks.toArray()) expect(() => callLinkSchema.parse(row)).not.toThrow();
    expect(await db.meetingNotes.count()).toBe(seed.meetingNotes?.length ?? 0);
    expect(await db.callLinks.count()).toBe(seed.callLinks?.length ?? 0);
    // Whatever version the data came from, the search index answers for it.
    expect((await searchPeople(db, 'love ada')).people.map((p) => p.name)).toStrictEqual(['Ada Lovelace']);
    // Built-in templates are there whatever version the data came from; the user's stay.
    expect((await db.templates.toArray()).filter((t) => t.builtIn)).toHaveLength(DEFAULT_TEMPLATES.length);
    expect(await db.templates.count()).toBe(DEFAULT_TEMPLATES.length + (seed.templates?.length ?? 0));
    expect(await db.intros.where('connectorId').equals(ADA).count()).toBe(seed.intros?.length ?? 0);
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    const people = await db.people.toArray();
    expect(people).toHaveLength(seed.people!.length);
    for (const row of people) expect(() => personSchema.parse(row)).not.toThrow();
    expect(await findPersonByUrl(db, 'https://www.linkedin.com/in/ada-lovelace/')).toMatchObject({ name: 'Ada Lovelace' });
    expect((await peoplePage(db, null)).people.map((p) => p.name)).toStrictEqual(['Ada Lovelace']);
    // The derived index fields answer for data from any version: names by key, live requests by status, open tasks by due date.
    expect((await db.people.where('nameKey').equals('ada lovelace').toArray()).map((p) => p.id)).toStrictEqual([ADA]);
    expect(await db.people.where('nameKey').equals('jurgen muller').count()).toBe(0); // a tombstone
    expect(await db.people.where('searchWords').startsWith('=j').count()).toBe(0);
    const live = (seed.intros ?? []).filter((r) => (r as { deletedAt: unknown }).deletedAt === null);
    expect(await db.intros.where('liveStatus').above('').count()).toBe(live.length);
    const open = (seed.tasks ?? []).filter((t) => (t as { doneAt: unknown }).doneAt === null);
    expect(await db.tasks.where('openDueAt').above(0).count()).toBe(open.length);
    db.close();
  });

  it('v1 → v4 gives every person positions, aliases, sources, an empty role history, the connector fields, tags and index fields', async () => {
    const { v1 } = await import('../../tests/fixtures/db/v1');
    const db = makeTestDb(await oldDatabase(1, (old) => old.table('people').bulkAdd(v1.people)));
    const ada = await db.people.get(ADA);
    expect(ada).toMatchObject({
      positions: [{ title: 'Principal Engineer', company: 'Analytical Engines' }],
      aliases: [],
      fieldSources: {},
      roleHistory: [],
      // Untouched by the upgrade:
      editedFields: ['role'],
      notes: 'Met at the Royal Society',
    });
    expect((await db.people.get(JURGEN))?.positions).toStrictEqual([]);
    // …v2 → v3 gives everyone the connector fields…
    expect(ada).toMatchObject({ knowsPersonally: false, closeness: null, howWeKnow: '', email: '', mutualContactIds: [], dismissedMutualIds: [] });
    // …and v3 → v4 tags and the derived index fields.
    expect(ada).toMatchObject({ tags: [], nameKey: 'ada lovelace' });
    expect(ada?.searchWords).toEqual(expect.arrayContaining(['=ada', '=lovelace', 'analytical', 'royal']));
    db.close();
  });

  it('v2 → v4 keeps aliases findable and adds what v3 and v4 add', async () => {
    const { v2 } = await import('../../tests/fixtures/db/v2');
    const db = makeTestDb(await oldDatabase(2, (old) => old.table('people').bulkAdd(v2.people)));
    const ada = await findPersonByUrl(db, 'https://www.linkedin.com/sales/lead/ACwAAAda/');
    expect(ada).toMatchObject({ id: ADA, knowsPersonally: false, mutualContactIds: [], tags: [], nameKey: 'ada lovelace' });
    expect((await searchPeople(db, 'ada')).people.map((p) => p.id)).toStrictEqual([ADA]);
    expect((await db.templates.toArray()).filter((t) => t.builtIn)).toHaveLength(DEFAULT_TEMPLATES.length);
    db.close();
  });

  it("v3 → v4 turns a request's meeting time into a meeting row, once", async () => {
    const { v3 } = await import('../../tests/fixtures/db/v3');
    const asked = v3.intros[0]!;
    const factory = await oldDatabase(3, async (old) => {
      await old.table('people').bulkAdd(v3.people);
      await old.table('intros').bulkAdd([{ ...asked, id: '11111111-1111-4111-8111-111111111111', status: 'meeting-scheduled', meetingAt: 1764300000000 }, asked]);
    });
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

  it('v3 → v4 stores each request’s next due date (from the meeting its meeting time became) and seeds the new built-in templates', async () => {
    const { v3 } = await import('../../tests/fixtures/db/v3');
    const asked = v3.intros[0]!;
    const scheduled = { ...asked, id: '11111111-1111-4111-8111-111111111111', status: 'meeting-scheduled', meetingAt: 1764300000000 };
    const removed = { ...asked, id: '22222222-2222-4222-8222-222222222222', deletedAt: 1764000200000 };
    const factory = await oldDatabase(3, async (old) => {
      await old.table('people').bulkAdd(v3.people);
      await old.table('intros').bulkAdd([scheduled, asked, removed]);
      // v3 shipped fewer built-ins than v4 has: these arrive with the upgrade.
      await old.table('templates').bulkDelete(['default-last-follow-up', 'default-reply-intro', 'default-direct-nudge']);
      // The user had deleted a built-in: it stays deleted.
      await old.table('templates').update('default-nudge', { deletedAt: 1 });
    });
    const db = makeTestDb(factory);
    // "Meet …" is due when the meeting made from `meetingAt` starts: the meeting rows come first.
    expect(await db.intros.where('dueAt').equals(1764300000000).primaryKeys()).toStrictEqual([scheduled.id]);
    expect(await db.intros.where('liveStatus').equals('meeting-scheduled').count()).toBe(1);
    // The nudge three business days after the ask.
    expect((await db.intros.get(asked.id))?.dueAt).toBeGreaterThan(asked.history[0]!.at);
    // A deleted request is in no index.
    expect(await db.intros.get(removed.id)).not.toHaveProperty('liveStatus');
    expect(await db.intros.get(removed.id)).not.toHaveProperty('dueAt');
    const ids = (await db.templates.toArray()).map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining(['default-last-follow-up', 'default-reply-intro', 'default-direct-nudge']));
    expect((await db.templates.get('default-nudge'))?.deletedAt).toBe(1);
    db.close();
  });

  it('v3 → v4 gives people tags and search words (not tombstones), and built-in thank-yous that cite the notes', async () => {
    const { v3 } = await import('../../tests/fixtures/db/v3');
    const factory = await oldDatabase(3, async (old) => {
      await old.table('people').bulkAdd(v3.people);
      // A built-in template as v3 shipped it, and one the user changed.
      await old.table('templates').update('default-thanks-connector', { body: 'My own words, [one thing you learned or will do].' });
      await old.table('templates').update('default-thanks-target', {
        body:
          'Hi {{target.firstName}},\n\nThank you for your time today. Your advice about [the specific advice] was especially useful, and I am going to [what you will do with it]. ' +
          'I’ll let you know how it goes. Could I keep you posted?\n\n{{me.firstName}}',
      });
    });
    const db = makeTestDb(factory);
    expect((await db.people.get(ADA))?.tags).toStrictEqual([]);
    // The index answers for every word of the live person, and for none of the tombstone's.
    for (const word of ['=ada', '=lovelace', 'analytical', 'principal', 'royal']) {
      expect(await db.people.where('searchWords').equals(word).primaryKeys()).toStrictEqual([ADA]);
    }
    expect(await db.people.where('searchWords').startsWith('=j').count()).toBe(0);
    expect(await db.people.get(JURGEN)).not.toHaveProperty('searchWords');
    expect((await db.templates.get('default-thanks-target'))?.body).toContain('{{meeting.advice}}');
    expect((await db.templates.get('default-thanks-connector'))?.body).toBe('My own words, [one thing you learned or will do].');
    db.close();
  });

  it('the v3 → v4 upgrade is idempotent: run again, it changes nothing', async () => {
    const { v3 } = await import('../../tests/fixtures/db/v3');
    const factory = await oldDatabase(3, async (old) => {
      await old.table('people').bulkAdd(v3.people);
      await old.table('intros').bulkAdd([{ ...v3.intros[0]!, status: 'meeting-scheduled', meetingAt: 1764300000000 }]);
    });
    const db = makeTestDb(factory);
    await db.open();
    const snapshot = async (d: IntrobookDB) => Object.fromEntries(await Promise.all(d.tables.filter((t) => t.name !== 'meta').map(async (t) => [t.name, await t.toArray()] as const)));
    const before = await snapshot(db);
    const upgrade = SCHEMA_VERSIONS.at(-1)!.upgrade!;
    await db.transaction('rw', db.tables, (tx) => upgrade(tx));
    expect(await snapshot(db)).toStrictEqual(before);
    db.close();
  });

  it('a brand-new database starts with the built-in templates', async () => {
    const db = makeTestDb(new IDBFactory());
    expect((await db.templates.toArray()).map((t) => t.id).sort()).toStrictEqual(DEFAULT_TEMPLATES.map((t) => t.id).sort());
    db.close();
  });
});
