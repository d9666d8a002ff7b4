/**
 * Backup, import and restore: the store never loses a row, a bad file never
 * changes it, and the user is told why.
 */
import Dexie, { type DBCore, type DBCoreMutateRequest } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PIXEL_PNG, seedEverything, snapshot } from '@/tests/helpers/backup';
import { makeCapture, makeTestDb, quotaError } from '@/tests/helpers/db';
import { v3 } from '@/tests/fixtures/db/v3';
import { canonicalProfileUrl } from '../core/canonical-url';
import { IntrobookDB, LOCAL_ONLY_TABLES, SCHEMA_VERSIONS } from '../db/app-db';
import { storageFullMessage, StorageFullError } from '../db/errors';
import { savePersonCapture } from '../db/people';
import { getSettings } from '../settings';
import { exportBackup } from './export';
import { BACKUP_FORMAT_VERSION, ROW_SCHEMAS } from './format';
import { ImportChangedError, applyImport, planImport, type ImportPlan } from './merge';
import { prepareBackup } from './prepare';
import { CURRENT_SCHEMA_VERSION, readBackupText } from './read';
import { applyRestore, planRestore, removeLeftoverStaging } from './restore';

const dbs: IntrobookDB[] = [];
function freshDb(factory = new IDBFactory()): IntrobookDB {
  const db = makeTestDb(factory);
  dbs.push(db);
  return db;
}
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

async function exportText(db: IntrobookDB, exclude?: string[]): Promise<string> {
  return (await exportBackup(db, { exclude })).blob.text();
}

/** The whole import flow as the Settings page runs it, up to the plan. */
async function plan(db: IntrobookDB, text: string, policy?: 'keep-mine' | 'take-file'): Promise<ImportPlan> {
  const read = readBackupText(text);
  if (!read.ok) throw new Error(read.error);
  return planImport(db, await prepareBackup(db, read.file), { policy });
}

async function importText(db: IntrobookDB, text: string): Promise<ImportPlan> {
  const p = await plan(db, text);
  await applyImport(db, p);
  return p;
}

function backupJson(tables: Record<string, unknown[]>, overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: 'introbook-backup',
    formatVersion: 1,
    exportedAt: 1_767_000_000_000,
    app: { name: 'Introbook', version: '0.1.0' },
    schemaVersion: CURRENT_SCHEMA_VERSION,
    kind: 'export',
    tables,
    ...overrides,
  });
}

/** Makes the n-th write of a table fail, as a full disk would (optionally wrapped the way Dexie wraps aborts). */
async function failWrite(db: Dexie, table: string, nth: number, error: () => Error) {
  let count = 0;
  // Middleware takes effect when the database opens.
  db.close();
  db.use({
    stack: 'dbcore',
    name: 'test-fail-write',
    create: (down: DBCore) => ({
      ...down,
      table: (name: string) => {
        const t = down.table(name);
        return {
          ...t,
          mutate: (req: DBCoreMutateRequest) => {
            if (name === table && req.type !== 'delete' && ++count === nth) return Promise.reject(error());
            return t.mutate(req);
          },
        };
      },
    }),
  });
  await db.open();
}


describe('export → import', () => {
  it('round-trips every table: a fresh store ends up equal to the original', async () => {
    const source = freshDb();
    await seedEverything(source);
    const text = await exportText(source);

    const target = freshDb();
    const p = await importText(target, text);
    expect(p.totals.invalid).toBe(0);
    expect(p.totals.conflicts).toBe(0);
    expect(await snapshot(target)).toStrictEqual(await snapshot(source));
    expect((await getSettings(target)).name).toBe('Sam Rivera');
  });

  it('holds every table except local bookkeeping, one row per line', async () => {
    const db = freshDb();
    await seedEverything(db);
    const { blob, counts } = await exportBackup(db);
    const file = JSON.parse(await blob.text());
    const expected = db.tables.map((t) => t.name).filter((n) => !LOCAL_ONLY_TABLES.has(n)).sort();
    expect(Object.keys(file.tables).sort()).toStrictEqual(expected);
    expect(counts.people).toBe(4);
    expect(file).toMatchObject({ format: 'introbook-backup', formatVersion: BACKUP_FORMAT_VERSION, schemaVersion: CURRENT_SCHEMA_VERSION });
    expect((await blob.text()).split('\n').filter((l) => l.startsWith('{"')).length).toBeGreaterThan(4);
  });

  it('reports progress up to the total', async () => {
    const db = freshDb();
    await seedEverything(db);
    const seen: { done: number; total: number }[] = [];
    await exportBackup(db, { onProgress: (p) => seen.push(p) });
    expect(seen.at(-1)!.done).toBe(seen.at(-1)!.total);
    expect(seen.at(-1)!.total).toBeGreaterThan(10);
  });

  it('is idempotent: the same file twice changes nothing the second time', async () => {
    const source = freshDb();
    await seedEverything(source);
    const text = await exportText(source);
    const target = freshDb();
    await savePersonCapture(target, makeCapture({ profileUrl: 'https://www.linkedin.com/in/someone-else/', name: 'Someone Else' }));
    await importText(target, text);
    const after = await snapshot(target);
    const again = await plan(target, text);
    expect(again.totals).toMatchObject({ added: 0, updated: 0, conflicts: 0, invalid: 0 });
    await applyImport(target, again);
    expect(await snapshot(target)).toStrictEqual(after);
  });

  it('matches people by canonical profile URL and makes every reference follow the saved id', async () => {
    const source = freshDb();
    const { ada, request, meeting, task, idea } = await seedEverything(source);
    const text = await exportText(source);

    // This machine saved Ada on its own: another id, same URL, and an older note.
    const target = freshDb();
    const mine = (await savePersonCapture(target, makeCapture(), { now: 1_700_000_000_000 })).person;
    expect(mine.id).not.toBe(ada.id);

    const p = await importText(target, text);
    expect(p.matchedByUrl).toBe(1);
    const people = await target.people.where('profileUrl').equals(ada.profileUrl).toArray();
    expect(people.map((x) => x.id)).toStrictEqual([mine.id]);
    expect((await target.intros.get(request.id))!.targetId).toBe(mine.id);
    expect((await target.meetings.toArray())[0]!.personId).toBe(mine.id);
    expect((await target.photos.get(mine.id))?.dataUrl).toBe(PIXEL_PNG);
    expect(await target.photos.get(ada.id)).toBeUndefined();
    // The workspace follows too: the prep sheet, tasks, intro ideas, the remembered call link.
    expect((await target.meetingNotes.get(meeting.id))!.personId).toBe(mine.id);
    expect((await target.tasks.get(task.id))!.personId).toBe(mine.id);
    expect((await target.introIdeas.get(idea.id))!.bId).toBe(mine.id);
    expect((await target.callLinks.get('meet:abc-defg-hij'))!.personId).toBe(mine.id);
    // …and again: nothing new.
    expect((await plan(target, text)).totals).toMatchObject({ added: 0, updated: 0 });
  });

  it('matches a person saved here under a link the file knows as an alias (member-id URL)', async () => {
    const memberUrl = canonicalProfileUrl('https://www.linkedin.com/in/ACoAAAda123/')!;
    const source = freshDb();
    const ada = (await savePersonCapture(source, makeCapture({ aliases: [memberUrl] }), { now: 1_800_000_000_000 })).person;
    const target = freshDb();
    const mine = (await savePersonCapture(target, makeCapture({ profileUrl: memberUrl }), { now: 1 })).person;
    const p = await importText(target, await exportText(source));
    expect(p.matchedByUrl).toBe(1);
    expect(await target.people.count()).toBe(1);
    expect((await target.people.get(mine.id))!.profileUrl).toBe(ada.profileUrl);
  });

  it('keeps your newer copy unless you choose the file’s, and says why', async () => {
    const source = freshDb();
    const { grace } = await seedEverything(source);
    const text = await exportText(source);
    const target = freshDb();
    await importText(target, text);
    await target.people.update(grace.id, { notes: 'My newer note', updatedAt: Date.now() });

    const keep = await plan(target, text);
    expect(keep.totals.conflicts).toBe(1);
    expect(keep.tables.find((t) => t.table === 'people')!.conflicts[0]).toMatchObject({
      label: 'Grace Hopper',
      reason: expect.stringMatching(/^your copy was changed later/),
    });
    // Both times in the user's locale and time zone, not as UTC ISO text.
    const reason = keep.tables.find((t) => t.table === 'people')!.conflicts[0]!.reason;
    expect(reason).not.toMatch(/UTC|\d{4}-\d{2}-\d{2}/);
    expect(reason).toContain(new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(grace.updatedAt));
    await applyImport(target, keep);
    expect((await target.people.get(grace.id))!.notes).toBe('My newer note');

    const take = await plan(target, text, 'take-file');
    expect(take.totals).toMatchObject({ conflicts: 0, updated: 1 });
    await applyImport(target, take);
    expect((await target.people.get(grace.id))!.notes).toMatch(/^Met at COBOL night/);
  });

  it('takes the file’s copy when it is newer', async () => {
    const target = freshDb();
    const { grace } = await seedEverything(target);
    const source = freshDb();
    await importText(source, await exportText(target));
    await source.people.update(grace.id, { headline: 'Rear Admiral', updatedAt: Date.now() });
    const p = await importText(target, await exportText(source));
    expect(p.totals).toMatchObject({ updated: 1, added: 0, conflicts: 0 });
    expect((await target.people.get(grace.id))!.headline).toBe('Rear Admiral');
  });

  it('refuses to put a person on a URL another saved person owns', async () => {
    const source = freshDb();
    const { grace, ada } = await seedEverything(source);
    const target = freshDb();
    await importText(target, await exportText(source));
    // In the file, Grace now has Ada's URL (and Ada is not in it).
    const file = JSON.parse(await exportText(source));
    file.tables.people = file.tables.people.filter((p: { id: string }) => p.id !== ada.id);
    const g = file.tables.people.find((p: { id: string }) => p.id === grace.id);
    g.profileUrl = 'https://www.linkedin.com/in/ada-lovelace/';
    g.updatedAt = Date.now();
    const before = await snapshot(target);
    const p = await plan(target, JSON.stringify(file));
    expect(p.tables.find((t) => t.table === 'people')!.conflicts).toEqual([
      expect.objectContaining({ label: 'Grace Hopper', reason: 'its profile URL belongs to another saved person, “Ada Lovelace”' }),
    ]);
    await applyImport(target, p);
    expect(await snapshot(target)).toStrictEqual(before);
  });
});

describe('files that must change nothing', () => {
  let db: IntrobookDB;
  let before: Record<string, unknown[]>;
  let good: string;
  beforeEach(async () => {
    const source = freshDb();
    await seedEverything(source);
    good = await exportText(source);
    db = freshDb();
    await seedEverything(db, 1_800_000_000_000);
    before = await snapshot(db);
  });

  it.each([
    ['an empty file', () => '', /empty/],
    ['random bytes', () => '\u0000\u0001garbage\uFFFD', /not an Introbook backup/],
    ['a truncated backup', () => good.slice(0, Math.floor(good.length / 2)), /damaged or incomplete.*cut short/],
    ['a JSON array', () => '[1, 2, 3]', /not an Introbook backup/],
    ['some other JSON', () => '{"people": []}', /not an Introbook backup/],
    ['a CSV export', () => 'Name,Company\nAda,Engines\n', /CSV and vCard files are for other apps/],
    ['a vCard', () => 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ada\r\nEND:VCARD\r\n', /CSV and vCard/],
    ['tables of the wrong type', () => backupJson({}, { tables: 'people' }), /damaged: tables:/],
    ['a table that is not a list', () => backupJson({ people: { a: 1 } as unknown as unknown[] }), /damaged: tables\.people/],
    ['a hostile table name', () => backupJson({ __proto__x: [] , 'x;drop': [] }), /damaged: tables/],
    ['a newer backup format', () => backupJson({}, { formatVersion: BACKUP_FORMAT_VERSION + 1 }), /newer version of Introbook \(backup format 2.*Update Introbook/],
    ['newer data', () => backupJson({}, { schemaVersion: CURRENT_SCHEMA_VERSION + 1 }), /newer version of Introbook \(data version/],
  ])('%s is refused with a reason', async (_, make, reason) => {
    const read = readBackupText(make());
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error).toMatch(reason);
    expect(!read.ok && read.error).toMatch(/Nothing was changed\.$/);
    expect(await snapshot(db)).toStrictEqual(before);
  });

  it('hostile rows are listed with reasons and never written; markup and formulas stay plain text', async () => {
    const ts = 1_900_000_000_000;
    const person = (over: Record<string, unknown>) => ({
      ...makeCapture(),
      id: crypto.randomUUID(),
      createdAt: ts,
      updatedAt: ts,
      capturedAt: ts,
      deletedAt: null,
      editedFields: [],
      notes: '',
      roleHistory: [],
      knowsPersonally: false,
      closeness: null,
      howWeKnow: '',
      email: '',
      mutualContactIds: [],
      dismissedMutualIds: [],
      ...over,
    });
    const text = backupJson({
      people: [
        person({ profileUrl: 'https://www.linkedin.com/in/markup/', name: '<img src=x onerror=alert(1)>' }),
        person({ profileUrl: 'https://www.linkedin.com/in/formula/', name: '=HYPERLINK("https://evil.example","x")' }),
        person({ profileUrl: 'https://www.linkedin.com/in/huge/', name: 'Huge', notes: 'x'.repeat(1_000_000) }),
        person({ profileUrl: 'https://www.linkedin.com/in/bad-photo/', name: 'Bad Photo', photoUrl: 'javascript:alert(1)' }),
        person({ profileUrl: 'javascript:alert(1)', name: 'Bad URL' }),
        'not a person',
        person({ id: 'not-a-uuid', profileUrl: 'https://www.linkedin.com/in/bad-id/' }),
      ],
      photos: [{ id: crypto.randomUUID(), url: 'https://evil.example/x.png', dataUrl: 'https://evil.example/tracker.gif', width: 1, height: 1, createdAt: 1, updatedAt: 1 }],
      settings: [{ id: 'user', value: { resumeUrl: 'javascript:alert(document.cookie)' }, updatedAt: ts }],
    });
    const p = await plan(db, text);
    const people = p.tables.find((t) => t.table === 'people')!;
    expect(people.added.map((r) => r.name)).toStrictEqual(['<img src=x onerror=alert(1)>', '=HYPERLINK("https://evil.example","x")']);
    expect(people.invalid.map((i) => [i.row, i.reason])).toStrictEqual([
      [3, expect.stringMatching(/^notes: Too big/)],
      [4, expect.stringMatching(/^photoUrl: /)],
      [5, expect.stringMatching(/^profileUrl: /)],
      [6, 'not a record'],
      [7, expect.stringMatching(/^id: /)],
    ]);
    expect(p.tables.find((t) => t.table === 'photos')!.invalid[0]!.reason).toMatch(/^dataUrl: must be a base64 image data: URL/);
    expect(p.tables.find((t) => t.table === 'settings')!.invalid[0]!.reason).toMatch(/^value\.resumeUrl/);
    // Planning wrote nothing.
    expect(await snapshot(db)).toStrictEqual(before);
    await applyImport(db, p);
    const after = await snapshot(db);
    expect(after.people).toHaveLength(before.people!.length + 2);
    expect(after.photos).toStrictEqual(before.photos);
    expect(after.settings).toStrictEqual(before.settings);
  });

  it('a request pointing at nobody is left out, with the reason', async () => {
    const file = JSON.parse(good);
    file.tables.intros[0].targetId = crypto.randomUUID();
    const p = await plan(db, JSON.stringify(file));
    expect(p.tables.find((t) => t.table === 'intros')!.invalid).toEqual([
      expect.objectContaining({ reason: expect.stringMatching(/^targetId refers to a person \(.*\) that is neither in this file nor saved here$/) }),
    ]);
  });

  it('a failure while writing (a full disk) leaves the store exactly as it was and says so', async () => {
    const big = freshDb();
    await big.people.bulkAdd(await Promise.all(Array.from({ length: 2500 }, (_, i) => seedPerson(i))));
    const text = await exportText(big);
    await failWrite(db, 'people', 2, quotaError); // the second chunk written
    const p = await plan(db, text);
    expect(p.totals.added).toBe(2500);
    const error = await applyImport(db, p).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as Error).message).toBe(storageFullMessage());
    expect(await snapshot(db)).toStrictEqual(before);
  });

  it('recognises a quota error wrapped in an abort', async () => {
    const p = await plan(db, good.replaceAll('Grace Hopper', 'Grace M. Hopper').replaceAll('"updatedAt":1767', '"updatedAt":1967'));
    await failWrite(db, 'people', 1, () => new Dexie.AbortError('Transaction aborted', quotaError()));
    await expect(applyImport(db, p)).rejects.toBeInstanceOf(StorageFullError);
    expect(await snapshot(db)).toStrictEqual(before);
  });

  it('a change to the store between review and import aborts it', async () => {
    const p = await plan(db, good.replaceAll('"updatedAt":1767', '"updatedAt":1967'));
    expect(p.totals.updated).toBeGreaterThan(0);
    const changed = p.tables.find((t) => t.table === 'people')!.updated[0]!;
    await db.people.update(String(changed.id), { notes: 'typed meanwhile', updatedAt: Date.now() });
    const now = await snapshot(db);
    await expect(applyImport(db, p)).rejects.toBeInstanceOf(ImportChangedError);
    expect(await snapshot(db)).toStrictEqual(now);
  });

  it('a person saved meanwhile under a URL the import would add aborts it', async () => {
    const empty = freshDb();
    const p = await plan(empty, good);
    await savePersonCapture(empty, makeCapture({ profileUrl: 'https://www.linkedin.com/in/grace-hopper/', name: 'Grace Hopper' }));
    const now = await snapshot(empty);
    await expect(applyImport(empty, p)).rejects.toBeInstanceOf(ImportChangedError);
    expect(await snapshot(empty)).toStrictEqual(now);
  });
});

let seedCounter = 0;
async function seedPerson(i: number) {
  seedCounter += 1;
  const ts = 1_700_000_000_000 + i;
  return {
    ...makeCapture({ profileUrl: `https://www.linkedin.com/in/person-${seedCounter}-${i}/`, name: `Person ${i}` }),
    id: crypto.randomUUID(),
    createdAt: ts,
    updatedAt: ts,
    capturedAt: ts,
    deletedAt: null,
    editedFields: [],
    notes: '',
    roleHistory: [],
    knowsPersonally: false,
    closeness: null,
    howWeKnow: '',
    email: '',
    mutualContactIds: [],
    dismissedMutualIds: [],
    tags: [],
  };
}

describe('older data', () => {
  it('a backup of data version 3 is brought up to date by the same upgrades a store runs', async () => {
    const asked = v3.intros[0]!;
    const text = backupJson(
      {
        people: v3.people,
        intros: [{ ...asked, id: '11111111-1111-4111-8111-111111111111', status: 'meeting-scheduled', meetingAt: 1764300000000 }],
        templates: v3.templates,
      },
      { schemaVersion: 3 },
    );
    const db = freshDb();
    const builtIns = await db.templates.count();
    const p = await importText(db, text);
    expect(p.totals.invalid).toBe(0);
    // v3 → v4 turned the request's meeting time into a meeting.
    expect(await db.meetings.toArray()).toEqual([
      expect.objectContaining({ requestId: '11111111-1111-4111-8111-111111111111', startsAt: 1764300000000, personId: asked.targetId }),
    ]);
    expect(await db.people.count()).toBe(v3.people.length);
    // Built-ins the upgrade would seed are not re-added over this store's.
    expect(await db.templates.count()).toBe(builtIns + v3.templates.length);
    // No staging database is left behind.
    expect((await (db as unknown as { _deps: { indexedDB: IDBFactory } })._deps.indexedDB.databases()).map((d) => d.name)).toStrictEqual(['introbook']);
  });
});

describe('restore (replace everything)', () => {
  it('replaces every table the file holds through a staging database, and nothing else', async () => {
    const source = freshDb();
    await seedEverything(source);
    const text = await exportText(source);
    const factory = new IDBFactory();
    const db = freshDb(factory);
    await savePersonCapture(db, makeCapture({ profileUrl: 'https://www.linkedin.com/in/only-here/', name: 'Only Here' }));
    const read = readBackupText(text);
    if (!read.ok) throw new Error(read.error);
    const restore = await planRestore(db, await prepareBackup(db, read.file));
    expect((await factory.databases()).map((d) => d.name)).toContain(restore.stagingName);
    expect(await db.people.count()).toBe(1); // the live store is untouched until applied
    await applyRestore(db, restore);
    expect(await snapshot(db)).toStrictEqual(await snapshot(source));
    expect((await factory.databases()).map((d) => d.name)).toStrictEqual(['introbook']);
  });

  it('reports rows that break the store’s rules and restores the rest', async () => {
    const source = freshDb();
    const { ada } = await seedEverything(source);
    const file = JSON.parse(await exportText(source));
    file.tables.people.push({ ...file.tables.people.find((p: { id: string }) => p.id === ada.id), id: crypto.randomUUID() });
    const db = freshDb();
    const read = readBackupText(JSON.stringify(file));
    if (!read.ok) throw new Error(read.error);
    const restore = await planRestore(db, await prepareBackup(db, read.file));
    expect(restore.tables.find((t) => t.table === 'people')!.invalid).toEqual([
      expect.objectContaining({ row: 5, label: 'Ada Lovelace', reason: expect.stringContaining('same profile URL') }),
    ]);
    await applyRestore(db, restore);
    expect(await db.people.count()).toBe(4);
  });

  it('a failure while replacing leaves the store exactly as it was', async () => {
    const source = freshDb();
    await seedEverything(source);
    const db = freshDb();
    await seedEverything(db, 1_800_000_000_000);
    const before = await snapshot(db);
    const read = readBackupText(await exportText(source));
    if (!read.ok) throw new Error(read.error);
    const restore = await planRestore(db, await prepareBackup(db, read.file));
    await failWrite(db, 'templates', 1, quotaError);
    await expect(applyRestore(db, restore)).rejects.toBeInstanceOf(StorageFullError);
    expect(await snapshot(db)).toStrictEqual(before);
  });

  it('refuses to apply when the staged copy is gone, and cleans up only old leftovers', async () => {
    const source = freshDb();
    await seedEverything(source);
    const factory = new IDBFactory();
    const db = freshDb(factory);
    await seedEverything(db, 1_800_000_000_000);
    const before = await snapshot(db);
    const read = readBackupText(await exportText(source));
    if (!read.ok) throw new Error(read.error);
    const restore = await planRestore(db, await prepareBackup(db, read.file));
    await removeLeftoverStaging(db);
    expect((await factory.databases()).map((d) => d.name)).toContain(restore.stagingName);
    await removeLeftoverStaging(db, Date.now() + 2 * 86_400_000);
    expect((await factory.databases()).map((d) => d.name)).toStrictEqual(['introbook']);
    await expect(applyRestore(db, restore)).rejects.toThrow(/no longer there.*Nothing was changed/);
    expect(await snapshot(db)).toStrictEqual(before);
  });

  it('keeps photos when the file has none, except those of people no longer there', async () => {
    const db = freshDb();
    const { ada } = await seedEverything(db);
    const stranger = crypto.randomUUID();
    await db.photos.put({ id: stranger, url: 'https://media.licdn.com/x.jpg', dataUrl: PIXEL_PNG, width: 1, height: 1, createdAt: 1, updatedAt: 1 });
    const read = readBackupText(await exportText(db, ['photos']));
    if (!read.ok) throw new Error(read.error);
    await applyRestore(db, await planRestore(db, await prepareBackup(db, read.file)));
    expect((await db.photos.toArray()).map((p) => p.id)).toStrictEqual([ada.id]);
  });
});

describe('the format', () => {
  it('has a row schema for every table the store exports', () => {
    const db = freshDb();
    const tables = db.tables.map((t) => t.name).filter((t) => !LOCAL_ONLY_TABLES.has(t));
    expect(tables.filter((t) => !(t in ROW_SCHEMAS))).toStrictEqual([]);
  });

  it('reads every data version the store has shipped', () => {
    expect(CURRENT_SCHEMA_VERSION).toBe(SCHEMA_VERSIONS.at(-1)!.version);
  });
});
