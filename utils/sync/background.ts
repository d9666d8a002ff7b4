/**
 * Sync in the background service worker: the engine, fed by the Dexie hooks,
 * by settings changes, by pages' messages and by an alarm.
 *
 * Why here and not in an offscreen document: since Chrome 116 a WebSocket that
 * exchanges messages at least every 30 s keeps an extension service worker
 * alive, and y-websocket's awareness (plus our own 20 s keep-alive) does
 * exactly that while connected. The service worker is also where every
 * capture is saved, so it hears about changes first. An offscreen document
 * would need the `offscreen` permission with a reason Chrome does not list for
 * this, exists in Chrome only, and would still need the worker to wake it.
 * When the relay is unreachable the worker may stop; a one-minute alarm (and
 * any page's write) wakes it, and the engine starts again from IndexedDB.
 */
import { browser } from 'wxt/browser';
import type { IntrobookDB } from '../db/app-db';
import { classifySender, type SenderLike } from '../messaging/guards';
import { getSettings, saveSettings, watchSettings } from '../settings';
import { onLocalChanges } from './changes';
import { PairingCodeError } from './crypto';
import { RelayUrlError, SyncEngine, type SettingsPort } from './engine';
import { syncMessage, type SyncReply } from './messages';
import { syncStatusItem } from './status';
import { t } from '../i18n';
import { pairingCodeMessage } from './pairing-messages';

export const SYNC_ALARM = 'introbook-sync';

export const settingsPort: SettingsPort = {
  read: async () => ({ ...(await getSettings()) }),
  write: async (fields) => {
    const current = await getSettings();
    await saveSettings({ ...current, ...fields });
  },
};

export interface BackgroundSync {
  engine: SyncEngine;
  /** Answer a page's sync message (the caller has checked isSyncMessage). */
  handle(message: unknown, sender: SenderLike): Promise<SyncReply>;
}

export function startSync({ db, onRemoteChange }: { db: IntrobookDB; onRemoteChange?: () => void }): BackgroundSync {
  const engine = new SyncEngine({
    db,
    settings: settingsPort,
    onStatus: (status) => void syncStatusItem.setValue(status),
    onRemoteChange,
    onEnabled: (on) => {
      if (on) void browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
      else void browser.alarms.clear(SYNC_ALARM);
    },
    log: (message, detail) => console.warn(message, detail),
  });
  // Writes made here (captures, reminders) and in pages (through messages). Pages
  // read whether sync is on from this device's vault membership in IndexedDB.
  onLocalChanges((report) => engine.localChanged(report));
  // An older version kept that flag in storage.local, which Firefox's content scripts can write.
  // Where versions before this one kept these (Firefox content scripts can write storage.local).
  void browser.storage.local.remove(['syncOn', 'dueIndexWeek']).catch(() => {});
  watchSettings(() => engine.settingsChanged(), db);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void engine.kick();
  });
  void engine.start();

  const runtimeId = browser.runtime.id;
  const origin = browser.runtime.getURL('/');

  async function handle(message: unknown, sender: SenderLike): Promise<SyncReply> {
    if (classifySender(sender, runtimeId, origin) !== 'extension-page') return { ok: false, error: t('background.rejected') };
    const parsed = syncMessage.safeParse(message);
    if (!parsed.success) return { ok: false, error: t('background.rejected') };
    const msg = parsed.data;
    try {
      switch (msg.type) {
        case 'sync/changed':
          engine.localChanged({ changes: msg.changes, full: msg.full });
          return { ok: true };
        case 'sync/create':
          await engine.create(msg.relayUrl);
          return { ok: true };
        case 'sync/join':
          await engine.join(msg.relayUrl, msg.code);
          return { ok: true };
        case 'sync/pause':
          await engine.pause();
          return { ok: true };
        case 'sync/resume':
          await engine.resume();
          return { ok: true };
        case 'sync/leave':
          await engine.leave();
          return { ok: true };
      }
    } catch (error) {
      if (error instanceof PairingCodeError) return { ok: false, error: pairingCodeMessage(error) };
      if (error instanceof RelayUrlError) return { ok: false, error: error.message };
      console.warn('Introbook sync: a command failed', error);
      return { ok: false, error: t('syncText.commandFailed') };
    }
  }

  return { engine, handle };
}
