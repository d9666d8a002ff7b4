/** Calls from extension pages (popup, side panel). Replies are parsed like any other input. */
import { browser } from 'wxt/browser';
import { injectedRead, pageReadReply, type InjectedRead, type PageReadReply } from './protocol';

/** Ask the tab's content script what it reads. Rejects when the tab has none (not a supported page). */
export async function readTab(tabId: number): Promise<PageReadReply> {
  return pageReadReply.parse(await browser.tabs.sendMessage(tabId, { type: 'page/read' }));
}

/**
 * Run the extractors in the tab once, on demand (activeTab's access after the
 * user clicked the toolbar button or pressed the shortcut). Leaves nothing running.
 */
export async function readTabOnDemand(tabId: number): Promise<InjectedRead> {
  const [injection] = await browser.scripting.executeScript({ target: { tabId }, files: ['/read-page.js'] });
  return injectedRead.parse(injection?.result);
}


/** After a page changed requests or settings: let the background recount due reminders. */
export function refreshReminders(): void {
  browser.runtime.sendMessage({ type: 'reminders/refresh' }).catch(() => {});
}
