/**
 * Messages between extension pages and the background about sync, parsed with
 * zod where they arrive. Only extension pages may send them (the background
 * checks the sender); content scripts never take part in sync.
 */
import { z } from '../zod';
import { MAX_REPORTED_KEYS } from './changes';

const relayUrl = z.string().min(1).max(2048);

export const syncMessage = z.discriminatedUnion('type', [
  /** A page wrote rows of synced tables. */
  z.object({
    type: z.literal('sync/changed'),
    changes: z.record(z.string().max(100), z.array(z.string().min(1).max(200)).max(MAX_REPORTED_KEYS)),
    full: z.boolean(),
  }),
  z.object({ type: z.literal('sync/create'), relayUrl }),
  z.object({ type: z.literal('sync/join'), relayUrl, code: z.string().min(1).max(200) }),
  z.object({ type: z.literal('sync/pause') }),
  z.object({ type: z.literal('sync/resume') }),
  z.object({ type: z.literal('sync/leave') }),
]);
export type SyncMessage = z.infer<typeof syncMessage>;

export type SyncReply = { ok: true } | { ok: false; error: string };

/** Messages this module answers (everything else goes to the main router). */
export function isSyncMessage(message: unknown): boolean {
  const type = (message as { type?: unknown } | null)?.type;
  return typeof type === 'string' && type.startsWith('sync/');
}
