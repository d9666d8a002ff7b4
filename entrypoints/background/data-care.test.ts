import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeCapture, makeTestDb } from '@/tests/helpers/db';
import { SafetyDB, listSafetyCopies, recordExport } from '@/utils/backup/safety';
import { savePersonCapture } from '@/utils/db/people';
import { DATA_CARE_ALARM, EXPORT_REMINDER_ID, careForData, restrictStorageToTrustedContexts, setupDataCare } from './data-care';

const DAY = 86_400_000;

afterEach(() => {
  delete (globalThis as { chrome?: unknown }).chrome;
});

describe('data care in the background', () => {
  it('closes storage.local to content scripts where the browser allows it (Chrome)', async () => {
    const setAccessLevel = vi.fn(async () => {});
    (globalThis as { chrome?: unknown }).chrome = { storage: { local: { setAccessLevel } } };
    expect(await restrictStorageToTrustedContexts()).toBe(true);
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });

  it('does nothing where there is no such switch (Firefox keeps settings in IndexedDB instead)', async () => {
    (globalThis as { chrome?: unknown }).chrome = { storage: { local: {} } };
    expect(await restrictStorageToTrustedContexts()).toBe(false);
  });

  it('runs on its hourly alarm, not whenever the service worker wakes', async () => {
    const setAccessLevel = vi.fn(async () => {});
    (globalThis as { chrome?: unknown }).chrome = { storage: { local: { setAccessLevel } } };
    const db = makeTestDb(new IDBFactory());
    await savePersonCapture(db, makeCapture());
    const spy = vi.spyOn(db, 'transaction');
    setupDataCare(db);
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(DATA_CARE_ALARM)).toMatchObject({ periodInMinutes: 60 }));
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
    expect(spy).not.toHaveBeenCalled(); // no safety copy read at start-up
    db.close();
  });

  it('takes the daily safety copy and reminds to export after 30 days, once a week', async () => {
    const factory = new IDBFactory();
    const db = makeTestDb(factory);
    const safety = new SafetyDB({ indexedDB: factory, IDBKeyRange });
    const notes: { id: string; message: string }[] = [];
    Object.assign(fakeBrowser, { notifications: { create: vi.fn(async (id: string, o: { message: string }) => void notes.push({ id, message: o.message })) } });
    const t = 1_767_000_000_000;
    await savePersonCapture(db, makeCapture());
    await careForData(db, safety, t);
    expect(await listSafetyCopies(safety)).toHaveLength(1);
    expect(notes).toStrictEqual([]);
    await recordExport(safety, t);
    await careForData(db, safety, t + 31 * DAY);
    expect(notes).toStrictEqual([{ id: EXPORT_REMINDER_ID, message: expect.stringMatching(/^Your last export was 31 days ago\./) }]);
    await careForData(db, safety, t + 32 * DAY);
    expect(notes).toHaveLength(1);
    expect(await listSafetyCopies(safety)).toHaveLength(3);
    db.close();
    safety.close();
  });
});
