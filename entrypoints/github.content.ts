/**
 * GitHub: nothing runs until asked. The popup (or the keyboard command) asks
 * for the person on the page; the extractor reads it then. No observers, no UI.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { readProfile } from '@/utils/extract';
import { toContentMessage, toPageReadReply, type PageReadReply } from '@/utils/messaging/protocol';

export default defineContentScript({
  matches: ['https://github.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const onMessage = (message: unknown, sender: { id?: string }): Promise<PageReadReply> | undefined => {
      if (sender.id !== browser.runtime.id) return undefined;
      const parsed = toContentMessage.safeParse(message);
      if (!parsed.success || parsed.data.type !== 'page/read') return undefined;
      const result = readProfile(document, location.href);
      return Promise.resolve(
        toPageReadReply(result),
      );
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
