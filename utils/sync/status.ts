/** What the settings page shows about sync, written by the background and watched by pages. */
import { storage } from 'wxt/utils/storage';

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

export const OFF_STATUS: SyncStatus = { state: 'off', message: 'Sync is off.', pending: 0, relayUrl: null, lastSyncedAt: null };

/** Session storage: out of content scripts' reach, gone when the browser closes (the background writes it again). */
export const syncStatusItem = storage.defineItem<SyncStatus>('session:syncStatus', { fallback: OFF_STATUS });

export function waitingMessage(pending: number): string {
  return pending === 1 ? 'Offline — 1 change waiting' : `Offline — ${pending} changes waiting`;
}
