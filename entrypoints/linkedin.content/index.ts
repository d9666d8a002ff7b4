/**
 * LinkedIn content script: shows one Save button next to the person's name,
 * reads the page when needed, and sends captures to the background. It never
 * opens the database (its IndexedDB would be linkedin.com's) and never sees
 * stored data beyond "is the person on screen saved". It runs only on the
 * LinkedIn hosts it reads, over https (the background's sender check allows
 * the same set). It carries only the name probe; the full reader
 * (entrypoints/linkedin-reader.ts) is injected by the background into this
 * same isolated world when a read is needed (issue #11).
 * The work is in page.ts; this file wires it to the browser.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { LINKEDIN_MATCHES } from '@/utils/core/canonical-url';
import { probeLinkedInName } from '@/utils/extract/linkedin-name';
import { LINKEDIN_READER_KEY } from '@/utils/messaging/wire';
import { LinkedInPage, type Reader } from './page';

/** The reader the injected file left in this world, if it is there and looks like one. */
function injectedReader(): Reader | null {
  const reader = (globalThis as Record<symbol, unknown>)[LINKEDIN_READER_KEY] as Partial<Reader> | undefined;
  return typeof reader?.read === 'function' && typeof reader.nameElement === 'function' ? (reader as Reader) : null;
}

/** Ask the background to inject the reader (once per page), then take it from this world. */
async function loadReader(): Promise<Reader> {
  if (!injectedReader()) {
    const reply = (await browser.runtime.sendMessage({ type: 'reader/load' })) as { ok?: unknown } | undefined;
    // i18n-ignore: caught by page.ts, never shown (the button says inPage.noAnswer)
    if (reply?.ok !== true) throw new Error('The reader could not be loaded.');
  }
  const reader = injectedReader();
  // i18n-ignore: caught by page.ts, never shown (the button says inPage.noAnswer)
  if (!reader) throw new Error('The reader could not be loaded.');
  return reader;
}

export default defineContentScript({
  matches: [...LINKEDIN_MATCHES],
  runAt: 'document_idle',
  // WXT's ContentScriptContext tells an older copy of this script to stop with a DOM event; its second,
  // legacy signal (a window.postMessage, which the page's own message listeners see) costs a profile load
  // main-thread time for nothing we use (issue #11). WXT's own option, its future default.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const page = new LinkedInPage({
      doc: document,
      url: () => location.href,
      probe: probeLinkedInName,
      loadReader,
      send: (message) => browser.runtime.sendMessage(message),
    });
    // Fires at navigation start (Navigation API): the URL is the event's, while
    // `location` and the DOM may still be the previous page's.
    ctx.addEventListener(window, 'wxt:locationchange', (event) => page.navigate(event.newUrl.href));
    // The browser's own API object here, not the polyfill (wxt.config.ts): an async answer goes
    // through sendResponse with `return true`, which Chrome and Firefox both support.
    const onMessage = (message: unknown, sender: { id?: string }, sendResponse: (reply: unknown) => void): true | undefined => {
      // Only our own extension speaks to us; the page can't reach this listener.
      if (sender.id !== browser.runtime.id) return undefined;
      const reply = page.handleMessage(message);
      if (!reply) return undefined;
      void reply.then(sendResponse);
      return true;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      page.dispose();
    });
    page.start();
  },
});
