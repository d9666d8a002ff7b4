/**
 * Live calls, one per tab: meeting pages report their call's state (validated
 * here), the background matches the call to a saved person, keeps the call in
 * session storage for the side panel, says "prep notes are ready" when the
 * panel is closed, and closes the loop when the call ends (the request moves
 * to "met"; the panel offers Undo and the after-call steps).
 *
 * Messages from one tab are handled one at a time (a queue), so reports that
 * arrive together never overwrite each other.
 */
import { browser } from 'wxt/browser';
import { liveCallsItem, ENDED_CALL_KEPT_MS, type FrameReport, type LiveCall, type LiveCalls } from '@/utils/calls-state';
import type { IntrobookDB } from '@/utils/db/app-db';
import { ensureCallMeeting, finishCall, gatherEvidence, rememberCallChoice, startCall } from '@/utils/db/calls';
import { getPerson } from '@/utils/db/people';
import { callKeyOf } from '@/utils/meeting/call-key';
import { rankMatches } from '@/utils/meeting/match';
import type { CallState } from '@/utils/meeting/types';
import type { SenderKind, SenderLike } from '@/utils/messaging/guards';
import { callPageMessage, callStateMessage, PANEL_PORT, type CallStateMessageParsed } from '@/utils/messaging/meeting-protocol';
import { t } from '@/utils/i18n';

export const CALLS_ALARM = 'introbook-calls';
/** A page that went away during a call (reload, navigation) has this long to come back before the call ends. */
export const GONE_GRACE_MS = 60_000;
/** A call whose page stopped reporting (heartbeat every 30 s) for this long has ended. */
export const SILENT_MS = 3 * 60_000;
export const NOTIFICATION_PREFIX = 'introbook-call:';

export interface CallsDeps {
  db: IntrobookDB;
  now: () => Promise<number>;
  userName: () => Promise<string>;
  /** Whether a side panel (or the panel opened as a page) is open in this window. */
  isPanelOpen: (windowId: number | null) => boolean;
  notify: (id: string, title: string, message: string) => Promise<void>;
  /** Ask for a sweep of gone and silent calls after `delayMs` (an alarm: the worker may sleep). */
  scheduleSweep: (delayMs: number | null) => Promise<void>;
  log: (message: string, detail?: unknown) => void;
  /** The live-calls store (session storage in the extension). */
  load?: () => Promise<LiveCalls>;
  save?: (calls: LiveCalls) => Promise<void>;
}

type Reply = { ok: boolean; error?: string };

const PRIORITY: Record<CallState, number> = { idle: 0, ended: 1, lobby: 2, 'in-call': 3 };

export function createCalls(deps: CallsDeps) {
  const load = deps.load ?? (() => liveCallsItem.getValue());
  const save = deps.save ?? ((calls: LiveCalls) => liveCallsItem.setValue(calls));
  let queue: Promise<unknown> = Promise.resolve();
  /** Run `task` after every earlier one (one writer of the live-calls store at a time). */
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  const rejected = (why: string, detail?: unknown): Reply => {
    deps.log(`Introbook: rejected a call message: ${why}`, detail);
    return { ok: false, error: t('background.callRejected') };
  };

  function handle(message: unknown, sender: SenderLike, kind: SenderKind): Promise<Reply> {
    if (kind === 'meeting-content') {
      const parsed = callStateMessage.safeParse(message);
      if (!parsed.success) return Promise.resolve(rejected('malformed call state', parsed.error.issues));
      const tabId = sender.tab?.id;
      if (tabId === undefined) return Promise.resolve(rejected('no tab'));
      // A page speaks only of its own host's call.
      if (parsed.data.link && new URL(parsed.data.link).hostname !== new URL(sender.url ?? 'https://invalid/').hostname) {
        return Promise.resolve(rejected('link of another host', parsed.data.link));
      }
      return serial(() => report(tabId, sender.tab?.windowId ?? null, String(sender.frameId ?? 0), parsed.data)).then(
        () => ({ ok: true }),
        (error: unknown) => {
          deps.log('Introbook: call report failed', error);
          return { ok: false, error: t('background.callNotRecorded') };
        },
      );
    }
    if (kind !== 'extension-page') return Promise.resolve(rejected('call messages come from meeting pages or Introbook’s own pages'));
    const parsed = callPageMessage.safeParse(message);
    if (!parsed.success) return Promise.resolve(rejected('malformed call page message', parsed.error.issues));
    const msg = parsed.data;
    return serial(async () => {
      if (msg.type === 'call/choose') return choose(msg.tabId, msg.personId);
      const calls = await load();
      delete calls[String(msg.tabId)];
      await save(calls);
      return { ok: true };
    });
  }

  /** The tab's call as its frames report it: the most recently changed frame that is not idle. */
  function combine(call: LiveCall): FrameReport | null {
    const frames = Object.values(call.frames).filter((f) => f.state !== 'idle');
    frames.sort((a, b) => b.at - a.at || PRIORITY[b.state] - PRIORITY[a.state]);
    return frames[0] ?? null;
  }

  async function report(tabId: number, windowId: number | null, frameId: string, msg: CallStateMessageParsed): Promise<void> {
    const at = await deps.now();
    const calls = await load();
    const key = String(tabId);
    const call: LiveCall = calls[key] ?? blankCall(tabId, windowId, msg, at);
    const before = call.state;
    const frame: FrameReport = { state: msg.state, title: msg.title, code: msg.code, link: msg.link, participants: msg.participants, self: msg.self, at };
    const previous = call.frames[frameId];
    if (msg.state === 'idle') delete call.frames[frameId];
    // A heartbeat (same report) keeps the frame's place; a change moves it to the front.
    else call.frames[frameId] = previous && sameReport(previous, frame) ? { ...frame, at: previous.at } : frame;
    call.windowId = windowId ?? call.windowId;
    call.updatedAt = at;
    const view = combine(call);
    if (!view) {
      // Every frame went away (closed, reloaded, navigated) during a call: wait a little for it to come back.
      if (before === 'in-call') {
        call.goneAt = at;
        calls[key] = call;
        await deps.scheduleSweep(GONE_GRACE_MS);
      } else if (before === 'ended') {
        calls[key] = call;
      } else {
        delete calls[key];
      }
      await save(calls);
      return;
    }
    const newKey = callKeyOf(msg.site, view.code);
    const sameCall = call.key === null || newKey === null || newKey === call.key;
    if (!sameCall && before !== 'idle') {
      // Another meeting in the same tab: close the old one first.
      if (before === 'in-call') await end(call, at);
      Object.assign(call, blankCall(tabId, windowId, msg, at), { frames: call.frames });
    }
    call.goneAt = null;
    call.site = msg.site;
    call.title = view.title;
    call.code = view.code;
    call.key = newKey ?? call.key;
    call.link = view.link ?? call.link;
    call.participants = view.participants;
    call.self = view.self;
    const next = view.state;
    if (next === 'lobby' || next === 'in-call') {
      if (call.state === 'ended') {
        // Rejoined after the end: the same meeting goes on.
        call.endedAt = null;
        call.movedRequest = null;
      }
      call.state = next;
      // Once matched, a call keeps its person (the user can pick another); until then, try again as the page shows more.
      if (!call.match) await match(call, at);
      if (next === 'in-call' && before !== 'in-call') {
        call.startedAt ??= at;
        if (call.match) await startCall(deps.db, call.match.meetingId, call.startedAt);
      }
      if (next === 'in-call' && call.match && !call.notified) {
        call.notified = true;
        if (!deps.isPanelOpen(call.windowId)) {
          await deps
            .notify(`${NOTIFICATION_PREFIX}${tabId}`, t('extName'), t('background.callPrepReady', { name: call.match.name }))
            .catch((e: unknown) => deps.log('Introbook: notification failed', e));
        }
      }
      await deps.scheduleSweep(SILENT_MS);
    } else if (next === 'ended' && call.state !== 'ended') {
      if (call.state === 'in-call') await end(call, at);
      else call.state = 'ended';
    }
    calls[key] = call;
    prune(calls, at);
    await save(calls);
  }

  async function match(call: LiveCall, at: number): Promise<void> {
    const evidence = await gatherEvidence(deps.db, { key: call.key, title: call.title, participants: call.participants, self: call.self }, await deps.userName(), at);
    const result = rankMatches(evidence);
    call.candidates = result.candidates;
    if (!result.chosen) return;
    const meetingId = await ensureCallMeeting(deps.db, { personId: result.chosen.personId, meetingId: result.chosen.meetingId, site: call.site, link: call.link, at });
    call.match = { personId: result.chosen.personId, name: result.chosen.name, meetingId, how: result.chosen.reason };
  }

  async function end(call: LiveCall, at: number): Promise<void> {
    call.state = 'ended';
    call.endedAt = at;
    call.goneAt = null;
    if (call.match) call.movedRequest = await finishCall(deps.db, call.match.meetingId, at);
  }

  async function choose(tabId: number, personId: string): Promise<Reply> {
    const calls = await load();
    const call = calls[String(tabId)];
    if (!call) return { ok: false, error: t('background.callNotLive') };
    const person = await getPerson(deps.db, personId);
    if (!person) return { ok: false, error: t('background.personGone') };
    const at = await deps.now();
    const candidate = call.candidates.find((c) => c.personId === personId);
    const meetingId = await ensureCallMeeting(deps.db, { personId, meetingId: candidate?.meetingId ?? null, site: call.site, link: call.link, at: call.startedAt ?? at });
    call.match = { personId, name: person.name, meetingId, how: 'chosen' };
    if (call.key) await rememberCallChoice(deps.db, call.key, personId, meetingId, at);
    if (call.state === 'in-call' && call.startedAt !== null) await startCall(deps.db, meetingId, call.startedAt);
    if (call.state === 'ended' && call.endedAt !== null && !call.movedRequest) call.movedRequest = await finishCall(deps.db, meetingId, call.endedAt);
    call.updatedAt = at;
    await save(calls);
    return { ok: true };
  }

  /** The tab closed: a call under way there has ended. */
  function tabRemoved(tabId: number): Promise<void> {
    return serial(async () => {
      const calls = await load();
      const call = calls[String(tabId)];
      if (!call) return;
      const at = await deps.now();
      if (call.state === 'in-call') await end(call, at);
      if (call.state === 'lobby') delete calls[String(tabId)];
      await save(calls);
    });
  }

  /** End calls whose page went away and did not come back, or stopped reporting. */
  function sweep(): Promise<void> {
    return serial(async () => {
      const calls = await load();
      const at = await deps.now();
      let live = false;
      for (const call of Object.values(calls)) {
        if (call.state !== 'in-call' && call.state !== 'lobby') continue;
        const gone = call.goneAt !== null && at - call.goneAt >= GONE_GRACE_MS;
        const silent = at - Math.max(call.updatedAt, ...Object.values(call.frames).map((f) => f.at)) >= SILENT_MS;
        if (gone || silent) {
          if (call.state === 'in-call') await end(call, call.goneAt ?? at);
          else delete calls[String(call.tabId)];
        } else {
          live = true;
        }
      }
      prune(calls, at);
      await save(calls);
      await deps.scheduleSweep(live ? SILENT_MS : null);
    });
  }

  return { handle, tabRemoved, sweep };
}

function sameReport(a: FrameReport, b: FrameReport): boolean {
  return a.state === b.state && a.title === b.title && a.code === b.code && a.link === b.link && a.self === b.self && a.participants.join('\n') === b.participants.join('\n');
}

function blankCall(tabId: number, windowId: number | null, msg: CallStateMessageParsed, at: number): LiveCall {
  return {
    tabId,
    windowId,
    site: msg.site,
    state: 'idle',
    title: null,
    code: null,
    key: null,
    link: null,
    participants: [],
    self: null,
    startedAt: null,
    endedAt: null,
    goneAt: null,
    updatedAt: at,
    match: null,
    candidates: [],
    movedRequest: null,
    notified: false,
    frames: {},
  };
}

/** Forget ended calls after a while. */
function prune(calls: LiveCalls, at: number): void {
  for (const [key, call] of Object.entries(calls)) {
    if (call.state === 'ended' && (call.endedAt ?? call.updatedAt) < at - ENDED_CALL_KEPT_MS) delete calls[key];
  }
}

/**
 * Wire live calls into the extension: the router hands over call messages;
 * here the side panel's port (to know whether it is open), tab closes, the
 * sweep alarm, and the three user gestures that open the panel on a call (the
 * notification, a keyboard command, a context-menu item on meeting pages).
 * `openSidePanel` runs first thing in each handler: Chrome needs the gesture.
 */
export function setupCalls(options: {
  db: IntrobookDB;
  now: () => Promise<number>;
  userName: () => Promise<string>;
  extensionOrigin: string;
  openSidePanel: (target: { tabId?: number }) => void;
}) {
  const panels = new Map<object, number | null>();
  const calls = createCalls({
    db: options.db,
    now: options.now,
    userName: options.userName,
    isPanelOpen: (windowId) => [...panels.values()].some((w) => w === null || windowId === null || w === windowId),
    notify: async (id, title, message) => {
      await browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message });
    },
    scheduleSweep: async (delayMs) => {
      if (delayMs === null) await browser.alarms.clear(CALLS_ALARM);
      else await browser.alarms.create(CALLS_ALARM, { when: Date.now() + delayMs });
    },
    log: (message, detail) => console.warn(message, detail),
  });

  /** Register the listeners (call after the entrypoint's own, so its menu items come first). */
  function listen(): void {
  // Each listener on its own: a browser (or test double) without one of these APIs loses only that part.
  const safely = (what: string, register: () => void) => {
    try {
      register();
    } catch (error) {
      console.warn(`Introbook: ${what} is not available here`, error);
    }
  };
  safely('runtime.onConnect', () =>
    browser.runtime.onConnect.addListener((port) => {
      if (port.name !== PANEL_PORT || !port.sender?.url?.startsWith(options.extensionOrigin)) return;
      panels.set(port, null);
      port.onMessage.addListener((message: unknown) => {
        const windowId = (message as { windowId?: unknown } | null)?.windowId;
        panels.set(port, typeof windowId === 'number' ? windowId : null);
      });
      port.onDisconnect.addListener(() => panels.delete(port));
    }),
  );
  safely('tabs.onRemoved', () => browser.tabs.onRemoved.addListener((tabId) => void calls.tabRemoved(tabId)));
  safely('alarms.onAlarm', () =>
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === CALLS_ALARM) void calls.sweep();
    }),
  );
  safely('notifications.onClicked', () =>
    browser.notifications.onClicked.addListener((id) => {
      if (!id.startsWith(NOTIFICATION_PREFIX)) return;
      const tabId = Number(id.slice(NOTIFICATION_PREFIX.length));
      // Whether a notification click counts as a user gesture is undocumented; if not, the open fails quietly
      // and the notification's text has told the user to click the Introbook button.
      options.openSidePanel(Number.isInteger(tabId) ? { tabId } : {});
      void browser.notifications.clear(id);
    }),
  );
  safely('commands.onCommand', () =>
    browser.commands.onCommand.addListener((command, tab) => {
      if (command === OPEN_PANEL_COMMAND) options.openSidePanel(tab?.id !== undefined ? { tabId: tab.id } : {});
    }),
  );
  safely('runtime.onInstalled', () =>
    browser.runtime.onInstalled.addListener(() => {
      browser.contextMenus.create({
        id: OPEN_PANEL_MENU,
        title: t('background.callMenu'),
        contexts: ['page'],
        documentUrlPatterns: ['https://meet.google.com/*', 'https://*.zoom.us/*', 'https://teams.microsoft.com/*', 'https://teams.live.com/*', 'https://teams.cloud.microsoft/*'],
      });
    }),
  );
  safely('contextMenus.onClicked', () =>
    browser.contextMenus.onClicked.addListener((info, tab) => {
      if (info.menuItemId === OPEN_PANEL_MENU) options.openSidePanel(tab?.id !== undefined ? { tabId: tab.id } : {});
    }),
  );
  }
  return { calls, listen };
}

export const OPEN_PANEL_COMMAND = 'open-side-panel';
const OPEN_PANEL_MENU = 'introbook-open-prep';
