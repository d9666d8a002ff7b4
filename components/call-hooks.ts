/**
 * The side panel follows the active tab: the live call in its window's
 * active tab, else the most recent call (also when the panel is open as a
 * page). The panel also holds a port to the background so it knows a panel
 * is open (no "prep notes are ready" notification then).
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { callToShow, liveCallsItem, type LiveCall, type LiveCalls } from '@/utils/calls-state';
import { PANEL_PORT } from '@/utils/messaging/panel-port';

export function useLiveCall(): LiveCall | null {
  const [calls, setCalls] = useState<LiveCalls>({});
  const [activeTabId, setActiveTabId] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    void liveCallsItem.getValue().then(setCalls);
    const unwatch = liveCallsItem.watch((value) => setCalls(value ?? {}));
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => {
      unwatch();
      clearInterval(timer);
    };
  }, []);

  useEffect(() => {
    let windowId: number | null = null;
    let stopped = false;
    let port: ReturnType<typeof browser.runtime.connect> | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      try {
        port = browser.runtime.connect({ name: PANEL_PORT });
        port.postMessage({ windowId });
        // The worker stops now and then: connect again so it still knows the panel is open.
        port.onDisconnect.addListener(() => {
          if (!stopped) retry = setTimeout(connect, 1000);
        });
      } catch {
        port = null;
      }
    };
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (info.windowId === windowId) setActiveTabId(info.tabId);
    };
    void (async () => {
      try {
        const win = await browser.windows.getCurrent();
        windowId = win.id ?? null;
        const [tab] = await browser.tabs.query({ active: true, windowId: windowId ?? undefined });
        // Opened as a page, the panel is itself the active tab: it then shows the most recent call.
        const self = await browser.tabs.getCurrent?.().catch(() => undefined);
        if (!stopped) setActiveTabId(tab?.id !== undefined && tab.id !== self?.id ? tab.id : null);
      } catch {
        // No windows API (tests): show the most recent call.
      }
      connect();
      try {
        browser.tabs.onActivated.addListener(onActivated);
      } catch {
        // as above
      }
    })();
    return () => {
      stopped = true;
      clearTimeout(retry);
      port?.disconnect();
      try {
        browser.tabs.onActivated.removeListener(onActivated);
      } catch {
        // as above
      }
    };
  }, []);

  return callToShow(calls, activeTabId, now);
}

/** Ask the background to act on a call (the side panel's only call messages). */
export async function sendCallMessage(message: { type: 'call/choose'; tabId: number; personId: string } | { type: 'call/dismiss'; tabId: number }): Promise<boolean> {
  try {
    const reply = (await browser.runtime.sendMessage(message)) as { ok?: boolean } | undefined;
    return reply?.ok === true;
  } catch {
    return false;
  }
}

/** A clock for timers, ticking every second while `active`. */
export function useTick(active: boolean, everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs]);
  return now;
}
