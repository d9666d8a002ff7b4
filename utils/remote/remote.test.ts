import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeCapture, makeTestDb } from '@/tests/helpers/db';
import { localRemote, portPair, TEST_ORIGIN, TEST_RUNTIME_ID } from '@/tests/helpers/remote';
import { createRemote } from '@/entrypoints/background/remote';
import type { IntrobookDB, StoredPerson } from '@/utils/db/app-db';
import { getPerson, removePerson, savePersonCapture } from '@/utils/db/people';
import { readEnvelope, type RemoteClient } from './client';
import { REMOTE_PORT } from './protocol';

let db: IntrobookDB;
beforeEach(() => {
  db = makeTestDb(new IDBFactory());
});
afterEach(() => db.close());

/** The answers a subscription receives, and a way to wait for the n-th. */
function collect<T>(subscribe: (onData: (v: T) => void, onError: (e: string) => void) => () => void) {
  const values: T[] = [];
  const errors: string[] = [];
  const stop = subscribe(
    (v) => values.push(v),
    (e) => errors.push(e),
  );
  return { values, errors, stop };
}

describe('the pages’ data API (port ↔ background)', () => {
  it('answers a live query and sends it again when the data changes, through JSON', async () => {
    const { client } = localRemote(db, {}, { install: false });
    const recent = collect<unknown[]>((on, err) => client.subscribe('people/page', { after: null, limit: 5 }, (page) => on(page.people), err));
    await vi.waitFor(() => expect(recent.values).toHaveLength(1));
    expect(recent.values[0]).toStrictEqual([]);
    const ada = (await savePersonCapture(db, makeCapture())).person;
    await vi.waitFor(() => expect(recent.values.at(-1)).toHaveLength(1));
    // The row arrives as the store holds it (times as numbers, nulls kept; no Date, Map or undefined to lose),
    // less the index fields only the store needs.
    const { nameKey: _nameKey, searchWords: _searchWords, ...stored } = (await getPerson(db, ada.id)) as StoredPerson;
    expect(recent.values.at(-1)![0]).toStrictEqual(JSON.parse(JSON.stringify(stored)));
    await removePerson(db, ada.id);
    await vi.waitFor(() => expect(recent.values.at(-1)).toStrictEqual([]));
    recent.stop();
  });

  // Also a guard on how the background runs queries: a querier whose repositories await one another
  // must keep Dexie's zone, or the answer never comes again (this one failed before the fix).
  it('looks a capture’s person up by URL, then by the page’s key; null when nobody; live', async () => {
    const { client } = localRemote(db, {}, { install: false });
    const byKey = collect<unknown>((on) => client.subscribe('person/lookup', { profileUrl: 'https://www.linkedin.com/in/nobody/', key: 'https://www.linkedin.com/in/ada-lovelace/' }, on));
    await vi.waitFor(() => expect(byKey.values).toStrictEqual([null]));
    const ada = (await savePersonCapture(db, makeCapture())).person;
    await vi.waitFor(() => expect(byKey.values.at(-1)).toMatchObject({ id: ada.id }), 5000);
  });

  it('refuses a port that is not one of Introbook’s pages, and arguments its schema refuses', async () => {
    const log: string[] = [];
    const server = createRemote({
      db,
      runtimeId: TEST_RUNTIME_ID,
      extensionOrigin: TEST_ORIGIN,
      readTab: () => Promise.reject(new Error('no')),
      readTabOnDemand: () => Promise.reject(new Error('no')),
      tabUrl: async () => undefined,
      notifyTab: async () => {},
      setPendingMerge: async () => {},
      log: (m) => log.push(m),
    });
    // A content script on LinkedIn, and another extension: disconnected, nothing served.
    for (const sender of [
      { id: TEST_RUNTIME_ID, url: 'https://www.linkedin.com/in/ada-lovelace/', tab: { id: 3 } },
      { id: 'someone-else', url: `${TEST_ORIGIN}popup.html` },
    ]) {
      const pair = portPair(sender);
      const gone = vi.fn();
      pair.page.onDisconnect.addListener(gone);
      server.onConnect(pair.background);
      // The port is closed at once: posting on it throws, as in Chrome.
      expect(() => pair.page.postMessage({ type: 'sub', id: 1, query: 'people/page', args: { after: null, limit: 5 } })).toThrow();
      await vi.waitFor(() => expect(gone).toHaveBeenCalled());
      expect(pair.page.messages).toStrictEqual([]);
    }
    // Another port name is someone else's (the side panel's call port): left alone.
    const other = portPair({ id: TEST_RUNTIME_ID, url: `${TEST_ORIGIN}sidepanel.html` });
    server.onConnect({ ...other.background, name: 'introbook-panel' });
    // Our page, with bad arguments and an unknown query: an error each, nothing run.
    const pair = portPair({ id: TEST_RUNTIME_ID, url: `${TEST_ORIGIN}popup.html` });
    pair.page.onMessage.addListener(() => {});
    server.onConnect(pair.background);
    pair.page.postMessage({ type: 'sub', id: 1, query: 'people/page', args: { after: null, limit: 1e9 } });
    pair.page.postMessage({ type: 'sub', id: 2, query: 'people/everything', args: {} });
    pair.page.postMessage({ type: 'call', id: 3, command: 'person/confirm-fields', args: { personId: 'not-a-uuid', fields: [] } });
    pair.page.postMessage('not even an object');
    await vi.waitFor(() => expect(pair.page.messages).toHaveLength(3));
    expect(pair.page.messages.map((m) => readEnvelope(m))).toStrictEqual([
      { type: 'error', id: 1, error: expect.any(String) },
      { type: 'error', id: 2, error: expect.any(String) },
      { type: 'error', id: 3, error: expect.any(String) },
    ]);
    expect(log.filter((m) => m.includes('rejected'))).toHaveLength(4);
    expect(REMOTE_PORT).toBe('introbook/remote');
  });

  it('the page drops what is not a well-formed answer', () => {
    expect(readEnvelope({ type: 'data', id: 1, value: [1] })).toStrictEqual({ type: 'data', id: 1, value: [1] });
    expect(readEnvelope({ type: 'data', id: '1', value: [1] })).toBeNull();
    expect(readEnvelope({ type: 'error', id: 1, error: { html: '<b>' } })).toBeNull();
    expect(readEnvelope({ type: 'eval', id: 1 })).toBeNull();
    expect(readEnvelope(null)).toBeNull();
    expect(readEnvelope([{ type: 'data', id: 1 }])).toBeNull();
  });

  it('connects again when the worker stops, and subscribes everything again', async () => {
    const { client, ports } = localRemote(db, {}, { install: false });
    const recent = collect<unknown[]>((on) => client.subscribe('people/page', { after: null, limit: 5 }, (page) => on(page.people)));
    await vi.waitFor(() => expect(recent.values).toHaveLength(1));
    // The service worker stops: Chrome closes the port from its side.
    ports[0]!.background.disconnect();
    await savePersonCapture(db, makeCapture());
    await vi.waitFor(() => expect(ports).toHaveLength(2));
    await vi.waitFor(() => expect(recent.values.at(-1)).toHaveLength(1));
    // An unsubscribed query is not asked for again.
    recent.stop();
    ports[1]!.background.disconnect();
    await new Promise((r) => setTimeout(r, 20));
    expect(ports).toHaveLength(2);
  });

  describe('Save from the popup', () => {
    let client: RemoteClient;
    const notified: unknown[] = [];
    const merges: unknown[] = [];
    beforeEach(() => {
      notified.length = 0;
      merges.length = 0;
      client = localRemote(
        db,
        { notifyTab: async (tabId, m) => void notified.push([tabId, m]), setPendingMerge: async (pair) => void merges.push(pair) },
        { install: false },
      ).client;
    });
    const key = 'https://www.linkedin.com/in/ada-lovelace/';

    it('saves, tells the page’s button, and says which of the user’s own values it kept', async () => {
      const first = await client.call('capture/save', { capture: makeCapture(), tabId: 7, pageKey: key, edits: { role: 'Analyst' }, accept: [], confirmName: false });
      expect(first).toMatchObject({ ok: true, created: true, name: 'Ada Lovelace', heldBack: [], duplicate: false });
      expect(notified).toStrictEqual([[7, { type: 'page/saved', profileUrl: key, personId: (first as { personId: string }).personId }]]);
      const again = await client.call('capture/save', { capture: makeCapture({ role: 'Chief Engineer' }), tabId: 7, pageKey: key, edits: {}, accept: [], confirmName: false });
      expect(again).toMatchObject({ ok: true, created: false, heldBack: ['role'] });
      expect((await getPerson(db, (first as { personId: string }).personId))!.role).toBe('Analyst');
    });

    it('asks before a rename, and renames only with a yes', async () => {
      await client.call('capture/save', { capture: makeCapture(), tabId: 7, pageKey: key, edits: {}, accept: [], confirmName: false });
      const renamed = makeCapture({ name: 'Augusta Ada King', firstName: 'Augusta', lastName: 'King' });
      const ask = await client.call('capture/save', { capture: renamed, tabId: 7, pageKey: key, edits: {}, accept: [], confirmName: false });
      expect(ask).toMatchObject({ ok: false, rename: { from: 'Ada Lovelace', to: 'Augusta Ada King' } });
      const yes = await client.call('capture/save', { capture: renamed, tabId: 7, pageKey: key, edits: {}, accept: [], confirmName: true });
      expect(yes).toMatchObject({ ok: true, name: 'Augusta Ada King' });
    });

    it('refuses a capture its schema refuses (the page read an untrusted tab)', async () => {
      await expect(
        client.call('capture/save', { capture: { ...makeCapture(), profileUrl: 'javascript:alert(1)' }, tabId: 7, pageKey: key, edits: {}, accept: [], confirmName: false }),
      ).rejects.toThrow();
      expect(await db.people.count()).toBe(0);
    });
  });
});
