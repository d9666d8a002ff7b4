/** Who sent a runtime message. Anything else is dropped. */

import { isMeetingHost } from './meeting-protocol';

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

/** Sites whose content scripts may talk to the background. */
const CONTENT_HOSTS = [/^(?:[a-z0-9-]+\.)*linkedin\.com$/];

export function classifySender(sender: SenderLike, runtimeId: string, extensionOrigin: string): SenderKind | null {
  if (sender.id !== runtimeId || !sender.url) return null;
  if (sender.url.startsWith(extensionOrigin)) return 'extension-page';
  if (sender.tab?.id === undefined) return null;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  if (CONTENT_HOSTS.some((host) => host.test(url.hostname))) return 'content';
  return isMeetingHost(url.hostname) ? 'meeting-content' : null;
}
