/**
 * Every message between Introbook's parts, as zod schemas parsed at the receiving
 * end. Content scripts are untrusted (a page can compromise them), so what they
 * may send is a narrow set: submit a capture, ask whether the person on screen
 * is saved, ask to open the side panel on them, and hand in a capture-health
 * structure report (no text, URLs or names). They never list, export or delete.
 */
import { z } from '../zod';
import { httpsUrl, profileCaptureSchema } from '../domain/schemas';
import { captureHealthMessage } from '../capture-health';
import { READ_PROBLEMS } from './wire';

// --- content script → background -----------------------------------------------

export const captureSaveMessage = z.object({
  type: z.literal('capture/save'),
  capture: profileCaptureSchema,
  confirmed: z.boolean().default(false),
  confirmName: z.boolean().default(false),
});
export const personStatusMessage = z.object({ type: z.literal('person/status'), profileUrl: httpsUrl });
export const openSidePanelMessage = z.object({ type: z.literal('sidepanel/open'), profileUrl: httpsUrl });
/** Load the full reader into the sending tab (only our own file, only into a person page's content-script world). */
export const loadReaderMessage = z.object({ type: z.literal('reader/load') });
/**
 * The in-page button's texts in the browser's language, and with `profileUrl` (the person its own tab shows)
 * whether that person is saved: one round trip before the button shows (issue #11).
 */
export const inPageTextMessage = z.object({ type: z.literal('inPage/text'), profileUrl: httpsUrl.optional() });

export { captureHealthMessage };

export const contentMessage = z.discriminatedUnion('type', [captureSaveMessage, personStatusMessage, openSidePanelMessage, captureHealthMessage, loadReaderMessage, inPageTextMessage]);

// --- extension page (popup, side panel) → background ----------------------------
// The popup's and the side panel's first views read through the background's data
// API (utils/remote/); the views that edit (and the options and welcome pages) open
// the store themselves and only ask the background, here, to recount reminders
// after a change.

/** The store changed in a page: recount due follow-ups (badge, notifications, next alarm). */
export const refreshRemindersMessage = z.object({ type: z.literal('reminders/refresh') });
export const pageMessage = z.discriminatedUnion('type', [refreshRemindersMessage]);
export type PageMessage = z.infer<typeof pageMessage>;

// --- background / popup → content script ----------------------------------------
// The content script checks these by hand (wire.ts): it carries no zod.

// --- replies ---------------------------------------------------------------------

/** What the content script read on its page; the popup shows it, the background saves it. */
export const pageReadReply = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), capture: profileCaptureSchema, confirmed: z.boolean().default(false) }),
  z.object({ status: z.literal('not-profile') }),
  z.object({ status: z.literal('unreadable'), code: z.enum(READ_PROBLEMS), noPerson: z.boolean().default(false) }),
]);

/** What the on-demand page reader returns to the popup through executeScript. */
export const injectedRead = z.object({
  url: z.string().max(4096),
  selection: z.string().max(1000),
  reply: pageReadReply,
});
export type InjectedRead = z.infer<typeof injectedRead>;

export const saveReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), personId: z.uuid(), created: z.boolean(), name: z.string(), duplicate: z.boolean() }),
  z.object({ ok: z.literal(false), error: z.string(), confirmName: z.string().optional() }),
]);

export const statusReply = z.object({ saved: z.boolean(), personId: z.uuid().nullable() });

// The types are wire.ts's; the schemas above must parse to exactly them (checked in protocol.test.ts).
export type { ContentMessage, InPageTextReply, PageReadReply, SaveReply, StatusReply, ToContentMessage } from './wire';
export { toPageReadReply } from './wire';
