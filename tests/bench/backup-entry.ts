/** Bundled into the benchmark page (backup-bench.ts): Introbook's import path and a raw IndexedDB write to compare it with. */
import { IntrobookDB, SCHEMA_VERSIONS } from '../../utils/db/app-db';
import { blankUserFields, type Person } from '../../utils/domain/schemas';
import { exportBackup } from '../../utils/backup/export';
import { applyImport, planImport } from '../../utils/backup/merge';
import { prepareBackup } from '../../utils/backup/prepare';
import { readBackupText } from '../../utils/backup/read';
import { applyRestore, planRestore } from '../../utils/backup/restore';

const CURRENT = SCHEMA_VERSIONS.at(-1)!;

export function people(n: number): Person[] {
  const t0 = 1_767_000_000_000;
  return Array.from({ length: n }, (_, i) => ({
    id: crypto.randomUUID(),
    profileUrl: `https://www.linkedin.com/in/person-${i}-${Math.random().toString(36).slice(2, 8)}/`,
    name: `Person Number ${i}`,
    firstName: 'Person',
    lastName: `Number ${i}`,
    headline: `Senior Engineer at Company ${i % 500} · building things people use`,
    role: 'Senior Engineer',
    company: `Company ${i % 500}`,
    location: 'London, England, United Kingdom',
    photoUrl: `https://media.licdn.com/dms/image/v2/${i}/profile-displayphoto-shrink_400_400/0/1?e=1&v=beta&t=x`,
    degree: 2,
    mutualConnections: { count: 12, names: ['Charles Babbage', 'Mary Somerville', 'Grace Hopper'] },
    source: 'linkedin',
    positions: [{ title: 'Senior Engineer', company: `Company ${i % 500}` }],
    aliases: [],
    fieldSources: { profileUrl: 'url', name: 'heading', role: 'link', company: 'link' },
    createdAt: t0 + i,
    updatedAt: t0 + i,
    capturedAt: t0 + i,
    deletedAt: null,
    ...blankUserFields(),
    notes: i % 10 === 0 ? 'Met at the meetup; follow up about the platform team.' : '',
  }));
}

/** A backup file of `rows` people, as Introbook's export writes it. */
export async function backupText(rows: Person[]): Promise<string> {
  const db = new IntrobookDB({}, `bench-source-${crypto.randomUUID()}`);
  await db.people.bulkAdd(rows);
  const text = await (await exportBackup(db)).blob.text();
  db.close();
  await db.delete();
  return text;
}

/** Every people row put in one strict transaction with the raw IndexedDB API, into the same schema. */
export async function rawWrite(rows: Person[], durability: 'strict' | 'relaxed'): Promise<number> {
  const name = `bench-raw-${crypto.randomUUID()}`;
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore('people', { keyPath: 'id' });
      // The people table's indexes (utils/db/app-db.ts): &profileUrl, capturedAt, updatedAt, *aliases.
      store.createIndex('profileUrl', 'profileUrl', { unique: true });
      store.createIndex('capturedAt', 'capturedAt');
      store.createIndex('updatedAt', 'updatedAt');
      store.createIndex('aliases', 'aliases', { multiEntry: true });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('people', 'readwrite', { durability });
    const store = tx.objectStore('people');
    for (const row of rows) store.put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const ms = performance.now() - t0;
  db.close();
  indexedDB.deleteDatabase(name);
  return ms;
}

/** Introbook's import of a backup file into an empty store: read, validate, plan, write. */
export async function importText(text: string): Promise<{ total: number; read: number; validate: number; plan: number; write: number; added: number }> {
  const db = new IntrobookDB({}, `bench-import-${crypto.randomUUID()}`);
  await db.open();
  const t0 = performance.now();
  const read = readBackupText(text);
  if (!read.ok) throw new Error(read.error);
  const t1 = performance.now();
  const prepared = await prepareBackup(db, read.file);
  const t2 = performance.now();
  const plan = await planImport(db, prepared);
  const t3 = performance.now();
  const result = await applyImport(db, plan);
  const t4 = performance.now();
  db.close();
  await db.delete();
  return { total: t4 - t0, read: t1 - t0, validate: t2 - t1, plan: t3 - t2, write: t4 - t3, added: result.added };
}

/** Restore (replace everything) through the staging database. */
export async function restoreText(text: string): Promise<number> {
  const db = new IntrobookDB({}, `bench-restore-${crypto.randomUUID()}`);
  await db.open();
  const t0 = performance.now();
  const read = readBackupText(text);
  if (!read.ok) throw new Error(read.error);
  await applyRestore(db, await planRestore(db, await prepareBackup(db, read.file)));
  const ms = performance.now() - t0;
  db.close();
  await db.delete();
  return ms;
}

/** Import into a store that already holds the file's rows: every row looked up and compared, none written. */
export async function reimportText(text: string): Promise<number> {
  const db = new IntrobookDB({}, `bench-reimport-${crypto.randomUUID()}`);
  const read = readBackupText(text);
  if (!read.ok) throw new Error(read.error);
  await applyImport(db, await planImport(db, await prepareBackup(db, read.file)));
  const t0 = performance.now();
  const again = readBackupText(text);
  if (!again.ok) throw new Error(again.error);
  const plan = await planImport(db, await prepareBackup(db, again.file));
  if (plan.totals.added + plan.totals.updated !== 0) throw new Error('a re-import changed something');
  await applyImport(db, plan);
  const ms = performance.now() - t0;
  db.close();
  await db.delete();
  return ms;
}

export const schemaVersion = CURRENT.version;
