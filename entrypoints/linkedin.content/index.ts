/**
 * LinkedIn content script: reads the page, shows one Save button next to the
 * person's name, and sends captures to the background. It never opens the
 * database (its IndexedDB would be linkedin.com's) and never sees stored data
 * beyond "is the person on screen saved". It runs only on the LinkedIn hosts
 * it reads, over https (the background's sender check allows the same set).
 * The work is in page.ts; this file wires it to the browser.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { LINKEDIN_MATCHES } from '@/utils/core/canonical-url';
import { captureHealthReport, captureProblemsOf, findNameElement, readLinkedInPage } from '@/utils/extract/linkedin-page';
import { LinkedInPage } from './page';

export default defineContentScript({
  matches: [...LINKEDIN_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    const page = new LinkedInPage({
      doc: document,
      url: () => location.href,
      read: readLinkedInPage,
      nameElement: findNameElement,
      health: { problems: captureProblemsOf, report: captureHealthReport },
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
