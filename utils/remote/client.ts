/**
 * The page side of the data API (utils/remote/protocol.ts): one port to the background, shared by
 * every live query and command of the page. Without zod or Dexie, so the popup and the side panel
 * paint their first view without loading either (issue #11).
 *
 * What arrives is checked by hand, not with a schema: the port is one this page opened with
 * `runtime.connect`, which only Introbook's own extension contexts can answer (no other extension
 * may connect: `externally_connectable` lists none; content scripts never see it), and the
 * background built each answer from rows it validated on the way in. So the envelope is checked
 * (an object, a known type, the id of a subscription or call still waiting, an error as a string)
 * and anything else is dropped; the payload is taken as the background's typed answer.
 *
 * The service worker stops when idle and the port with it: the client connects again when a live
 * query still needs it and subscribes everything again (answers are complete, not deltas, so
 * nothing is lost); a command in flight when that happens fails with an error the caller shows.
 */
import { browser } from 'wxt/browser';
import {
  REMOTE_PORT,
  type BackgroundToPage,
  type CommandName,
  type PageToBackground,
  type QueryName,
  type RemoteCommands,
  type RemoteQueries,
} from './protocol';

/** The part of a runtime.Port the client uses (tests hand in their own). */
export interface PortLike {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

interface Subscription {
  query: QueryName;
  args: unknown;
  onData: (value: unknown) => void;
  onError: (error: string) => void;
}

export class RemoteError extends Error {
  override readonly name = 'RemoteError';
}

/** Reading a background message's envelope; null for anything else. */
export function readEnvelope(message: unknown): BackgroundToPage | null {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return null;
  const m = message as Record<string, unknown>;
  if (m.type === 'unavailable') return typeof m.error === 'string' ? { type: 'unavailable', error: m.error } : null;
  if (typeof m.id !== 'number' || !Number.isInteger(m.id)) return null;
  if (m.type === 'data' || m.type === 'reply') return { type: m.type, id: m.id, value: m.value };
  if (m.type === 'error' && typeof m.error === 'string') return { type: 'error', id: m.id, error: m.error };
  return null;
}

export interface RemoteClient {
  /** Live answers to `query` with `args`: `onData` now and after every change. Returns the unsubscribe. */
  subscribe<Q extends QueryName>(
    query: Q,
    args: RemoteQueries[Q]['args'],
    onData: (value: RemoteQueries[Q]['result']) => void,
    onError?: (error: string) => void,
  ): () => void;
  /** Run a command in the background; rejects with a RemoteError carrying the background's message. */
  call<C extends CommandName>(command: C, args: RemoteCommands[C]['args']): Promise<RemoteCommands[C]['result']>;
  /** Called with the reason when the background cannot open the database. Returns the unwatch. */
  onUnavailable(listener: (error: string) => void): () => void;
}

export function createRemoteClient(connect: () => PortLike, reconnectDelayMs = 200): RemoteClient {
  let port: PortLike | null = null;
  let nextId = 1;
  let reconnect: ReturnType<typeof setTimeout> | undefined;
  const subs = new Map<number, Subscription>();
  const calls = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const unavailable = new Set<(error: string) => void>();

  function send(p: PortLike, message: PageToBackground): void {
    try {
      p.postMessage(message);
    } catch {
      // The port closed under us: its onDisconnect subscribes again (calls were failed there).
    }
  }

  /** Send on the port, connecting first if needed (a new port carries every live subscription first). */
  function post(message: PageToBackground): void {
    if (port) send(port, message);
    else {
      const p = ensurePort();
      if (message.type !== 'sub') send(p, message);
    }
  }

  function onMessage(raw: unknown): void {
    const message = readEnvelope(raw);
    if (!message) return;
    if (message.type === 'unavailable') {
      for (const listener of unavailable) listener(message.error);
      return;
    }
    const sub = subs.get(message.id);
    if (sub) {
      if (message.type === 'data') sub.onData(message.value);
      else if (message.type === 'error') sub.onError(message.error);
      return;
    }
    const call = calls.get(message.id);
    if (!call) return;
    calls.delete(message.id);
    if (message.type === 'reply') call.resolve(message.value);
    else if (message.type === 'error') call.reject(new RemoteError(message.error));
  }

  function ensurePort(): PortLike {
    if (port) return port;
    const p = connect();
    port = p;
    p.onMessage.addListener(onMessage);
    p.onDisconnect.addListener(() => {
      if (port === p) port = null;
      for (const call of calls.values()) call.reject(new RemoteError('The background stopped before it answered.'));
      calls.clear();
      clearTimeout(reconnect);
      reconnect = setTimeout(() => {
        if (!port && subs.size > 0) ensurePort();
      }, reconnectDelayMs);
    });
    for (const [id, sub] of subs) send(p, { type: 'sub', id, query: sub.query, args: sub.args });
    return p;
  }

  return {
    subscribe(query, args, onData, onError = (error) => console.warn(`Introbook: ${query} failed`, error)) {
      const id = nextId++;
      subs.set(id, { query, args, onData: onData as (value: unknown) => void, onError });
      post({ type: 'sub', id, query, args });
      return () => {
        if (!subs.delete(id)) return;
        if (port) post({ type: 'unsub', id });
      };
    },
    call(command, args) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        calls.set(id, { resolve: resolve as (value: unknown) => void, reject });
        post({ type: 'call', id, command, args });
      });
    },
    onUnavailable(listener) {
      unavailable.add(listener);
      return () => unavailable.delete(listener);
    },
  };
}

let shared: RemoteClient | undefined;

/** The page's one client, on a port to the background. */
export function remote(): RemoteClient {
  shared ??= createRemoteClient(() => browser.runtime.connect({ name: REMOTE_PORT }) as unknown as PortLike);
  return shared;
}

/** Tests: answer the page's queries with this client (e.g. one wired to createRemote over a test database). */
export function setRemote(client: RemoteClient | undefined): void {
  shared = client;
}
