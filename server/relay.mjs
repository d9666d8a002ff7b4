#!/usr/bin/env node
/**
 * Introbook's sync relay: the stock y-websocket server (@y/websocket-server)
 * with vaults stored on disk (y-leveldb). It stores and forwards encrypted
 * blobs; it never has a key. See docs/sync.md.
 *
 *   npm run sync-server -- --port 8787 --data ./sync-data [--host 0.0.0.0]
 *
 * Two things are added around the stock server:
 * - only vault rooms are served (a 16-character vault id as the last path
 *   segment), and messages are capped (--max-message-mb, default 64);
 * - a connection's first messages wait until the vault's stored state is
 *   loaded, so a returning device exchanges only what changed (the stock
 *   server answers before its disk read finishes and gets everything again).
 */
/* global process, console, setTimeout */
import http from 'node:http';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { LeveldbPersistence } from 'y-leveldb';
import { getYDoc, setPersistence, setupWSConnection } from '@y/websocket-server/utils';

const ROOM = /^[0-9a-z]{16}$/;

/** The vault id a request asks for, or null. */
export function roomOf(url = '') {
  const last = url.split('?')[0].split('/').filter(Boolean).pop() ?? '';
  return ROOM.test(last) ? last : null;
}

/**
 * Start a relay. Resolves once it listens.
 * @param {{ port?: number, host?: string, dataDir?: string | null, maxMessageMb?: number, log?: (msg: string) => void }} [options]
 * @returns {Promise<{ port: number, host: string, url: string, dataDir: string | null, persistence: LeveldbPersistence | null, close(): Promise<void> }>}
 */
export async function startRelay({ port = 8787, host = '127.0.0.1', dataDir = null, maxMessageMb = 64, log = () => {} } = {}) {
  let persistence = null;
  /** @type {Map<string, Promise<void>>} */
  const loaded = new Map();
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    persistence = new LeveldbPersistence(dataDir);
    const ldb = persistence;
    setPersistence({
      provider: ldb,
      bindState: (docName, ydoc) => {
        const ready = (async () => {
          const stored = await ldb.getYDoc(docName);
          const fresh = Y.encodeStateAsUpdate(ydoc);
          Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(stored));
          if (fresh.length > 2) await ldb.storeUpdate(docName, fresh);
          ydoc.on('update', (update) => void ldb.storeUpdate(docName, update));
        })();
        loaded.set(docName, ready);
        return ready;
      },
      writeState: async (docName) => {
        loaded.delete(docName);
      },
    });
  } else {
    setPersistence(null);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageMb * 1024 * 1024 });
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Introbook sync relay: ok\n');
  });

  server.on('upgrade', (req, socket, head) => {
    const room = roomOf(req.url);
    if (!room) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => void connect(ws, req, room));
  });

  async function connect(ws, req, room) {
    const early = [];
    const hold = (data) => early.push(data);
    ws.on('message', hold);
    try {
      getYDoc(room);
      await loaded.get(room);
    } catch (error) {
      log(`Introbook relay: could not load a vault: ${error}`);
      ws.close(1011, 'storage error');
      return;
    }
    ws.off('message', hold);
    if (ws.readyState !== ws.OPEN) return;
    setupWSConnection(ws, req, { docName: room });
    for (const data of early) ws.emit('message', data, true);
  }

  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => done(undefined));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    port: actualPort,
    host,
    url: `ws://${host}:${actualPort}`,
    dataDir,
    persistence,
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise((done) => wss.close(() => done(undefined)));
      await new Promise((done) => server.close(() => done(undefined)));
      // Let pending writes land before the store closes.
      await Promise.allSettled(loaded.values());
      await new Promise((done) => setTimeout(done, 50));
      if (persistence) await persistence.destroy();
      setPersistence(null);
    },
  };
}

function parseArgs(argv) {
  const options = { port: Number(process.env.PORT ?? 8787), host: process.env.HOST ?? '127.0.0.1', dataDir: process.env.INTROBOOK_RELAY_DATA ?? './sync-data', maxMessageMb: 64 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    const value = () => inline ?? argv[++i];
    if (flag === '--port') options.port = Number(value());
    else if (flag === '--host') options.host = value();
    else if (flag === '--data') options.dataDir = value();
    else if (flag === '--max-message-mb') options.maxMessageMb = Number(value());
    else if (flag === '--help' || flag === '-h') options.help = true;
    else throw new Error(`Unknown option ${flag}. Try --help.`);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) throw new Error('--port must be a port number.');
  return options;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const options = parseArgs(process.argv.slice(2));
    if (options.help) {
      console.log('Usage: npm run sync-server -- [--port 8787] [--host 127.0.0.1] [--data ./sync-data] [--max-message-mb 64]');
      process.exit(0);
    }
    const relay = await startRelay({ ...options, dataDir: resolve(options.dataDir), log: console.error });
    console.log(`Introbook sync relay listening on ${relay.url} (vaults stored in ${relay.dataDir}). Ctrl+C stops it.`);
    const stop = async () => {
      await relay.close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    console.error(`Introbook sync relay: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
