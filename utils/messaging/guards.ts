/** Who sent a runtime message. Anything else is dropped. */

export type SenderKind = 'content' | 'extension-page';

export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
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
  return CONTENT_HOSTS.some((host) => host.test(url.hostname)) ? 'content' : null;
}
