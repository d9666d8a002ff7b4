/**
 * The body of every meeting content script: watch the page, send call-state
 * messages to the background (the only message a meeting page may send), stop
 * when the extension reloads. No React, no zod, no database.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { MeetingSite } from './types';
import { watchCall } from './watch';

export function startMeetingWatch(ctx: ContentScriptContext, site: MeetingSite): void {
  const watcher = watchCall({
    site,
    win: window,
    // The content scripts' composition root: the one place the page's globals come in.
    // eslint-disable-next-line no-restricted-globals
    firstUrl: new URL(location.href),
    send: (message) => {
      if (ctx.isInvalid) return;
      browser.runtime.sendMessage(message).catch(() => {});
    },
  });
  ctx.onInvalidated(() => watcher.stop());
}
