// @vitest-environment happy-dom
/**
 * The pages ask for their first view before React renders (utils/remote/first-view.ts): the client
 * shares a subscription by query and arguments and keeps its latest answer, a prefetched answer is
 * shown in a view's first render, and the views ask exactly what the pages prefetch (else the
 * prefetch would be a second read, not a head start).
 */
import { act, cleanup, render, renderHook, screen, waitFor } from '@testing-library/react';
import { IDBFactory } from 'fake-indexeddb';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DueToday } from '@/components/DueToday';
import { initialWorkspaceView, Workspace } from '@/components/Workspace';
import { makeCapture, makeTestDb } from '@/tests/helpers/db';
import { localRemote, portPair, TEST_ORIGIN, TEST_RUNTIME_ID } from '@/tests/helpers/remote';
import type { IntrobookDB } from '@/utils/db/app-db';
import { savePersonCapture } from '@/utils/db/people';
import { defaultSettings } from '@/utils/settings';
import { createRemoteClient, setRemote, type PortLike } from './client';
import { firstViewArgs, prefetchSidePanel } from './first-view';
import { useRemoteQuery } from './hooks';
import type { PageToBackground } from './protocol';

let db: IntrobookDB | undefined;
afterEach(() => {
  cleanup();
  setRemote(undefined);
  db?.close();
  db = undefined;
  vi.useRealTimers();
});

/** A client over a fresh database whose every message to the background is recorded. */
function recordedRemote() {
  db = makeTestDb(new IDBFactory());
  const { server } = localRemote(db, {}, { install: false });
  const sent: PageToBackground[] = [];
  const client = createRemoteClient(() => {
    const pair = portPair({ id: TEST_RUNTIME_ID, url: `${TEST_ORIGIN}sidepanel.html` });
    server.onConnect(pair.background);
    const post = pair.page.postMessage;
    pair.page.postMessage = (m: unknown) => {
      sent.push(m as PageToBackground);
      post(m);
    };
    return pair.page;
  }, 0);
  setRemote(client);
  return { client, sent, db };
}

/** A client on a port the test answers by hand. */
function manualRemote() {
  const sent: PageToBackground[] = [];
  let deliver: (m: unknown) => void = () => {};
  const port: PortLike = {
    postMessage: (m) => void sent.push(m as PageToBackground),
    disconnect: () => {},
    onMessage: { addListener: (l) => void (deliver = l) },
    onDisconnect: { addListener: () => {} },
  };
  return { client: createRemoteClient(() => port), sent, answer: (m: unknown) => deliver(m) };
}

describe('the client shares a query asked twice', () => {
  it('one subscription for two views; the second gets the answer at once; let go only when the last leaves', () => {
    const { client, sent, answer } = manualRemote();
    const first: unknown[] = [];
    const second: unknown[] = [];
    const stopFirst = client.subscribe('settings', {}, (v) => first.push(v));
    answer({ type: 'data', id: 1, value: { name: 'Ada' } });
    const stopSecond = client.subscribe('settings', {}, (v) => second.push(v));
    expect(sent.filter((m) => m.type === 'sub')).toHaveLength(1);
    expect(second).toStrictEqual([{ name: 'Ada' }]);
    expect(client.peek('settings', {})).toStrictEqual({ value: { name: 'Ada' } });
    answer({ type: 'data', id: 1, value: { name: 'Grace' } });
    expect(first).toStrictEqual([{ name: 'Ada' }, { name: 'Grace' }]);
    expect(second).toStrictEqual([{ name: 'Ada' }, { name: 'Grace' }]);
    stopFirst();
    expect(sent.filter((m) => m.type === 'unsub')).toHaveLength(0);
    stopSecond();
    expect(sent.filter((m) => m.type === 'unsub')).toStrictEqual([{ type: 'unsub', id: 1 }]);
    expect(client.peek('settings', {})).toBeUndefined();
    // Other arguments are another question.
    client.subscribe('people/page', { after: null, limit: 5 }, () => {});
    client.subscribe('people/page', { after: null, limit: 6 }, () => {});
    expect(sent.filter((m) => m.type === 'sub')).toHaveLength(3);
  });

  it('after a failure, a view that subscribes later asks again (same id) and every view hears the new answer; peek has none before', () => {
    const { client, sent, answer } = manualRemote();
    const first: string[] = [];
    client.subscribe('settings', {}, (v) => first.push(`data ${JSON.stringify(v)}`), (e) => first.push(`error ${e}`));
    answer({ type: 'error', id: 1, error: 'failed' });
    expect(client.peek('settings', {})).toBeUndefined();
    const second: string[] = [];
    client.subscribe('settings', {}, (v) => second.push(`data ${JSON.stringify(v)}`), (e) => second.push(`error ${e}`));
    expect(second).toStrictEqual([]);
    expect(sent.filter((m) => m.type === 'sub')).toStrictEqual([
      { type: 'sub', id: 1, query: 'settings', args: {} },
      { type: 'sub', id: 1, query: 'settings', args: {} },
    ]);
    answer({ type: 'data', id: 1, value: { name: 'Ada' } });
    expect(first).toStrictEqual(['error failed', 'data {"name":"Ada"}']);
    expect(second).toStrictEqual(['data {"name":"Ada"}']);
  });

  it('a prefetch is held for a view to take over, then let go if none did', () => {
    vi.useFakeTimers();
    const { client, sent } = manualRemote();
    client.prefetch('settings', {}, 1000);
    client.prefetch('sync/offers', {}, 1000);
    const stop = client.subscribe('settings', {}, () => {});
    vi.advanceTimersByTime(1000);
    // Nobody took sync/offers: let go. Settings stays while its view does.
    expect(sent.filter((m) => m.type === 'unsub')).toStrictEqual([{ type: 'unsub', id: 2 }]);
    stop();
    expect(sent.filter((m) => m.type === 'unsub')).toStrictEqual([
      { type: 'unsub', id: 2 },
      { type: 'unsub', id: 1 },
    ]);
  });
});

describe('the first view', () => {
  // The clock stands mid-minute, so the views' "now" (read as they render) is in the prefetch's minute.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-27T10:00:30Z'));
  });

  it('a view shows an answer already here in its first render', async () => {
    const { client, db } = recordedRemote();
    await savePersonCapture(db, makeCapture());
    client.prefetch('people/page', firstViewArgs.recent());
    await waitFor(() => expect(client.peek('people/page', firstViewArgs.recent())).toBeDefined());
    const renders: unknown[] = [];
    renderHook(() => {
      const page = useRemoteQuery('people/page', firstViewArgs.recent());
      renders.push(page?.people.map((p) => p.name));
      return page;
    });
    expect(renders[0]).toStrictEqual(['Ada Lovelace']);
  });

  it('the side panel’s home asks exactly what the page prefetched: nothing twice', async () => {
    const { sent, db } = recordedRemote();
    await savePersonCapture(db, makeCapture());
    const now = Date.now();
    prefetchSidePanel(now);
    const prefetched = sent.filter((m) => m.type === 'sub').length;
    expect(prefetched).toBe(5);
    function Home() {
      const [view, setView] = useState(initialWorkspaceView);
      const settings = useRemoteQuery('settings', {});
      const offers = useRemoteQuery('sync/offers', {});
      return settings && offers ? (
        <Workspace settings={defaultSettings()} now={now} focusSignal={0} view={view} onView={setView} onOpen={() => {}} onOpenRequest={() => {}} />
      ) : null;
    }
    render(<Home />);
    expect(await screen.findByRole('list', { name: 'Saved people, newest first' })).toBeInTheDocument();
    await act(async () => {});
    expect(sent.filter((m) => m.type === 'sub' && m.query !== 'photo')).toHaveLength(prefetched);
  });

  it('the popup’s "Due today" asks what the popup prefetched', async () => {
    const { client, sent } = recordedRemote();
    const now = Date.now();
    client.prefetch('due', firstViewArgs.due(now));
    render(<DueToday onOpenRequest={() => {}} onOpenPerson={() => {}} emptyText="Nothing due" />);
    expect(await screen.findByText('Nothing due')).toBeInTheDocument();
    expect(sent.filter((m) => m.type === 'sub')).toHaveLength(1);
  });
});
