import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeTestDb } from '@/tests/helpers/db';
import type { IntrobookDB } from './db/app-db';
import { defaultSettings, getSettings, saveSettings, watchSettings } from './settings';

let db: IntrobookDB;
beforeEach(() => {
  db = makeTestDb(new IDBFactory());
});
afterEach(() => db.close());

describe('settings', () => {
  it('are kept in the extension database, never in storage.local (which Firefox content scripts can read)', async () => {
    const saved = await saveSettings({ ...defaultSettings(), name: 'Sam Rivera', resumeUrl: 'https://example.org/cv.pdf' }, db);
    expect(await getSettings(db)).toStrictEqual(saved);
    expect(await db.settings.get('user')).toMatchObject({ value: saved });
    expect(await fakeBrowser.storage.local.get(null)).toStrictEqual({});
  });

  it('move over once from where older versions kept them, and leave storage.local empty', async () => {
    await fakeBrowser.storage.local.set({ settings: { ...defaultSettings(), name: 'Old Me', timeZone: 'Europe/Paris' }, settings$: { v: 1 } });
    expect(await getSettings(db)).toMatchObject({ name: 'Old Me', timeZone: 'Europe/Paris' });
    expect(await fakeBrowser.storage.local.get(null)).toStrictEqual({});
    expect(await db.settings.get('user')).toMatchObject({ value: { name: 'Old Me' } });
    // A value planted in storage.local afterwards is ignored.
    await fakeBrowser.storage.local.set({ settings: { ...defaultSettings(), resumeUrl: 'https://evil.example/cv' } });
    expect((await getSettings(db)).resumeUrl).toBe('');
  });

  it('repair a damaged value field by field instead of dropping it all', async () => {
    await db.settings.put({ id: 'user', value: { name: 'Sam', resumeUrl: 'javascript:alert(1)', workingDays: [] } as never, updatedAt: 1 });
    const settings = await getSettings(db);
    expect(settings.name).toBe('Sam');
    expect(settings.resumeUrl).toBe('');
    expect(settings.workingDays).toStrictEqual([1, 2, 3, 4, 5]);
  });

  it('tell watchers about a change', async () => {
    let calls = 0;
    const stop = watchSettings(() => calls++, db);
    await new Promise((r) => setTimeout(r, 20));
    await saveSettings({ ...defaultSettings(), name: 'Changed' }, db);
    await expect.poll(() => calls).toBeGreaterThan(0);
    stop();
  });
});
