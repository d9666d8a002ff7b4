// @vitest-environment happy-dom
/**
 * In an extension page (a document), writes to synced tables are reported to
 * the background only while this device syncs — which the page reads from the
 * device's vault membership in IndexedDB, not from storage.local (Firefox lets
 * content scripts write storage.local, so a page could be told sync is on or off).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeCapture, makeTestDb } from '../../tests/helpers/db';
import type { IntrobookDB } from '../db/app-db';
import { editPerson, savePersonCapture } from '../db/people';
import { CONFIG_KEY, onLocalChanges, trackLocalChanges } from './changes';

const open: IntrobookDB[] = [];
afterEach(() => {
  for (const d of open.splice(0)) d.close();
});

describe('a page reports its writes to the background', () => {
  it('only while this device syncs, as its IndexedDB says; storage.local plays no part', async () => {
    onLocalChanges(null);
    const db = makeTestDb();
    open.push(db);
    await db.open();
    trackLocalChanges(db);
    const sent: unknown[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => void sent.push(message));
    const settle = () => new Promise((r) => setTimeout(r, 50));

    // In no vault: nothing is sent, whatever storage.local says.
    await fakeBrowser.storage.local.set({ syncOn: true });
    const { person } = await savePersonCapture(db, makeCapture());
    await settle();
    expect(sent).toStrictEqual([]);

    await db.syncState.put({ key: CONFIG_KEY, value: { enabled: true } });
    await editPerson(db, person.id, { notes: 'Reported' });
    await settle();
    expect(sent).toStrictEqual([{ type: 'sync/changed', changes: { people: [person.id] }, full: false }]);

    // Paused: nothing is sent (turning sync on again reconciles the whole store).
    await db.syncState.put({ key: CONFIG_KEY, value: { enabled: false } });
    await fakeBrowser.storage.local.set({ syncOn: true });
    await editPerson(db, person.id, { notes: 'Not reported' });
    await settle();
    expect(sent).toHaveLength(1);
  });
});
