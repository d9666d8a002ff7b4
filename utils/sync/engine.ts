/**
 * The sync engine: keeps this device's store and the vault in step, and the
 * vault and the relay, through y-websocket.
 *
 * Two Yjs documents:
 * - the **vault** (plaintext, vault.ts): every synced row, field by field.
 *   Only this device ever holds it. It is loaded from IndexedDB when there is
 *   work and dropped from memory after two idle minutes (a 10,000-person vault
 *   takes ~85 MB as a live Yjs document in Chromium and a few seconds to load;
 *   see `npm run bench`);
 * - the **carrier** (what the relay sees): one Y.Array of sealed blobs, each
 *   an AES-GCM-encrypted vault update. The stock y-websocket client syncs it
 *   with the stock y-websocket server, which can store and merge it without
 *   ever being able to read it. Devices decrypt new entries and apply them to
 *   their vault; from time to time one device replaces the entries it has
 *   applied with one sealed snapshot of the whole vault (compaction).
 *
 * Every step goes through one queue, so cycles, commands and unloads never
 * interleave. A cycle: decrypt new carrier entries → one exchange transaction
 * with the store (exchange.ts) → seal this device's new vault updates into the
 * carrier (y-websocket sends them at once when connected) → persist both
 * documents' new updates and the cursor. A crash between steps loses nothing:
 * the relay sends again what this device had not saved, and rows changed here
 * are found again by `updatedAt` from the saved cursor.
 *
 * What a cursor scan can't find (rows written with old `updatedAt` by an import
 * or a restore, rows removed by a restore, anything changed while sync was
 * paused) is found by a full reconcile: requested by a token in `syncState`
 * (changes.ts `requestFullSync`; written by import, restore, any transaction too
 * large to report, and resume()), honoured by the next cycle, and cleared only
 * once that cycle's results are saved.
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { IntrobookDB } from '../db/app-db';
import { FULL_SYNC_KEY, fullSyncRequest, requestFullSync, type ChangeReport } from './changes';
import { deriveVaultKey, encodePairingCode, newVault, open, parsePairingCode, seal } from './crypto';
import { exchange } from './exchange';
import type { SyncConfig } from './schemas';
import { offStatus, waitingMessage, type SyncStatus } from './status';
import {
  CONFIG_KEY,
  cursorKey,
  deviceId as readDeviceId,
  forgetVault,
  isBoolean,
  isNumber,
  JOINING_KEY,
  loadDoc,
  PENDING_KEY,
  readConfig,
  readValue,
  writeConfig,
} from './store';
import { ALL_SPECS, SETTINGS_ROW, SYNCED_SETTINGS } from './tables';
import { LOAD, REMOTE, Vault, type Row } from './vault';
import { t, tn } from '../i18n';
import { UserError } from '../core/user-error';

/** This device's synced settings: read them, and take in what the vault says. */
export interface SettingsPort {
  read(): Promise<Record<string, unknown>>;
  write(fields: Record<string, unknown>): Promise<void>;
}

export interface EngineOptions {
  db: IntrobookDB;
  settings: SettingsPort;
  /** The WebSocket class (Node tests pass `ws`). */
  WebSocket?: typeof WebSocket;
  onStatus?: (status: SyncStatus) => void;
  /** Another device's changes landed in the store (reminders recount from them). */
  onRemoteChange?: () => void;
  /** Sync turned on or off (pages report their writes only while it is on). */
  onEnabled?: (on: boolean) => void;
  log?: (message: string, detail?: unknown) => void;
  /** How long "Connecting…" may show before it says offline. */
  connectGraceMs?: number;
  /** Drop the vault document from memory after this long without work. */
  idleUnloadMs?: number;
  /** Send something to the relay at least this often (keeps an MV3 service worker alive, Chrome 116+). */
  keepAliveMs?: number;
  /** Longest wait between two attempts to reach the relay. */
  maxBackoffMs?: number;
}

export class RelayUrlError extends UserError {}

/** A relay address as typed: https:// becomes wss://, a bare host gets wss://. */
export function normalizeRelayUrl(input: string): string {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `wss://${text}`);
  } catch {
    throw new RelayUrlError(t('syncText.enterRelayAddress', { example: 'wss://sync.example.org' }));
  }
  if (url.protocol === 'https:') url.protocol = 'wss:';
  if (url.protocol === 'http:') url.protocol = 'ws:';
  if (url.protocol !== 'wss:' && url.protocol !== 'ws:') throw new RelayUrlError(t('syncText.relayScheme'));
  if (url.username || url.password) throw new RelayUrlError(t('syncText.relayNoCredentials'));
  url.search = '';
  url.hash = '';
  return url.toString().replace(/\/+$/, '');
}

const PUSH = 'introbook:push';
/** Sealed blobs are kept under this size where updates allow (one update is never split). */
const BLOB_TARGET = 512 * 1024;
/** A cursor scan goes back this far, for clocks that stepped back and writes that committed late. */
const SCAN_MARGIN = 5 * 60_000;
/** Each exchange also re-reads rows updated shortly before the previous one started (a page's write whose report is still on its way). */
const RACE_MARGIN = 5_000;
const COMPACT_MIN_ENTRIES = 64;
const COMPACT_MAX_ENTRIES = 512;
const RETRY_MS = 5_000;
const SAVED_ROWS = 128;

interface Entry {
  id: string;
  client: number;
  clock: number;
  index: number;
  blob: Uint8Array | null;
}

interface Session {
  config: SyncConfig;
  key: CryptoKey;
  carrier: Y.Doc;
  log: Y.Array<Uint8Array>;
  provider: WebsocketProvider;
  processed: Set<string>;
  vault: Vault | null;
  /** Vault updates made here (rows pushed, sync's follow-ups): to seal into the carrier. */
  outgoing: Uint8Array[];
  /** Vault updates not yet saved in IndexedDB. */
  vaultUnsaved: Uint8Array[];
  /** Carrier updates from the relay whose entries are not applied yet: saved only once they are. */
  carrierIncoming: Uint8Array[];
  /** Carrier updates whose entries are applied (or were made here): to save. */
  carrierReady: Uint8Array[];
  pending: number;
  savedPending: number;
  /** Rows each document has in syncUpdates (approximately): past a bound, they are replaced by one. */
  savedRows: { vault: number; carrier: number };
  unreadable: number;
  joining: boolean;
  retry: Map<string, Set<string>> | null;
  startedAt: number;
  /** The relay answered at least once in this session: losing it now is "offline", not "connecting". */
  connectedOnce: boolean;
  lastSyncedAt: number | null;
  timers: ReturnType<typeof setTimeout>[];
  unloadTimer: ReturnType<typeof setTimeout> | null;
  closed: boolean;
}

export class SyncEngine {
  private config: SyncConfig | null = null;
  private session: Session | null = null;
  private queue: Promise<void> = Promise.resolve();
  private cycleQueued = false;
  private busy = false;
  private changes = new Map<string, Set<string>>();
  private scanRequested = false;
  /** start() has begun but not finished: reports arriving meanwhile are kept for the session it opens. */
  private starting = 0;
  private settingsDirty = false;
  private lastExchangeAt: number | null = null;
  private failure: string | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private lastStatus: SyncStatus = offStatus();
  private readonly o: Required<Omit<EngineOptions, 'WebSocket' | 'onStatus' | 'onRemoteChange' | 'onEnabled'>> & EngineOptions;

  constructor(options: EngineOptions) {
    this.o = { connectGraceMs: 10_000, idleUnloadMs: 120_000, keepAliveMs: 20_000, maxBackoffMs: 10_000, log: () => {}, ...options };
  }

  // --- commands -------------------------------------------------------------------

  /** Start syncing if this device is in a vault with sync on. */
  start(): Promise<void> {
    this.starting++;
    return this.enqueue(async () => {
      try {
        if (this.session) return;
        this.config = await readConfig(this.o.db);
        this.o.onEnabled?.(this.config?.enabled ?? false);
        if (this.config?.enabled) await this.openSession(this.config);
        else this.changes.clear();
        this.updateStatus();
      } finally {
        this.starting--;
      }
    });
  }

  /** First device: a new vault on this relay, with everything this device has. */
  create(relayUrl: string): Promise<void> {
    const url = normalizeRelayUrl(relayUrl);
    return this.enqueue(async () => {
      await this.closeSession(false);
      await forgetVault(this.o.db);
      const keys = newVault();
      await this.begin({ ...keys, relayUrl: url, enabled: true, createdVault: true, joining: false });
    });
  }

  /** Another device: join the vault the pairing code names. Its data joins the vault's. */
  join(relayUrl: string, code: string): Promise<void> {
    const url = normalizeRelayUrl(relayUrl);
    return this.enqueue(async () => {
      const keys = await parsePairingCode(code);
      await this.closeSession(false);
      await forgetVault(this.o.db);
      await this.begin({ ...keys, relayUrl: url, enabled: true, createdVault: false, joining: true });
    });
  }

  /** Turn sync off on this device: nothing is deleted; turning it on again carries on. */
  pause(): Promise<void> {
    return this.enqueue(async () => {
      if (!this.config) return;
      await this.closeSession(true);
      this.config = { ...this.config, enabled: false };
      await writeConfig(this.o.db, this.config);
      // Whatever changes while paused is found by the full reconcile resume() asks for.
      this.changes.clear();
      this.o.onEnabled?.(false);
      this.updateStatus();
    });
  }

  resume(): Promise<void> {
    return this.enqueue(async () => {
      if (!this.config) return;
      this.config = { ...this.config, enabled: true };
      // Reports made while paused were not kept, and rows changed then may carry any
      // `updatedAt` (an import, a restore): compare the whole store with the vault.
      await this.o.db.transaction('rw', this.o.db.syncState, async () => {
        await writeConfig(this.o.db, this.config!);
        await requestFullSync(this.o.db);
      });
      this.o.onEnabled?.(true);
      await this.openSession(this.config);
      this.updateStatus();
    });
  }

  /** Leave the vault: this device forgets it (and its secret). Its contacts stay; other devices keep everything. */
  leave(): Promise<void> {
    return this.enqueue(async () => {
      await this.closeSession(false);
      await forgetVault(this.o.db);
      this.config = null;
      this.failure = null;
      this.o.onEnabled?.(false);
      this.updateStatus();
    });
  }

  /** Rows written on this device (from the Dexie hooks, here or in a page). */
  localChanged(report: ChangeReport): void {
    // Sync off or paused: nothing to remember (turning it on again reconciles the whole store).
    // Starting, or between a failure and the retry: keep them for the session to come.
    if (!this.session && this.starting === 0 && !this.config?.enabled) return;
    // A report too large to list has stored a full-reconcile request (changes.ts): the next cycle reads it.
    for (const [table, ids] of Object.entries(report.changes)) {
      let set = this.changes.get(table);
      if (!set) this.changes.set(table, (set = new Set()));
      for (const id of ids) set.add(id);
    }
    this.schedule();
  }

  settingsChanged(): void {
    this.settingsDirty = true;
    this.schedule();
  }

  /** Something woke the background (an alarm): make sure sync runs. */
  kick(): Promise<void> {
    return this.session ? Promise.resolve(this.schedule()) : this.start();
  }

  status(): SyncStatus {
    return this.lastStatus;
  }

  /** The pairing code for this vault (for tests and tools; pages derive it from the stored config). */
  async pairingCode(): Promise<string | null> {
    return this.config ? encodePairingCode(this.config) : null;
  }

  /** Resolves once everything queued so far has run. */
  async idle(): Promise<void> {
    let last: Promise<void> | null = null;
    while (last !== this.queue) {
      last = this.queue;
      await last;
    }
  }

  /** Stop (tests, extension shutdown). Saves what is unsaved. */
  stop(): Promise<void> {
    return this.enqueue(() => this.closeSession(true));
  }

  // --- the queue ------------------------------------------------------------------

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(async () => {
      this.busy = true;
      try {
        await task();
      } finally {
        this.busy = false;
      }
    });
    this.queue = run.catch((error: unknown) => this.o.log('Introbook sync: a step failed', error));
    return run;
  }

  private schedule(): void {
    if (this.cycleQueued || !this.session) return;
    this.cycleQueued = true;
    void this.enqueue(async () => {
      this.cycleQueued = false;
      await this.cycle();
    }).catch(() => {});
  }

  // --- sessions -------------------------------------------------------------------

  private async begin(init: { vaultId: string; secret: string; relayUrl: string; enabled: boolean; createdVault: boolean; joining: boolean }): Promise<void> {
    const config: SyncConfig = {
      relayUrl: init.relayUrl,
      vaultId: init.vaultId,
      secret: init.secret,
      enabled: true,
      deviceId: await readDeviceId(this.o.db),
      joinedAt: Date.now(),
      createdVault: init.createdVault,
    };
    await this.o.db.transaction('rw', this.o.db.syncState, async () => {
      await this.o.db.syncState.bulkPut([
        { key: CONFIG_KEY, value: config },
        { key: cursorKey('all'), value: 0 },
        { key: JOINING_KEY, value: init.joining },
        { key: PENDING_KEY, value: 0 },
      ]);
      // A new vault takes every row (cursor 0); a joining device meets the vault row by row.
      await this.o.db.syncState.delete(FULL_SYNC_KEY);
    });
    this.config = config;
    this.failure = null;
    this.lastExchangeAt = null;
    this.o.onEnabled?.(true);
    await this.openSession(config);
    this.updateStatus();
  }

  private async openSession(config: SyncConfig): Promise<void> {
    const db = this.o.db;
    const key = await deriveVaultKey(config);
    const carrier = new Y.Doc();
    const saved = await loadDoc(db, 'carrier');
    if (saved) Y.applyUpdateV2(carrier, saved, LOAD);
    const log = carrier.getArray<Uint8Array>('log');
    const processed = new Set(entries(log).map((e) => e.id));
    const provider = new WebsocketProvider(config.relayUrl, config.vaultId, carrier, {
      connect: false,
      disableBc: true,
      maxBackoffTime: this.o.maxBackoffMs,
      ...(this.o.WebSocket ? { WebSocketPolyfill: this.o.WebSocket } : {}),
    });
    const s: Session = {
      config,
      key,
      carrier,
      log,
      provider,
      processed,
      vault: null,
      outgoing: [],
      vaultUnsaved: [],
      carrierIncoming: [],
      carrierReady: [],
      pending: 0,
      savedPending: 0,
      savedRows: { vault: 0, carrier: 0 },
      unreadable: 0,
      joining: await readValue(db, JOINING_KEY, isBoolean, false),
      retry: null,
      startedAt: Date.now(),
      connectedOnce: false,
      lastSyncedAt: null,
      timers: [],
      unloadTimer: null,
      closed: false,
    };
    s.pending = s.savedPending = await readValue(db, PENDING_KEY, isNumber, 0);
    s.savedRows = { vault: await db.syncUpdates.where('doc').equals('vault').count(), carrier: await db.syncUpdates.where('doc').equals('carrier').count() };
    const held = (await db.syncState.get('held'))?.value;
    if (Array.isArray(held) && held.length > 0) {
      s.retry = new Map();
      for (const h of held as [string, string][]) {
        if (!s.retry.has(h[0])) s.retry.set(h[0], new Set());
        s.retry.get(h[0])!.add(h[1]);
      }
    }
    carrier.on('updateV2', (update: Uint8Array, origin: unknown) => {
      if (origin === LOAD || s.closed) return;
      if (origin === PUSH) {
        s.carrierReady.push(update);
      } else {
        s.carrierIncoming.push(update);
        this.schedule();
      }
    });
    provider.on('status', ({ status }: { status: string }) => {
      if (status === 'connected') s.connectedOnce = true;
      this.updateStatus();
    });
    provider.on('connection-close', () => this.updateStatus());
    provider.on('connection-error', () => this.updateStatus());
    provider.on('sync', (synced: boolean) => {
      if (synced && !s.closed) {
        // Everything made here while apart went out in the sync exchange.
        s.pending = 0;
        s.lastSyncedAt = Date.now();
      }
      this.schedule();
      this.updateStatus();
    });
    // Chrome 116+ keeps a service worker alive while its WebSocket exchanges
    // messages within 30 s. y-websocket's awareness already renews every 15 s;
    // this makes the guarantee ours (an empty awareness state: nothing about the user).
    const keepAlive = setInterval(() => {
      if (provider.wsconnected) provider.awareness.setLocalState({});
    }, this.o.keepAliveMs);
    s.timers.push(keepAlive as unknown as ReturnType<typeof setTimeout>);
    // "Connecting…" never lasts longer than the grace period.
    s.timers.push(setTimeout(() => this.updateStatus(), this.o.connectGraceMs + 10));
    this.session = s;
    this.scanRequested = true;
    provider.connect();
    this.schedule();
  }

  private async closeSession(save: boolean): Promise<void> {
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    const s = this.session;
    if (!s) return;
    if (save) {
      try {
        await this.persist(s, null);
      } catch (error) {
        this.o.log('Introbook sync: could not save before stopping', error);
      }
    }
    s.closed = true;
    for (const t of s.timers) clearTimeout(t);
    for (const t of s.timers) clearInterval(t);
    if (s.unloadTimer) clearTimeout(s.unloadTimer);
    s.provider.destroy();
    s.carrier.destroy();
    s.vault?.destroy();
    this.session = null;
    this.cycleQueued = false;
  }

  /** After a failed step: start over from what IndexedDB holds (the relay resends what was lost). */
  private async restartSession(reason: string, error: unknown): Promise<void> {
    this.o.log(`Introbook sync: ${reason}`, error);
    this.failure = t('syncText.willTryAgain', { reason });
    this.scanRequested = true;
    const config = this.config;
    await this.closeSession(false);
    if (config?.enabled) {
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        void this.enqueue(async () => {
          if (this.session || !this.config?.enabled) return;
          await this.openSession(this.config);
        });
      }, RETRY_MS);
    }
    this.updateStatus();
  }

  private live(s: Session): boolean {
    return s.provider.wsconnected && s.provider.synced;
  }

  // --- one cycle ------------------------------------------------------------------

  private async cycle(): Promise<void> {
    const s = this.session;
    if (!s || s.closed) return;
    // A joining device waits for the vault before offering its own rows.
    if (s.joining && !s.provider.synced) {
      this.updateStatus();
      return;
    }
    const fresh = this.freshEntries(s);
    const changed = this.changes;
    this.changes = new Map();
    const scan = this.scanRequested || s.joining;
    this.scanRequested = false;
    // A full reconcile someone asked for (import, restore, a large change, resume): not while joining.
    let fullToken: unknown = null;
    if (!s.joining) {
      try {
        fullToken = await fullSyncRequest(this.o.db);
      } catch (error) {
        this.o.log('Introbook sync: could not read the full-reconcile request', error);
      }
    }
    const full = fullToken !== null;
    const settingsDirty = this.settingsDirty || scan || full;
    this.settingsDirty = false;

    const nothing =
      fresh.length === 0 &&
      changed.size === 0 &&
      !scan &&
      !full &&
      !settingsDirty &&
      !s.retry &&
      s.outgoing.length === 0 &&
      s.vaultUnsaved.length === 0 &&
      s.carrierReady.length === 0 &&
      s.pending === s.savedPending;
    if (nothing) {
      this.updateStatus();
      return;
    }
    this.updateStatus('syncing');

    try {
      const remote: Uint8Array[] = [];
      for (const entry of fresh) {
        if (!entry.blob) {
          s.unreadable++;
          continue;
        }
        try {
          remote.push(await open(s.key, s.config.vaultId, entry.blob));
        } catch {
          s.unreadable++;
        }
      }
      const settings = settingsDirty ? pick(await this.o.settings.read()) : null;
      const cursor = await readValue(this.o.db, cursorKey('all'), isNumber, 0);
      const scanFrom = s.joining ? 0 : scan ? Math.max(0, cursor - SCAN_MARGIN) : this.lastExchangeAt !== null ? this.lastExchangeAt - RACE_MARGIN : null;
      const vault = await this.ensureVault(s);
      const startedAt = Date.now();
      const result = await exchange(this.o.db, vault, { changed, scanFrom: full ? null : scanFrom, settings, remote, join: s.joining, retry: s.retry ?? undefined, full });
      this.lastExchangeAt = startedAt;
      s.retry = null;
      if (result.settings) await this.takeSettings(result.settings, settings);
      if (!this.live(s)) s.pending += result.pushed;
      await this.sendOutgoing(s);
      if (this.live(s)) await this.maybeCompact(s, vault);
      await this.persist(s, { cursor: Math.min(Date.now(), Math.max(cursor, result.maxUpdatedAt)), held: result.held, fullToken });
      s.joining = false;
      if (this.live(s)) {
        s.pending = 0;
        s.lastSyncedAt = Date.now();
      }
      this.failure = null;
      if (result.mirrored > 0 || result.settings) this.o.onRemoteChange?.();
    } catch (error) {
      // Put back what this cycle took, and start over from the saved state.
      for (const [table, ids] of changed) {
        if (!this.changes.has(table)) this.changes.set(table, new Set());
        for (const id of ids) this.changes.get(table)!.add(id);
      }
      if (settingsDirty) this.settingsDirty = true;
      await this.restartSession(t('syncText.couldNotSaveChange'), error);
      return;
    }
    this.scheduleUnload(s);
    this.updateStatus();
  }

  /** Entries not applied yet; the carrier updates that brought them become safe to save with this cycle's results. */
  private freshEntries(s: Session): Entry[] {
    const fresh = entries(s.log).filter((e) => !s.processed.has(e.id));
    for (const e of fresh) s.processed.add(e.id);
    s.carrierReady.push(...s.carrierIncoming.splice(0));
    return fresh;
  }

  private async ensureVault(s: Session): Promise<Vault> {
    if (s.unloadTimer) {
      clearTimeout(s.unloadTimer);
      s.unloadTimer = null;
    }
    if (s.vault) return s.vault;
    const vault = new Vault(ALL_SPECS, s.config.deviceId);
    const saved = await loadDoc(this.o.db, 'vault');
    if (saved) vault.load(saved);
    vault.doc.on('updateV2', (update: Uint8Array, origin: unknown) => {
      if (origin === LOAD) return;
      s.vaultUnsaved.push(update);
      if (origin !== REMOTE) s.outgoing.push(update);
    });
    s.vault = vault;
    return vault;
  }

  private scheduleUnload(s: Session): void {
    if (s.unloadTimer) clearTimeout(s.unloadTimer);
    s.unloadTimer = setTimeout(() => {
      void this.enqueue(async () => {
        if (s.closed || !s.vault || s.vaultUnsaved.length > 0 || s.outgoing.length > 0) return;
        s.vault.destroy();
        s.vault = null;
      });
    }, this.o.idleUnloadMs);
  }

  /** Seal this device's new vault updates into carrier entries (y-websocket sends them when connected). */
  private async sendOutgoing(s: Session): Promise<void> {
    const out = s.outgoing.splice(0);
    if (out.length === 0) return;
    const batches: Uint8Array[][] = [];
    let size = BLOB_TARGET;
    for (const u of out) {
      if (size + u.length > BLOB_TARGET) {
        batches.push([]);
        size = 0;
      }
      batches.at(-1)!.push(u);
      size += u.length;
    }
    const blobs: Uint8Array[] = [];
    for (const batch of batches) blobs.push(await seal(s.key, s.config.vaultId, batch.length === 1 ? batch[0]! : Y.mergeUpdatesV2(batch)));
    this.pushBlobs(s, blobs);
  }

  private pushBlobs(s: Session, blobs: Uint8Array[], replace?: Set<string>): void {
    const client = s.carrier.clientID;
    const before = Y.getState(s.carrier.store, client);
    s.carrier.transact(() => {
      if (replace) {
        const all = entries(s.log);
        for (let i = all.length - 1; i >= 0; i--) if (replace.has(all[i]!.id)) s.log.delete(all[i]!.index, 1);
      }
      s.log.push(blobs);
    }, PUSH);
    // This device's own entries are applied already.
    for (const e of entries(s.log)) if (e.client === client && e.clock >= before) s.processed.add(e.id);
  }

  /** Many small entries: replace those this device has applied with one sealed snapshot of the vault. */
  private async maybeCompact(s: Session, vault: Vault): Promise<void> {
    const all = entries(s.log);
    if (all.length < COMPACT_MIN_ENTRIES) return;
    const sizes = all.map((e) => e.blob?.length ?? 0);
    const total = sizes.reduce((a, b) => a + b, 0);
    const largest = Math.max(...sizes);
    if (all.length < COMPACT_MAX_ENTRIES && total < 2 * largest) return;
    const applied = new Set(all.filter((e) => s.processed.has(e.id)).map((e) => e.id));
    const snapshot = await seal(s.key, s.config.vaultId, vault.encodeState());
    this.pushBlobs(s, [snapshot], applied);
  }

  private async persist(s: Session, extra: { cursor: number; held: Map<string, Set<string>>; fullToken: unknown } | null): Promise<void> {
    const vaultUpdates = s.vaultUnsaved.splice(0);
    const carrierUpdates = s.carrierReady.splice(0);
    const pending = s.pending;
    const db = this.o.db;
    // Past SAVED_ROWS rows, a document's saved updates are replaced by its whole state (it is in memory).
    const vaultState = vaultUpdates.length > 0 && s.vault && s.savedRows.vault >= SAVED_ROWS ? s.vault.encodeState() : null;
    // (The carrier only when it holds no entry still to apply: those must not be saved before they are.)
    const carrierState = carrierUpdates.length > 0 && s.carrierIncoming.length === 0 && s.savedRows.carrier >= SAVED_ROWS ? Y.encodeStateAsUpdateV2(s.carrier) : null;
    try {
      await db.transaction('rw', db.syncUpdates, db.syncState, async () => {
        if (vaultState) await db.syncUpdates.where('doc').equals('vault').delete();
        if (carrierState) await db.syncUpdates.where('doc').equals('carrier').delete();
        if (vaultUpdates.length > 0) await db.syncUpdates.add({ doc: 'vault', data: vaultState ?? Y.mergeUpdatesV2(vaultUpdates) });
        if (carrierUpdates.length > 0) await db.syncUpdates.add({ doc: 'carrier', data: carrierState ?? Y.mergeUpdatesV2(carrierUpdates) });
        await db.syncState.put({ key: PENDING_KEY, value: pending });
        if (extra) {
          await db.syncState.put({ key: cursorKey('all'), value: extra.cursor });
          await db.syncState.put({ key: 'held', value: Array.from(extra.held).flatMap(([t, ids]) => Array.from(ids).map((id) => [t, id])) });
          if (s.joining) await db.syncState.put({ key: JOINING_KEY, value: false });
          // The full reconcile this cycle did: done, unless someone asked again meanwhile (a new token).
          if (extra.fullToken !== null && (await db.syncState.get(FULL_SYNC_KEY))?.value === extra.fullToken) await db.syncState.delete(FULL_SYNC_KEY);
        }
      });
    } catch (error) {
      s.vaultUnsaved.unshift(...vaultUpdates);
      s.carrierReady.unshift(...carrierUpdates);
      throw error;
    }
    s.savedPending = pending;
    if (vaultUpdates.length > 0) s.savedRows.vault = vaultState ? 1 : s.savedRows.vault + 1;
    if (carrierUpdates.length > 0) s.savedRows.carrier = carrierState ? 1 : s.savedRows.carrier + 1;
  }

  private async takeSettings(row: Row, readBefore: Record<string, unknown> | null): Promise<void> {
    const now = pick(await this.o.settings.read());
    // The user saved settings while this cycle ran: their change goes out first, the vault's comes back next cycle.
    if (readBefore && SYNCED_SETTINGS.some((f) => JSON.stringify(now[f]) !== JSON.stringify(readBefore[f]))) {
      this.settingsChanged();
      return;
    }
    const fields: Record<string, unknown> = {};
    for (const f of SYNCED_SETTINGS) if (row[f] !== undefined && JSON.stringify(row[f]) !== JSON.stringify(now[f])) fields[f] = row[f];
    if (Object.keys(fields).length > 0) await this.o.settings.write(fields);
  }

  // --- status ---------------------------------------------------------------------

  private updateStatus(transient?: 'syncing'): void {
    const status = this.computeStatus(transient);
    if (JSON.stringify(status) === JSON.stringify(this.lastStatus)) return;
    this.lastStatus = status;
    this.o.onStatus?.(status);
  }

  private computeStatus(transient?: 'syncing'): SyncStatus {
    const config = this.config;
    if (!config) return offStatus();
    const base = { relayUrl: config.relayUrl, pending: this.session?.pending ?? 0, lastSyncedAt: this.session?.lastSyncedAt ?? null };
    if (!config.enabled) return { ...base, state: 'off', message: t('syncText.offOnThisDevice') };
    const s = this.session;
    if (this.failure) return { ...base, state: 'error', message: this.failure };
    if (!s) return { ...base, state: 'connecting', message: t('syncText.starting') };
    if (s.unreadable > 0) {
      return {
        ...base,
        state: 'error',
        message: tn('syncText.undecryptable', s.unreadable),
      };
    }
    if (this.live(s)) {
      const working = transient === 'syncing' || s.joining || this.cycleQueued || this.scanRequested || this.changes.size > 0 || this.settingsDirty;
      if (working) return { ...base, state: 'syncing', message: t('syncText.syncing') };
      return { ...base, pending: 0, state: 'synced', message: t('syncText.synced') };
    }
    const connecting = s.provider.wsconnecting || s.provider.wsconnected;
    if (connecting && !s.connectedOnce && Date.now() - s.startedAt < this.o.connectGraceMs) return { ...base, state: 'connecting', message: t('syncText.connecting') };
    if (s.joining) return { ...base, state: 'offline', message: t('syncText.offlineJoining') };
    if (base.pending > 0) return { ...base, state: 'offline', message: waitingMessage(base.pending) };
    return { ...base, state: 'offline', message: t('syncText.offline') };
  }
}

/** The carrier's entries in order, with the ids of the items holding them. */
function entries(log: Y.Array<Uint8Array>): Entry[] {
  const out: Entry[] = [];
  let index = 0;
  for (let item = log._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    const content = item.content.getContent();
    for (let i = 0; i < item.length; i++) {
      const value = content[i];
      const clock = item.id.clock + i;
      out.push({ id: `${item.id.client}.${clock}`, client: item.id.client, clock, index, blob: value instanceof Uint8Array ? value : null });
      index++;
    }
  }
  return out;
}

function pick(settings: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { id: SETTINGS_ROW };
  for (const f of SYNCED_SETTINGS) if (settings[f] !== undefined) out[f] = settings[f];
  return out;
}
