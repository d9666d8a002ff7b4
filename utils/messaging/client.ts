/** Calls from extension pages (popup, side panel). Replies are parsed like any other input. */
import { browser } from 'wxt/browser';
import { pageReadReply, saveReply, okReply, type OkReply, type PageReadReply, type SaveReply } from './protocol';

/** Ask the tab's content script what it reads. Rejects when the tab has none (not a supported page). */
export async function readTab(tabId: number): Promise<PageReadReply> {
  return pageReadReply.parse(await browser.tabs.sendMessage(tabId, { type: 'page/read' }));
}

export async function saveTab(tabId: number): Promise<SaveReply> {
  return saveReply.parse(await browser.runtime.sendMessage({ type: 'tab/save', tabId }));
}

export async function focusPersonInPanel(profileUrl: string): Promise<OkReply> {
  return okReply.parse(await browser.runtime.sendMessage({ type: 'sidepanel/open', profileUrl }));
}
