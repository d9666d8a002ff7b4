/**
 * Who sent a runtime message, and whether a capture may be saved for the page
 * it claims to come from. Everything a page produced is checked against what
 * the browser says (the sender's tab URL), never against what the page says.
 */
import { canonicalProfileUrl, isLinkedInPageUrl, isMemberIdUrl, linkedInPage, pageKey } from '../core/canonical-url';
import type { ProfileCapture } from '../domain/schemas';

import { isMeetingHost } from '../meeting/hosts';

/**
 * `content`: a LinkedIn page's content script. `meeting-content`: a meeting
 * page's (Meet, Zoom, Teams), which may only report its call's state.
 */
export type SenderKind = 'content' | 'meeting-content' | 'extension-page';

export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string; windowId?: number };
  frameId?: number;
}

/**
 * Extension pages by origin; content scripts only from a tab on the LinkedIn
 * hosts the content script is declared for (https, www/m/country hosts).
 */
export function classifySender(sender: SenderLike, runtimeId: string, extensionOrigin: string): SenderKind | null {
  if (sender.id !== runtimeId || !sender.url) return null;
  if (sender.url.startsWith(extensionOrigin)) return 'extension-page';
  if (sender.tab?.id === undefined) return null;
  if (isLinkedInPageUrl(sender.url)) return 'content';
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  return isMeetingHost(url.hostname) ? 'meeting-content' : null;
}

/**
 * The URL the sending tab shows now. After LinkedIn's in-app navigation only
 * the tab's URL is current (`sender.url` stays the document's first URL).
 */
export function senderPageUrl(sender: SenderLike): string {
  return sender.tab?.url ?? sender.url ?? '';
}

export type CaptureCheck =
  | { ok: true; capture: ProfileCapture; pageKey: string }
  /** `no-page`: the tab shows nothing Introbook keys people by; `other-person`: the capture speaks of someone the page's URL doesn't name. */
  | { ok: false; why: 'no-page' | 'other-person' | 'not-confirmed' };

/** True for a LinkedIn key from an id space of its own: member id, Sales Navigator lead, Recruiter profile. */
function isAliasSpaceKey(key: string): boolean {
  const page = linkedInPage(key);
  return page !== null && (page.kind !== 'profile' || isMemberIdUrl(key));
}

/**
 * May this capture be saved for the page at `tabUrl`? The page's key comes
 * from the tab's URL (given by the browser), and:
 * - a capture keyed by that key carries no other key;
 * - only a page in an alias id space (`/in/ACoAA…`, Sales Navigator,
 *   Recruiter) may name a different, member URL, and then its one alias must
 *   be the page's own key, and the read must be `confirmed` (the page itself
 *   ties what it shows to its URL, or no in-app navigation happened since it
 *   loaded), so a stale page never links its URL to the previous person.
 * Returns the capture with exactly the aliases the store may trust.
 */
export function checkCaptureForPage(capture: ProfileCapture, tabUrl: string | undefined, confirmed: boolean): CaptureCheck {
  const key = tabUrl ? pageKey(tabUrl) : null;
  if (key === null) return { ok: false, why: 'no-page' };
  const others = capture.aliases.filter((a) => a !== capture.profileUrl);
  if (capture.profileUrl === key) {
    if (others.some((a) => a !== key)) return { ok: false, why: 'other-person' };
    return { ok: true, capture: { ...capture, aliases: [] }, pageKey: key };
  }
  const namesMember = canonicalProfileUrl(capture.profileUrl) === capture.profileUrl && !isMemberIdUrl(capture.profileUrl);
  if (!isAliasSpaceKey(key) || !namesMember || others.length !== 1 || others[0] !== key) {
    return { ok: false, why: 'other-person' };
  }
  if (!confirmed) return { ok: false, why: 'not-confirmed' };
  return { ok: true, capture: { ...capture, aliases: [key] }, pageKey: key };
}
