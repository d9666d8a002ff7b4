/** What the settings page shows about sync, written by the background and watched by pages. */
import { storage } from 'wxt/utils/storage';
import { t, tn } from '../i18n';

export type SyncState = 'off' | 'connecting' | 'syncing' | 'synced' | 'offline' | 'error';

export interface SyncStatus {
  state: SyncState;
  /** One sentence for the user: "Synced", "Offline — 3 changes waiting", the error. */
  message: string;
  /** Changes made on this device that the relay has not received yet. */
  pending: number;
  relayUrl: string | null;
  /** When this device last finished exchanging with the relay. */
  lastSyncedAt: number | null;
}

/** Sync is off (nothing configured), in the user's language. */
export const offStatus = (): SyncStatus => ({ state: 'off', message: t('syncText.off'), pending: 0, relayUrl: null, lastSyncedAt: null });

/** Session storage: out of content scripts' reach, gone when the browser closes (the background writes it again). */
export const syncStatusItem = storage.defineItem<SyncStatus>('session:syncStatus', { fallback: offStatus() });

export function waitingMessage(pending: number): string {
  return tn('syncText.offlineWaiting', pending);
}
