/**
 * Sync in the background: who may send it commands, what a bad command gets
 * back, and the keep-alive that holds an MV3 service worker up while the
 * relay is connected (Chrome 116+: a WebSocket message at least every 30 s).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeTestDb } from '../../tests/helpers/db';
import { startSync } from './background';
import { onLocalChanges } from './changes';
import { SyncEngine } from './engine';
import { isSyncMessage } from './messages';

const open: { close(): void }[] = [];
afterEach(async () => {
  vi.useRealTimers();
  onLocalChanges(null);
  for (const d of open.splice(0)) d.close();
});

const page = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html') });
const contentScript = () => ({ id: fakeBrowser.runtime.id, url: 'https://www.linkedin.com/in/ada-lovelace/', tab: { id: 3, url: 'https://www.linkedin.com/in/ada-lovelace/' } });

describe('sync messages in the background', () => {
  it('routes only sync/… messages here', () => {
    expect(isSyncMessage({ type: 'sync/create', relayUrl: 'wss://x' })).toBe(true);
    expect(isSyncMessage({ type: 'reminders/refresh' })).toBe(false);
    expect(isSyncMessage(null)).toBe(false);
  });

  it('refuses content scripts and malformed messages; explains a bad relay address or code', async () => {
    const db = makeTestDb();
    open.push(db);
    const { engine, handle } = startSync({ db });
    await engine.idle();
    expect(await handle({ type: 'sync/leave' }, contentScript())).toStrictEqual({ ok: false, error: 'Message rejected.' });
    expect(await handle({ type: 'sync/create' }, page())).toStrictEqual({ ok: false, error: 'Message rejected.' });
    expect(await handle({ type: 'sync/create', relayUrl: 'ftp://example.org' }, page())).toMatchObject({ ok: false, error: expect.stringMatching(/wss:\/\//) });
    expect(await handle({ type: 'sync/join', relayUrl: 'wss://example.org', code: 'IB1-NOPE' }, page())).toMatchObject({ ok: false, error: expect.stringMatching(/pairing code/) });
    // Nothing was turned on by any of it.
    expect(await db.syncState.get('config')).toBeUndefined();
    await engine.stop();
  });
});

/** Enough of a WebSocket for y-websocket: records what is sent; the test opens it. */
class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static sockets: FakeSocket[] = [];
  readonly OPEN = 1;
  readyState = 0;
  binaryType = 'arraybuffer';
  sent: number[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: ArrayBuffer }) => void) | null = null;
  onclose: ((e: unknown) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.sockets.push(this);
  }
  send(): void {
    this.sent.push(Date.now());
  }
  close(): void {
    this.readyState = 3;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.();
  }
}

describe('keep-alive', () => {
  it('sends something to the relay at least every keepAliveMs while connected', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const db = makeTestDb();
    open.push(db);
    FakeSocket.sockets = [];
    const engine = new SyncEngine({
      db,
      settings: { read: async () => ({}), write: async () => {} },
      WebSocket: FakeSocket as unknown as typeof WebSocket,
      keepAliveMs: 10_000,
    });
    await engine.create('ws://127.0.0.1:9');
    await vi.waitFor(() => expect(FakeSocket.sockets).toHaveLength(1));
    const socket = FakeSocket.sockets[0]!;
    socket.open();
    const start = Date.now();
    socket.sent = [];
    for (let t = 0; t < 60_000; t += 1_000) await vi.advanceTimersByTimeAsync(1_000);
    const times = [start, ...socket.sent, Date.now()];
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(socket.sent.length).toBeGreaterThanOrEqual(6);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(10_000);
    await engine.stop();
  });
});
