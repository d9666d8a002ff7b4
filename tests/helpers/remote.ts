/**
 * The pages' data API end to end inside one test: a client (utils/remote/client.ts) wired to the
 * background's server (entrypoints/background/remote.ts) over an in-memory port pair that delivers
 * asynchronously and through JSON, as Chrome's runtime messaging does. Components that use
 * useRemoteQuery then read the test's database through the real protocol.
 */
import { createRemote, type RemoteDeps, type RemotePort } from '@/entrypoints/background/remote';
import type { IntrobookDB } from '@/utils/db/app-db';
import { createRemoteClient, setRemote, type PortLike, type RemoteClient } from '@/utils/remote/client';
import { REMOTE_PORT } from '@/utils/remote/protocol';

export const TEST_RUNTIME_ID = 'introbook-test';
export const TEST_ORIGIN = 'chrome-extension://introbook-test/';

type Listener<A extends unknown[]> = (...args: A) => void;
function event<A extends unknown[]>() {
  const listeners = new Set<Listener<A>>();
  return { addListener: (l: Listener<A>) => void listeners.add(l), fire: (...args: A) => listeners.forEach((l) => l(...args)) };
}

/** Two connected ends; what one posts arrives at the other a task later, JSON-serialised. */
export function portPair(sender: RemotePort['sender']): { page: PortLike & { messages: unknown[] }; background: RemotePort } {
  const toPage = event<[unknown]>();
  const toBackground = event<[unknown]>();
  const pageGone = event<[]>();
  const backgroundGone = event<[]>();
  let open = true;
  const deliver = (fire: (m: unknown) => void, message: unknown) => {
    if (!open) throw new Error('Attempting to use a disconnected port object');
    const copy = JSON.parse(JSON.stringify(message ?? null)) as unknown;
    setTimeout(() => open && fire(copy), 0);
  };
  const close = (other: { fire: () => void }) => {
    if (!open) return;
    open = false;
    setTimeout(() => other.fire(), 0);
  };
  const messages: unknown[] = [];
  return {
    page: {
      messages,
      postMessage: (m) => deliver(toBackground.fire, m),
      disconnect: () => close(backgroundGone),
      onMessage: { addListener: (l) => toPage.addListener((m) => (messages.push(m), l(m))) },
      onDisconnect: pageGone,
    },
    background: {
      name: REMOTE_PORT,
      sender,
      postMessage: (m) => deliver(toPage.fire, m),
      disconnect: () => close(pageGone),
      onMessage: toBackground,
      onDisconnect: backgroundGone,
    },
  };
}

/** A server over `db` and a client connected to it through port pairs; installed as the pages' client unless `install: false`. */
export function localRemote(
  db: IntrobookDB,
  deps: Partial<RemoteDeps> = {},
  options: { install?: boolean; pageUrl?: string } = {},
): { client: RemoteClient; server: ReturnType<typeof createRemote>; ports: ReturnType<typeof portPair>[] } {
  const server = createRemote({
    db,
    runtimeId: TEST_RUNTIME_ID,
    extensionOrigin: TEST_ORIGIN,
    readTab: () => Promise.reject(new Error('no content script')),
    readTabOnDemand: () => Promise.reject(new Error('no page')),
    tabUrl: () => Promise.resolve(undefined),
    notifyTab: () => Promise.resolve(),
    setPendingMerge: () => Promise.resolve(),
    storePhoto: () => Promise.resolve(),
    log: () => {},
    ...deps,
  });
  const ports: ReturnType<typeof portPair>[] = [];
  const client = createRemoteClient(() => {
    const pair = portPair({ id: TEST_RUNTIME_ID, url: options.pageUrl ?? `${TEST_ORIGIN}popup.html` });
    ports.push(pair);
    server.onConnect(pair.background);
    return pair.page;
  }, 0);
  if (options.install !== false) setRemote(client);
  return { client, server, ports };
}
