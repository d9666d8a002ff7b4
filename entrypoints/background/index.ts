import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { getDb } from '@/utils/db/db';
import { readTab, readTabOnDemand } from '@/utils/messaging/client';
import type { ToContentMessage } from '@/utils/messaging/protocol';
import { IN_PAGE_KEYS, LINKEDIN_READER_FILE } from '@/utils/messaging/wire';
import { openSidePanel } from '@/utils/side-panel';
import { focusedPersonId, pendingMerge } from '@/utils/ui-state';
import { LINKEDIN_MATCHES } from '@/utils/core/canonical-url';
import { now } from '@/utils/clock';
import { startSync } from '@/utils/sync/background';
import { isSyncMessage } from '@/utils/sync/messages';
import { getSettings } from '@/utils/settings';
import { setupCalls } from './calls';
import { createReminders } from './reminders';
import { createRouter } from './router';
import { createRemote } from './remote';
import { setupDataCare } from './data-care';
import { t } from '@/utils/i18n';

const MENU_SAVE = 'introbook-save-person';
/** One notification for the outcome of the latest shortcut or menu save (a new one replaces it). */
const SAVE_NOTIFICATION = 'introbook-save-result';

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
    setPendingMerge: (pair) => pendingMerge.setValue(pair),
    tabUrl: async (tabId) => (await browser.tabs.get(tabId)).url,
    // LinkedIn tabs answer from their content script; elsewhere the shortcut's
    // activeTab grant lets us run the extractors once in the page.
    readTab: (tabId) => readTab(tabId).catch(async () => (await readTabOnDemand(tabId)).reply),
    notifyTab: async (tabId, message: ToContentMessage) => {
      await browser.tabs.sendMessage(tabId, message);
    },
    // The LinkedIn content script carries only a probe; the reader goes in when it is needed (issue #11).
    inPageTexts: () => Object.fromEntries(IN_PAGE_KEYS.map((key) => [key, browser.i18n.getMessage(key.replaceAll('.', '_') as never, ['$1'])])),
    injectReader: async ({ tabId, frameId }) => {
      await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [LINKEDIN_READER_FILE] });
    },
    log: (message, detail) => console.warn(message, detail),
    // The shortcut and the menu have no page to answer on: a notification says how the save went.
    report: (message, ok) => {
      browser.notifications
        .create(SAVE_NOTIFICATION, {
          type: 'basic',
          iconUrl: browser.runtime.getURL('/icon/128.png'),
          title: t(ok ? 'background.savedTitle' : 'background.notSavedTitle'),
          message,
        })
        .catch((e: unknown) => console.warn('Introbook: could not show the save result', message, e));
    },
  });

  // The popup's and side panel's data API (utils/remote/protocol.ts): live queries and commands on a port.
  const remote = createRemote({
    db,
    runtimeId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    readTab,
    readTabOnDemand,
    tabUrl: async (tabId) => (await browser.tabs.get(tabId)).url,
    notifyTab: async (tabId, message: ToContentMessage) => {
      await browser.tabs.sendMessage(tabId, message);
    },
    setPendingMerge: (pair) => pendingMerge.setValue(pair),
    log: (message, detail) => console.warn(message, detail),
  });
  try {
    browser.runtime.onConnect.addListener((port) => remote.onConnect(port));
  } catch (error) {
    console.warn('Introbook: runtime.onConnect is not available here', error);
  }

  const sync = startSync({ db, onRemoteChange: () => void reminders.refresh() });
  browser.runtime.onMessage.addListener((message, sender) => (isSyncMessage(message) ? sync.handle(message, sender) : router.handle(message, sender)));
  reminders.setup();
  setupDataCare(db);

  browser.runtime.onInstalled.addListener((details) => {
    // First run: the welcome page, once, on install (not on an update or a browser update).
    if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).catch(() => {});
    browser.contextMenus.create({
      id: MENU_SAVE,
      title: t('background.saveMenu'),
      contexts: ['page'],
      documentUrlPatterns: [...LINKEDIN_MATCHES],
    });
  });

  // The shortcut and the menu grant activeTab, so the tab's URL is ours to check the page's reply against.
  const saveTab = (tab: { id?: number; url?: string } | undefined) => {
    if (tab?.id !== undefined) void router.saveFromTab(tab.id, tab.url);
  };

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_SAVE) saveTab(tab);
  });

  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'save-profile') return;
    saveTab(tab?.id !== undefined ? tab : (await browser.tabs.query({ active: true, currentWindow: true }))[0]);
  });
  callTracking.listen();
});
