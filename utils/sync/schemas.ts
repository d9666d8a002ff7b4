/**
 * Rows and settings that belong to sync itself. `syncConflicts` is synced like
 * any other table (every device shows the same history); `syncState` and
 * `syncUpdates` are device-only: this browser's copy of the vault, its
 * pairing secret and its cursors, never sent anywhere.
 */
import { z } from '../zod';

const timestamp = z.number().int().nonnegative();

export const CONFLICT_KINDS = ['field', 'restore', 'merge'] as const;

/**
 * Something sync decided for the user that they should be able to see:
 * - `field`: the same field changed on two devices at once; `kept` won (the same
 *   on every device), `other` is the value that lost.
 * - `restore`: the row was removed on one device while it was edited on
 *   another; the edits are kept in the row and the user may restore it.
 * - `merge`: two devices saved the same person (same canonical URL) under two
 *   ids while apart; `other` is the id that was folded into `rowId`.
 */
export const syncConflictSchema = z.object({
  id: z.string().min(1).max(200),
  kind: z.enum(CONFLICT_KINDS),
  table: z.string().min(1).max(100),
  rowId: z.string().min(1).max(200),
  field: z.string().max(100).nullable(),
  kept: z.unknown(),
  other: z.unknown(),
  /** When this device noticed it (each device notices the same conflict; the first write wins). */
  at: timestamp,
  /** The user looked at it (restore offers: restored or kept removed). */
  resolvedAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.nullable(),
});
export type SyncConflict = z.infer<typeof syncConflictSchema>;

/** This device's membership of a vault. Stored in IndexedDB (extension origin only), never in storage.local. */
export const syncConfigSchema = z.object({
  relayUrl: z.string().min(1).max(2048),
  vaultId: z.string().regex(/^[0-9a-z]{16}$/),
  /** The pairing secret, Crockford base32. Whoever holds it can read the vault. */
  secret: z.string().regex(/^[0-9A-Z]{26}$/),
  /** Sync is on. Off keeps the vault membership so it can be turned back on. */
  enabled: z.boolean(),
  /** Random id of this browser profile, written into the vault's row stamps. */
  deviceId: z.string().min(8).max(64),
  joinedAt: timestamp,
  /** Whether this device created the vault (shown in settings). */
  createdVault: z.boolean(),
});
export type SyncConfig = z.infer<typeof syncConfigSchema>;

export interface SyncStateRow {
  key: string;
  value: unknown;
}

export interface SyncUpdateRow {
  seq?: number;
  /** Which Yjs document the update belongs to: the plaintext vault or the encrypted carrier. */
  doc: 'vault' | 'carrier';
  data: Uint8Array;
}
