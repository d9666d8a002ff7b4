/**
 * Two sync engines (two stores on fake-indexeddb) and the real relay
 * (server/relay.mjs, stock y-websocket server with on-disk storage) on
 * 127.0.0.1, in Node. Covers pairing, offline edits reaching the other device
 * once the relay is back, a restart from IndexedDB, what the relay stores,
 * and the status line.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { startRelay, type Relay } from '../../server/relay.mjs';
import { makeCapture, makeTestDb } from '../../tests/helpers/db';
import type { IntrobookDB } from '../db/app-db';
import { DEFAULT_TEMPLATES } from '../domain/templates';
import { editPerson, savePersonCapture } from '../db/people';
import { exportBackup } from '../backup/export';
import { applyImport, planImport } from '../backup/merge';
import { prepareBackup } from '../backup/prepare';
import { readBackupText } from '../backup/read';
import { onLocalChanges, trackLocalChanges } from './changes';
import { deriveVaultKey, open, parsePairingCode } from './crypto';
import { SyncEngine, type SettingsPort } from './engine';
import type { SyncStatus } from './status';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  onLocalChanges(null);
});

const engines = new Map<IntrobookDB, SyncEngine>();
onLocalChanges(null);

function memorySettings(initial: Record<string, unknown> = {}): SettingsPort & { value: Record<string, unknown> } {
  const port = {
    value: { name: '', background: '', goal: '', resumeUrl: '', timeZone: 'UTC', workingDays: [1, 2, 3, 4, 5], ...initial },
    read: async () => ({ ...port.value }),
    write: async (fields: Record<string, unknown>) => {
      port.value = { ...port.value, ...fields };
    },
  };
  return port;
}

interface Device {
  db: IntrobookDB;
  engine: SyncEngine;
  settings: ReturnType<typeof memorySettings>;
  statuses: SyncStatus[];
}

function device(db: IntrobookDB = makeTestDb(), settings = memorySettings()): Device {
  const statuses: SyncStatus[] = [];
  const engine = new SyncEngine({
    db,
    settings,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    onStatus: (s) => statuses.push(s),
    connectGraceMs: 500,
    maxBackoffMs: 300,
    idleUnloadMs: 200,
  });
  trackLocalChanges(db);
  engines.set(db, engine);
  onLocalChanges((report, from) => engines.get(from)?.localChanged(report));
  cleanups.push(async () => {
    await engine.stop();
    engines.delete(db);
  });
  return { db, engine, settings, statuses };
}

async function relay(dataDir: string, port = 0): Promise<Relay> {
  const r = await startRelay({ port, dataDir });
  return r;
}

async function until<T>(what: () => Promise<T> | T, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out; last value ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('sync engine with the relay', () => {
  it('pairs two devices, carries a save and an offline edit, restarts from IndexedDB, and leaves the relay only ciphertext', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'introbook-relay-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    let r = await relay(dir);
    cleanups.push(() => r.close());
    const port = r.port;

    const a = device(makeTestDb(), memorySettings({ name: 'Sam Rivera' }));
    await a.engine.create(r.url);
    await until(() => a.engine.status().state, (s) => s === 'synced');
    const code = (await a.engine.pairingCode())!;

    const b = device();
    await b.engine.join(r.url, code);
    const { person } = await savePersonCapture(a.db, makeCapture());
    await until(() => b.db.people.get(person.id), (p) => p?.name === 'Ada Lovelace');
    // Settings about the user followed; B's blank name did not overwrite A's.
    await until(() => b.settings.value.name, (n) => n === 'Sam Rivera');
    expect(a.settings.value.name).toBe('Sam Rivera');

    // The relay goes away; A edits while offline and says so.
    await r.close();
    await until(() => a.engine.status().state, (s) => s === 'offline');
    await editPerson(a.db, person.id, { notes: 'Edited offline', role: 'CTO' });
    const offline = await until(() => a.engine.status(), (s) => s.pending > 0);
    expect(offline.message).toBe('Offline — 1 change waiting');

    // A's background stops (a service worker killed while idle) and starts again from IndexedDB.
    await a.engine.stop();
    const a2 = device(a.db, a.settings);
    await a2.engine.start();
    expect(a2.engine.status().pending).toBe(1);

    // The relay is back (same port, same data): everything arrives.
    r = await relay(dir, port);
    await until(() => b.db.people.get(person.id), (p) => p?.notes === 'Edited offline' && p.role === 'CTO', 15_000);
    await until(() => a2.engine.status().state, (s) => s === 'synced');
    expect(a2.engine.status().pending).toBe(0);

    // What the relay stored: sealed blobs only. No name, note or URL in its files…
    await r.close();
    const files = filesUnder(dir);
    expect(files.length).toBeGreaterThan(0);
    const stored = Buffer.concat(files.map((f) => readFileSync(f)));
    for (const secret of ['Ada Lovelace', 'Lovelace', 'Edited offline', 'ada-lovelace', 'Analytical Engines', 'Sam Rivera']) {
      expect(stored.includes(Buffer.from(secret)), secret).toBe(false);
    }
    // …yet the contact is there, for whoever holds the pairing code.
    r = await relay(dir, port);
    const keys = await parsePairingCode(code);
    const doc = await r.persistence!.getYDoc(keys.vaultId);
    const blobs = doc.getArray<Uint8Array>('log').toArray();
    expect(blobs.length).toBeGreaterThan(0);
    const key = await deriveVaultKey(keys);
    const vault = new Y.Doc();
    for (const blob of blobs) Y.applyUpdateV2(vault, await open(key, keys.vaultId, blob));
    expect(vault.getMap<Y.Map<unknown>>('people').get(person.id)?.get('name')).toBe('Ada Lovelace');
  }, 60_000);

  it('paused on one device: an edit, a hard delete and an import of old rows made meanwhile all reach the other device on resume', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'introbook-relay-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const r = await relay(dir);
    cleanups.push(() => r.close());
    const a = device();
    await a.engine.create(r.url);
    await until(() => a.engine.status().state, (s) => s === 'synced');
    const b = device();
    await b.engine.join(r.url, (await a.engine.pairingCode())!);
    const { person } = await savePersonCapture(a.db, makeCapture());
    await until(() => b.db.people.get(person.id), (p) => p?.name === 'Ada Lovelace');
    await until(() => b.db.templates.get('default-nudge'), (t) => t !== undefined);

    await a.engine.pause();
    await editPerson(a.db, person.id, { notes: 'Edited while paused' });
    await a.db.templates.delete('default-nudge');
    // A backup from another profile: its rows keep their old dates, long before sync's cursor.
    const other = makeTestDb();
    cleanups.push(() => other.close());
    const old = (await savePersonCapture(other, makeCapture({ profileUrl: 'https://www.linkedin.com/in/grace-hopper/', name: 'Grace Hopper' }), { now: 1_600_000_000_000 })).person;
    const read = readBackupText(await (await exportBackup(other, { exclude: ['templates'] })).blob.text());
    if (!read.ok) throw new Error(read.error);
    await applyImport(a.db, await planImport(a.db, await prepareBackup(a.db, read.file)));
    await a.engine.idle();
    // Nothing left while paused.
    expect((await b.db.people.get(person.id))?.notes).not.toBe('Edited while paused');

    await a.engine.resume();
    await until(() => b.db.people.get(old.id), (p) => p?.name === 'Grace Hopper');
    await until(() => b.db.people.get(person.id), (p) => p?.notes === 'Edited while paused');
    await until(() => b.db.templates.get('default-nudge'), (t) => t === undefined);
  }, 60_000);

  it('offline, keeps counting changes waiting, and keeps its saved copy of the vault bounded', async () => {
    const a = device();
    // Nothing listens on port 9: the relay is unreachable.
    await a.engine.create('ws://127.0.0.1:9');
    const { person } = await savePersonCapture(a.db, makeCapture());
    for (let i = 0; i < 160; i++) {
      await editPerson(a.db, person.id, { notes: `note ${i}` });
      await a.engine.idle();
    }
    const status = await until(() => a.engine.status(), (s) => s.state === 'offline');
    // The person (1 save + 160 edits), the built-in templates and the settings, all made while offline.
    const waiting = 161 + DEFAULT_TEMPLATES.length + 1;
    expect(status.pending).toBe(waiting);
    expect(status.message).toBe(`Offline — ${waiting} changes waiting`);
    expect(await a.db.syncUpdates.where('doc').equals('vault').count()).toBeLessThanOrEqual(130);
    // What was saved is the whole story.
    const { Vault } = await import('./vault');
    const { ALL_SPECS } = await import('./tables');
    const { loadDoc } = await import('./store');
    const copy = new Vault(ALL_SPECS, 'check');
    copy.load((await loadDoc(a.db, 'vault'))!);
    expect(copy.readRow('people', person.id)?.row.notes).toBe('note 159');
  }, 60_000);

  it('says so when another device writes what this vault key cannot read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'introbook-relay-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const r = await relay(dir);
    cleanups.push(() => r.close());
    const a = device();
    await a.engine.create(r.url);
    await until(() => a.engine.status().state, (s) => s === 'synced');
    const { vaultId } = await parsePairingCode((await a.engine.pairingCode())!);
    // Someone who knows the vault id (not the secret) appends a blob.
    const intruder = new Y.Doc();
    const { WebsocketProvider } = await import('y-websocket');
    const provider = new WebsocketProvider(r.url, vaultId, intruder, { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true });
    cleanups.push(() => provider.destroy());
    await until(() => provider.synced, (s) => s);
    intruder.getArray<Uint8Array>('log').push([new Uint8Array([1, ...new Array(40).fill(7)])]);
    const status = await until(() => a.engine.status(), (s) => s.state === 'error');
    expect(status.message).toMatch(/could not be decrypted/);
  }, 30_000);
});
