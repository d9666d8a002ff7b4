/**
 * Watching a meeting page from its content script: read the page when it
 * changes (a MutationObserver, throttled), every few seconds (tiles re-render
 * without structural changes), and when the tab becomes visible again; feed
 * the tracker; send the background a message when the state or what the page
 * shows changes, plus a heartbeat while a call is on. Plain timers, all
 * cleared by stop(): nothing accumulates per change.
 */
import { callKeyOfLink } from './call-key';
import { readCall } from './read';
import { CallTracker, DEFAULT_TIMING, type TrackerTiming } from './tracker';
import type { CallReading, CallStateMessage, MeetingSite } from './types';

export interface WatchOptions {
  site: MeetingSite;
  win: Window;
  /** The URL the tab first opened (Teams joins from a link, then shows a generic shell). */
  firstUrl: URL;
  send: (message: CallStateMessage) => void;
  timing?: TrackerTiming;
  throttleMs?: number;
  pollMs?: number;
  heartbeatMs?: number;
}

export function watchCall(options: WatchOptions): { stop(): void; check(): void } {
  const { site, win, firstUrl, send } = options;
  const doc = win.document;
  const tracker = new CallTracker(options.timing ?? DEFAULT_TIMING);
  const throttleMs = options.throttleMs ?? 400;
  let throttle: number | undefined;
  let recheck: number | undefined;
  let lastSent = '';
  let lastSentAt = 0;

  const currentUrl = () => {
    try {
      return new URL(win.location.href);
    } catch {
      return firstUrl;
    }
  };

  function message(reading: CallReading): CallStateMessage {
    const url = currentUrl();
    // The code the tab was opened with beats none (Teams' shell URL names no meeting).
    const code = reading.code ?? site.code(doc, firstUrl);
    // The page's address when it names the meeting, else the link the tab opened with; never the query (passcodes).
    const linkUrl = [url, firstUrl].find((u) => site.isMeetingUrl(u) && callKeyOfLink(`${u.origin}${u.pathname}`) !== null);
    return {
      type: 'call/state',
      site: site.site,
      state: tracker.state,
      title: reading.title,
      code,
      link: linkUrl ? `${linkUrl.origin}${linkUrl.pathname}` : null,
      participants: reading.participants,
      self: reading.self,
    };
  }

  function check() {
    const url = currentUrl();
    if (tracker.state === 'idle' && !site.isMeetingUrl(url) && !site.isMeetingUrl(firstUrl)) return;
    const reading = readCall(doc, url, site);
    const { recheckInMs } = tracker.observe(reading, Date.now());
    win.clearTimeout(recheck);
    recheck = recheckInMs === null ? undefined : win.setTimeout(check, recheckInMs + 20);
    // Nothing to tell while idle, nor while a change waits for confirmation (the page is mid-change).
    if (tracker.state === 'idle' || recheckInMs !== null) return;
    const next = message(reading);
    const key = JSON.stringify(next);
    const heartbeatDue = tracker.state !== 'ended' && Date.now() - lastSentAt >= (options.heartbeatMs ?? 30_000);
    if (key !== lastSent || heartbeatDue) {
      lastSent = key;
      lastSentAt = Date.now();
      send(next);
    }
  }

  // A busy app (Teams' chat) changes its page all the time: read it at most every throttleMs, and
  // less often while no call is on.
  const schedule = () => {
    if (throttle === undefined) {
      throttle = win.setTimeout(
        () => {
          throttle = undefined;
          check();
        },
        tracker.state === 'idle' ? throttleMs * 2.5 : throttleMs,
      );
    }
  };
  const Observer = (win as Window & { MutationObserver: typeof MutationObserver }).MutationObserver;
  const observer = new Observer(schedule);
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-call-ended'] });
  const poll = win.setInterval(check, options.pollMs ?? 5000);
  const onVisible = () => {
    if (doc.visibilityState === 'visible') check();
  };
  doc.addEventListener('visibilitychange', onVisible);
  const onHide = () => {
    // The page is going away (closed, reloaded, navigated): let the background decide whether the call goes on.
    if (tracker.state !== 'idle') send({ ...message(readCall(doc, currentUrl(), site)), state: 'idle' });
  };
  win.addEventListener('pagehide', onHide);
  check();

  return {
    check,
    stop() {
      observer.disconnect();
      win.clearInterval(poll);
      win.clearTimeout(throttle);
      win.clearTimeout(recheck);
      doc.removeEventListener('visibilitychange', onVisible);
      win.removeEventListener('pagehide', onHide);
    },
  };
}
