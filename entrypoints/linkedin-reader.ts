/**
 * The full LinkedIn reader, injected on demand by the background
 * (`scripting.executeScript`, host access to LinkedIn's hosts) into the
 * isolated world of a tab whose LinkedIn content script asks for it: a save,
 * the popup's, shortcut's or context menu's question, or a page the content
 * script's cheap probe could not decide (issue #11: the always-on content
 * script stays small and fast). It leaves the reader where the content script
 * finds it (LINKEDIN_READER_KEY, a symbol in that world, out of the page's
 * reach) and reads nothing by itself.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { captureHealthReport, captureProblemsOf, findNameElement, readLinkedInPage } from '@/utils/extract/linkedin-page';
import { LINKEDIN_READER_KEY } from '@/utils/messaging/wire';
import type { Reader } from './linkedin.content/page';

export default defineUnlistedScript((): boolean => {
  const reader: Reader = {
    read: readLinkedInPage,
    nameElement: findNameElement,
    health: { problems: captureProblemsOf, report: captureHealthReport },
  };
  (globalThis as Record<symbol, unknown>)[LINKEDIN_READER_KEY] = reader;
  return true;
});
