/**
 * Messages about video calls, parsed with zod where they arrive (the
 * background). A meeting page's content script may send exactly one kind —
 * what its own tab's call looks like — and learns nothing back. Extension
 * pages (the side panel) tell the background who a call is with, or that the
 * user is done with it.
 */
import { z } from '../zod';
import { httpsUrl, LIMITS } from '../domain/schemas';
import { CALL_SITES, CALL_STATES } from '../meeting/types';
import { isMeetingHost } from '../meeting/hosts';

// Zod-free (the sender check in guards.ts runs in extension pages too); re-exported for existing importers.
export { MEETING_HOSTS, isMeetingHost } from '../meeting/hosts';

const meetingLink = httpsUrl.refine((value) => {
  const url = new URL(value);
  return isMeetingHost(url.hostname) && url.search === '' && url.hash === '';
}, 'must be a meeting page without query');

const name = z.string().trim().min(1).max(LIMITS.name);

/** content script → background: the state of the call in the sending tab (and frame). */
export const callStateMessage = z.object({
  type: z.literal('call/state'),
  site: z.enum(CALL_SITES),
  state: z.enum(CALL_STATES),
  title: z.string().max(300).nullable(),
  code: z.string().trim().min(3).max(200).regex(/^[\p{L}\p{N}:@._%-]+$/u).nullable(),
  link: meetingLink.nullable(),
  participants: z.array(name).max(50),
  self: name.nullable(),
});
export type CallStateMessageParsed = z.infer<typeof callStateMessage>;

/** side panel → background: the user says who the call in this tab is with. */
export const callChooseMessage = z.object({
  type: z.literal('call/choose'),
  tabId: z.number().int().nonnegative(),
  personId: z.uuid(),
});

/** side panel → background: the user has finished with this call's after-call steps. */
export const callDismissMessage = z.object({ type: z.literal('call/dismiss'), tabId: z.number().int().nonnegative() });

export const callPageMessage = z.discriminatedUnion('type', [callChooseMessage, callDismissMessage]);
export type CallPageMessage = z.infer<typeof callPageMessage>;

/** Any message about calls (routed to the calls module, which checks who may send which). */
export function isCallMessage(message: unknown): boolean {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string' && (message as { type: string }).type.startsWith('call/');
}

export { PANEL_PORT } from './panel-port';
