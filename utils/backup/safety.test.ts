/** Automatic safety copies: taken daily and before imports, compressed, pruned, restorable. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { seedEverything, snapshot } from '@/tests/helpers/backup';
import { makeCapture, makeTestDb } from '@/tests/helpers/db';
import type { IntrobookDB } from '../db/app-db';
import { savePersonCapture } from '../db/people';
import { exportBackup } from './export';
import { prepareBackup } from './prepare';
import { readBackupText } from './read';
import { applyRestore, planRestore } from './restore';
import {
  DAILY_COPIES,
  EVENT_COPIES,
  SafetyDB,
  dailySafetyCopy,
  exportStatus,
  listSafetyCopies,
  readSafetyCopy,
  recordExport,
  shouldNotifyExport,
  takeSafetyCopy,
} from './safety';

const DAY = 86_400_000;
const open: { close(): void }[] = [];
function setup() {
  const factory = new IDBFactory();
  const db = makeTestDb(factory);
  const safety = new SafetyDB({ indexedDB: factory, IDBKeyRange });
  open.push(db, safety);
  return { db, safety };
}
afterEach(() => {
  for (const d of open.splice(0)) d.close();
});

async function restoreFrom(db: IntrobookDB, text: string) {
  const read = readBackupText(text);
  if (!read.ok) throw new Error(read.error);
  await applyRestore(db, await planRestore(db, await prepareBackup(db, read.file)));
}

describe('safety copies', () => {
  it('undo a mistake: restoring a copy brings back exactly what was there', async () => {
    const { db, safety } = setup();
    await seedEverything(db);
    const before = await snapshot(db);
    const copy = await takeSafetyCopy(db, safety, 'before-import');
    expect(copy.counts).toMatchObject({ people: 4, intros: 2, meetings: 1 });
    expect(copy.counts.photos).toBeUndefined(); // fetched again, not kept seven times over

    // A mistaken bulk action…
    await db.people.clear();
    await db.intros.clear();
    await savePersonCapture(db, makeCapture({ profileUrl: 'https://www.linkedin.com/in/after/', name: 'Saved After' }));

    await restoreFrom(db, await readSafetyCopy(safety, copy.id));
    expect(await snapshot(db)).toStrictEqual(before);
  });

  it('are compressed', async () => {
    const { db, safety } = setup();
    for (let i = 0; i < 200; i++) {
      await savePersonCapture(db, makeCapture({ profileUrl: `https://www.linkedin.com/in/p-${i}/`, name: `Person ${i}` }));
    }
    const raw = (await exportBackup(db, { exclude: ['photos'] })).blob.size;
    const copy = await takeSafetyCopy(db, safety, 'manual');
    expect(copy.size).toBeLessThan(raw / 5);
  });

  it('one a day: not again within the day, and only once there is something to keep', async () => {
    const { db, safety } = setup();
    const t = 1_767_000_000_000;
    expect(await dailySafetyCopy(db, safety, t)).toBeNull();
    await savePersonCapture(db, makeCapture());
    expect(await dailySafetyCopy(db, safety, t)).not.toBeNull();
    expect(await dailySafetyCopy(db, safety, t + 3_600_000)).toBeNull();
    expect(await dailySafetyCopy(db, safety, t + DAY)).not.toBeNull();
    expect((await listSafetyCopies(safety)).map((c) => c.takenAt)).toStrictEqual([t + DAY, t]);
  });

  it('keep the last 7 daily copies and the last 3 taken before imports or restores', async () => {
    const { db, safety } = setup();
    await savePersonCapture(db, makeCapture());
    const t = 1_767_000_000_000;
    for (let day = 0; day < 10; day++) await dailySafetyCopy(db, safety, t + day * DAY);
    for (let i = 0; i < 5; i++) await takeSafetyCopy(db, safety, 'before-import', t + i * 1000);
    const copies = await listSafetyCopies(safety);
    expect(copies.filter((c) => c.kind === 'daily').map((c) => c.takenAt)).toStrictEqual(
      Array.from({ length: DAILY_COPIES }, (_, i) => t + (9 - i) * DAY),
    );
    expect(copies.filter((c) => c.kind === 'before-import')).toHaveLength(EVENT_COPIES);
    expect(await safety.copyData.count()).toBe(DAILY_COPIES + EVENT_COPIES);
  });
});

describe('the export reminder', () => {
  it('is due 30 days after the last export (or after first use), and notifies at most weekly', async () => {
    const { safety } = setup();
    const t = 1_767_000_000_000;
    expect(await exportStatus(safety, t)).toMatchObject({ lastExportAt: null, days: 0, due: false });
    expect(await shouldNotifyExport(safety, t)).toBeNull(); // first use noted
    expect(await exportStatus(safety, t + 29 * DAY)).toMatchObject({ due: false, days: 29 });
    expect(await shouldNotifyExport(safety, t + 30 * DAY)).toMatchObject({ due: true, days: 30 });
    expect(await shouldNotifyExport(safety, t + 32 * DAY)).toBeNull();
    expect(await shouldNotifyExport(safety, t + 37 * DAY)).not.toBeNull();
    await recordExport(safety, t + 38 * DAY);
    expect(await exportStatus(safety, t + 40 * DAY)).toMatchObject({ lastExportAt: t + 38 * DAY, days: 2, due: false });
  });
});
