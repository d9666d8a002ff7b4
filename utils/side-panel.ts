import { browser } from 'wxt/browser';

interface ChromeSidePanel {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
}

/**
 * Open Chrome's side panel (or Firefox's sidebar) for the current window.
 * Call it straight from a click handler, before any await: both browsers
 * require the user gesture.
 */
export function openSidePanel(target: { tabId?: number } = {}): void {
  const chromeApi = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel; windows?: { WINDOW_ID_CURRENT: number } } })
    .chrome;
  const warn = (error: unknown) => console.warn('Introbook: the side panel did not open', error);
  if (chromeApi?.sidePanel) {
    const options = target.tabId !== undefined ? { tabId: target.tabId } : { windowId: chromeApi.windows?.WINDOW_ID_CURRENT ?? -2 };
    chromeApi.sidePanel.open(options).catch(warn);
    return;
  }
  const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  sidebar?.open().catch(warn);
}
