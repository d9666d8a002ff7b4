import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { getDb } from '@/utils/db/db';
import { readTab, readTabOnDemand } from '@/utils/messaging/client';
import type { ToContentMessage } from '@/utils/messaging/protocol';
import { openSidePanel } from '@/utils/side-panel';
import { focusedPersonId } from '@/utils/ui-state';
import { now } from '@/utils/clock';
import { getSettings } from '@/utils/settings';
import { setupCalls } from './calls';
import { createReminders } from './reminders';
import { createRouter } from './router';

const MENU_SAVE = 'introbook-save-person';

export default defineBackground(() => {
  const db = getDb();
  const reminders = createReminders(db, now);
  const callTracking = setupCalls({ db, now, userName: async () => (await getSettings()).name, extensionOrigin: browser.runtime.getURL('/'), openSidePanel });
  const router = createRouter({
    calls: callTracking.calls,
    db,
    refreshReminders: reminders.refresh,
    runtimeId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    openSidePanel,
    setFocusedPerson: (id) => focusedPersonId.setValue(id),
    // LinkedIn tabs answer from their content script; elsewhere the shortcut's
    // activeTab grant lets us run the extractors once in the page.
    readTab: (tabId) => readTab(tabId).catch(async () => (await readTabOnDemand(tabId)).reply),
    notifyTab: async (tabId, message: ToContentMessage) => {
      await browser.tabs.sendMessage(tabId, message);
    },
    log: (message, detail) => console.warn(message, detail),
  });

  browser.runtime.onMessage.addListener((message, sender) => router.handle(message, sender));
  reminders.setup();

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: MENU_SAVE,
      title: 'Save person to Introbook',
      contexts: ['page'],
      documentUrlPatterns: ['*://*.linkedin.com/*'],
    });
  });

  const saveTab = (tabId: number | undefined) => {
    if (tabId !== undefined) void router.saveFromTab(tabId);
  };

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_SAVE) saveTab(tab?.id);
  });

  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'save-profile') return;
    const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    saveTab(id);
  });
  callTracking.listen();
});
