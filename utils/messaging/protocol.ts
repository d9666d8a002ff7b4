/**
 * Every message between Introbook's parts, as zod schemas parsed at the receiving
 * end. Content scripts are untrusted (a page can compromise them), so what they
 * may send is a narrow set: submit a capture, ask whether the person on screen
 * is saved, ask to open the side panel on them. They never list, export or delete.
 */
import { z } from '../zod';
import { httpsUrl, profileCaptureSchema } from '../domain/schemas';

// --- content script → background -----------------------------------------------

export const captureSaveMessage = z.object({ type: z.literal('capture/save'), capture: profileCaptureSchema });
export const personStatusMessage = z.object({ type: z.literal('person/status'), profileUrl: httpsUrl });
export const openSidePanelMessage = z.object({ type: z.literal('sidepanel/open'), profileUrl: httpsUrl });

export const contentMessage = z.discriminatedUnion('type', [captureSaveMessage, personStatusMessage, openSidePanelMessage]);
export type ContentMessage = z.infer<typeof contentMessage>;

// --- extension page (popup, side panel) → background ----------------------------
// Pages read and write the store themselves; they only ask the background to
// recount reminders after a change.

/** The store changed in a page: recount due follow-ups (badge, notifications, next alarm). */
export const refreshRemindersMessage = z.object({ type: z.literal('reminders/refresh') });
export const pageMessage = z.discriminatedUnion('type', [refreshRemindersMessage]);
export type PageMessage = z.infer<typeof pageMessage>;

// --- background / popup → content script ----------------------------------------

export const readPageMessage = z.object({ type: z.literal('page/read') });
export const savedNoticeMessage = z.object({
  type: z.literal('page/saved'),
  profileUrl: httpsUrl,
  personId: z.uuid(),
});
export const toContentMessage = z.discriminatedUnion('type', [readPageMessage, savedNoticeMessage]);
export type ToContentMessage = z.infer<typeof toContentMessage>;

// --- replies ---------------------------------------------------------------------

/** What the content script read on its page; the popup shows it, the background saves it. */
export const pageReadReply = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), capture: profileCaptureSchema }),
  z.object({ status: z.literal('not-profile') }),
  z.object({ status: z.literal('unreadable'), reason: z.string().max(500) }),
]);
export type PageReadReply = z.infer<typeof pageReadReply>;

/** What the on-demand page reader returns to the popup through executeScript. */
export const injectedRead = z.object({
  url: z.string().max(4096),
  selection: z.string().max(1000),
  reply: pageReadReply,
});
export type InjectedRead = z.infer<typeof injectedRead>;

/** A ReadResult (extractor output) as a reply: the `confirmed` flag stays with the sender. */
export function toPageReadReply(
  result: { status: 'ok'; capture: z.infer<typeof profileCaptureSchema> } | { status: 'not-profile' } | { status: 'unreadable'; reason: string },
): PageReadReply {
  if (result.status === 'ok') return { status: 'ok', capture: result.capture };
  if (result.status === 'unreadable') return { status: 'unreadable', reason: result.reason };
  return { status: 'not-profile' };
}

export const saveReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), personId: z.uuid(), created: z.boolean(), name: z.string() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type SaveReply = z.infer<typeof saveReply>;

export const statusReply = z.object({ saved: z.boolean(), personId: z.uuid().nullable() });
export type StatusReply = z.infer<typeof statusReply>;
