/**
 * The page side of the data API (utils/remote/protocol.ts): one port to the background, shared by
 * every live query and command of the page (views asking the same query with the same arguments
 * share one subscription and its latest answer). Without zod or Dexie, so the popup and the side panel
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

/** One query with its arguments, asked of the background once however many views want it. */
interface Subscription {
  query: QueryName;
  args: unknown;
  /** `query` and its arguments as JSON: two views asking the same share this subscription. */
  key: string;
  listeners: Set<Listener>;
  /** The latest answer (or refusal), handed at once to a view that subscribes later. */
  last?: { value: unknown } | { error: string };
}

interface Listener {
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
  /**
   * Ask now for what a view will subscribe to as it mounts (the page's first view, before React
   * has rendered): the background starts reading while the page's code loads. Held `holdMs` for a
   * view to take over (same query, same arguments), then let go.
   */
  prefetch<Q extends QueryName>(query: Q, args: RemoteQueries[Q]['args'], holdMs?: number): void;
  /** The latest answer already here for `query` with `args` (a prefetch's, or another view's), if any. */
  peek<Q extends QueryName>(query: Q, args: RemoteQueries[Q]['args']): { value: RemoteQueries[Q]['result'] } | undefined;
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
  const byKey = new Map<string, { id: number; sub: Subscription }>();
  const keyOf = (query: QueryName, args: unknown) => `${query}\n${JSON.stringify(args)}`;
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
      if (message.type !== 'data' && message.type !== 'error') return;
      sub.last = message.type === 'data' ? { value: message.value } : { error: message.error };
      // (A listener another one's callback removed meanwhile hears nothing more.)
      for (const listener of [...sub.listeners]) if (sub.listeners.has(listener)) deliver(sub.last, listener);
      return;
    }
    const call = calls.get(message.id);
    if (!call) return;
    calls.delete(message.id);
    if (message.type === 'reply') call.resolve(message.value);
    else if (message.type === 'error') call.reject(new RemoteError(message.error));
  }

  function deliver(last: NonNullable<Subscription['last']>, listener: Listener): void {
    if ('value' in last) listener.onData(last.value);
    else listener.onError(last.error);
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

  const client: RemoteClient = {
    subscribe(query, args, onData, onError = (error) => console.warn(`Introbook: ${query} failed`, error)) {
      const key = keyOf(query, args);
      let entry = byKey.get(key);
      if (!entry) {
        const id = nextId++;
        entry = { id, sub: { query, args, key, listeners: new Set() } };
        byKey.set(key, entry);
        subs.set(id, entry.sub);
        post({ type: 'sub', id, query, args });
      }
      const { id, sub } = entry;
      // Its own object, so the same callbacks subscribed twice are two listeners.
      const listener: Listener = { onData: onData as (value: unknown) => void, onError };
      sub.listeners.add(listener);
      if (sub.last && 'error' in sub.last) {
        // The last answer was a failure (the background's live query does not run again after one):
        // a view that comes later asks again, under the same id, and every view hears the new answer.
        sub.last = undefined;
        post({ type: 'sub', id, query, args });
      } else if (sub.last) deliver(sub.last, listener);
      return () => {
        if (!sub.listeners.delete(listener) || sub.listeners.size > 0) return;
        subs.delete(id);
        byKey.delete(key);
        if (port) post({ type: 'unsub', id });
      };
    },
    prefetch(query, args, holdMs = 5000) {
      const release = client.subscribe(query, args, () => {}, () => {});
      setTimeout(release, holdMs);
    },
    peek(query, args) {
      const last = byKey.get(keyOf(query, args))?.sub.last;
      return last && 'value' in last ? (last as { value: RemoteQueries[typeof query]['result'] }) : undefined;
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
  return client;
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
