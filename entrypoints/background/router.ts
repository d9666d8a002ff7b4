/**
 * The background's one message router. Every message is parsed with zod and
 * its sender checked before anything runs; what a sender may ask depends on
 * what it is (content script or extension page). Every save path (the in-page
 * button, the keyboard shortcut, the context menu) goes through the same
 * checks: the page's key comes from the tab's URL, never from the page.
 */
import type { IntrobookDB } from '@/utils/db/app-db';
import { findPersonByUrl, NameChangeNeedsConfirmation, savePersonCapture } from '@/utils/db/people';
import { storageErrorMessage } from '@/utils/db/errors';
import { storePhoto } from './photos';
import { recordCaptureProblem } from '@/utils/capture-problems';
import type { ProfileCapture } from '@/utils/domain/schemas';
import { linkedInPage } from '@/utils/core/canonical-url';
import { checkCaptureForPage, classifySender, senderPageUrl, type SenderKind, type SenderLike } from '@/utils/messaging/guards';
import { isCallMessage } from '@/utils/messaging/meeting-protocol';
import { contentMessage, pageMessage, type InPageTextReply, type PageReadReply, type SaveReply, type StatusReply, type ToContentMessage } from '@/utils/messaging/protocol';
import { READ_PROBLEM_KEYS } from '@/utils/messaging/wire';
import { t } from '@/utils/i18n';

export interface RouterDeps {
  db: IntrobookDB;
  runtimeId: string;
  extensionOrigin: string;
  /** Must be called synchronously inside the handler: Chrome needs the user gesture. */
  openSidePanel: (target: { tabId?: number }) => void;
  setFocusedPerson: (personId: string) => Promise<void>;
  /** Two records that may be one human: the side panel offers to merge them. */
  setPendingMerge: (pair: { aId: string; bId: string }) => Promise<void>;
  readTab: (tabId: number) => Promise<PageReadReply>;
  /** The tab's current URL, as the browser reports it (undefined when Introbook may not see it). */
  tabUrl: (tabId: number) => Promise<string | undefined>;
  notifyTab: (tabId: number, message: ToContentMessage) => Promise<void>;
  /** Run the full LinkedIn reader's file in a LinkedIn tab's content-script world (host access to LinkedIn's hosts). */
  injectReader?: (target: { tabId: number; frameId: number }) => Promise<void>;
  /** The in-page button's texts (IN_PAGE_KEYS) in the browser's language, `$1` kept for the page's name. */
  inPageTexts?: () => Record<string, string>;
  /** Tell the user how a save they started without a page to answer on (shortcut, context menu) went. */
  report: (message: string, ok: boolean) => void;
  log: (message: string, detail?: unknown) => void;
  /** Recount due reminders; returns how many are due. */
  refreshReminders: () => Promise<number>;
  /** Live calls (entrypoints/background/calls.ts): every `call/…` message, and nothing else from meeting pages. */
  calls?: { handle(message: unknown, sender: SenderLike, kind: SenderKind): Promise<{ ok: boolean; error?: string }> };
  /** The clock (tests pass their own): paces capture-health reports. */
  now?: () => number;
}

/**
 * Capture-health reports a content script may hand in: at most this many per
 * tab, and this many from all tabs, per HEALTH_WINDOW_MS. A content script
 * sends one per profile URL at most; a page pretending otherwise can't churn
 * the stored list (which also dedupes by structure and keeps at most 50).
 */
export const HEALTH_REPORTS_PER_TAB = 5;
export const HEALTH_REPORTS_IN_ALL = 20;
export const HEALTH_WINDOW_MS = 60_000;

export type Reply = SaveReply | StatusReply | InPageTextReply | { ok: boolean; error?: string };

// Messages are looked up when used (the browser's language, and unit tests install theirs first).
const NOT_READY = () => t('inPage.notReady');
const DUPLICATE_NOTICE = () => t('inPage.duplicate');
const REJECTED = () => t('background.rejected');
const NOT_A_PROFILE = () => t('background.notAProfile');
const NO_CONTENT_SCRIPT = () => t('background.noContentScript');

interface SaveRequest {
  capture: ProfileCapture;
  tabId: number | undefined;
  tabUrl: string | undefined;
  confirmed: boolean;
  confirmName: boolean;
}

type SaveOutcome = SaveReply | { rejected: string; detail: unknown };

export function createRouter(deps: RouterDeps) {
  const now = deps.now ?? Date.now;
  const rejected = (why: string, detail: unknown): Promise<Reply> => {
    deps.log(`Introbook: rejected a message: ${why}`, detail);
    return Promise.resolve({ ok: false, error: REJECTED() });
  };

  /** When recent capture-health reports came in, by tab (-1: no tab), within the last HEALTH_WINDOW_MS. */
  const healthSeen = new Map<number, number[]>();
  function healthAllowed(tabId: number): boolean {
    const at = now();
    let all = 0;
    for (const [tab, times] of healthSeen) {
      const recent = times.filter((t) => at - t < HEALTH_WINDOW_MS);
      if (recent.length === 0) healthSeen.delete(tab);
      else healthSeen.set(tab, recent);
      all += recent.length;
    }
    const mine = healthSeen.get(tabId) ?? [];
    if (mine.length >= HEALTH_REPORTS_PER_TAB || all >= HEALTH_REPORTS_IN_ALL) return false;
    healthSeen.set(tabId, [...mine, at]);
    return true;
  }

  async function recordHealth(report: unknown, tabId: number): Promise<Reply> {
    if (!healthAllowed(tabId)) {
      deps.log('Introbook: dropped a capture-health report (too many)', { tabId });
      return { ok: false, error: t('background.tooManyReports') };
    }
    try {
      return { ok: await recordCaptureProblem(report, now(), deps.db) };
    } catch (error) {
      deps.log('Introbook: could not record a capture problem', error);
      return { ok: false, error: t('background.notRecorded') };
    }
  }

  /** One save, whichever way it was asked for. */
  async function save(request: SaveRequest): Promise<SaveOutcome & { storedName?: string }> {
    const check = checkCaptureForPage(request.capture, request.tabUrl, request.confirmed);
    if (!check.ok) {
      if (check.why === 'not-confirmed') return { ok: false, error: NOT_READY() };
      // i18n-ignore: a reason for the log, never shown to the user
      return { rejected: `the capture does not match the page (${check.why})`, detail: { profileUrl: request.capture.profileUrl, tabUrl: request.tabUrl } };
    }
    try {
      const { person, created, duplicate } = await savePersonCapture(deps.db, check.capture, { confirmName: request.confirmName });
      void storePhoto(deps.db, person);
      if (duplicate) await deps.setPendingMerge(duplicate).catch((e: unknown) => deps.log('Introbook: could not flag a duplicate', e));
      if (request.tabId !== undefined) {
        // Tell the page's button; a tab without our content script is fine.
        deps.notifyTab(request.tabId, { type: 'page/saved', profileUrl: check.pageKey, personId: person.id }).catch(() => {});
      }
      return { ok: true, personId: person.id, created, name: person.name, duplicate: duplicate !== null };
    } catch (error) {
      if (error instanceof NameChangeNeedsConfirmation) {
        // Only the page's own name goes back to the page; the stored one stays here.
        return {
          ok: false,
          error: t('background.savedUnderAnotherName'),
          confirmName: error.to,
          storedName: error.from,
        };
      }
      deps.log('Introbook: save failed', error);
      return { ok: false, error: storageErrorMessage(error, t('background.couldNotSave')) };
    }
  }

  /** The keyboard shortcut and the context menu: read the tab, check the reply against its URL, save, say how it went. */
  async function saveFromTab(tabId: number, knownUrl?: string): Promise<SaveReply> {
    const reply = await saveTab(tabId, knownUrl);
    if (reply.ok) {
      const done = t(reply.created ? 'background.savedName' : 'background.updatedName', [reply.name]);
      deps.report(reply.duplicate ? `${done} ${DUPLICATE_NOTICE()}` : done, true);
    } else {
      deps.report(reply.error, false);
    }
    return reply;
  }

  async function saveTab(tabId: number, knownUrl: string | undefined): Promise<SaveReply> {
    let read: PageReadReply;
    try {
      read = await deps.readTab(tabId);
    } catch {
      return { ok: false, error: NO_CONTENT_SCRIPT() };
    }
    if (read.status === 'unreadable') return { ok: false, error: t(READ_PROBLEM_KEYS[read.code]) };
    if (read.status === 'not-profile') return { ok: false, error: NOT_A_PROFILE() };
    // The URL now, after the read: a page that moved on meanwhile fails the check.
    const tabUrl = (await deps.tabUrl(tabId).catch(() => undefined)) ?? knownUrl;
    if (!tabUrl) return { ok: false, error: t('background.cannotCheckPage') };
    const outcome = await save({ capture: read.capture, tabId, tabUrl, confirmed: read.confirmed, confirmName: false });
    if ('rejected' in outcome) {
      deps.log(`Introbook: did not save a tab: ${outcome.rejected}`, outcome.detail);
      return { ok: false, error: t('background.pageChanged') };
    }
    if (!outcome.ok && outcome.confirmName !== undefined) {
      return {
        ok: false,
        error: t('background.otherName', [outcome.storedName ?? '', outcome.confirmName]),
      };
    }
    return stripStored(outcome);
  }

  function stripStored(outcome: SaveReply & { storedName?: string }): SaveReply {
    const { storedName: _stored, ...reply } = outcome;
    return reply;
  }

  /** Whether the person at this profile key is saved (the in-page button's "Saved"). */
  async function statusOf(profileUrl: string): Promise<StatusReply> {
    const person = await findPersonByUrl(deps.db, profileUrl);
    return { saved: Boolean(person), personId: person?.id ?? null };
  }

  async function openPanel(profileUrl: string): Promise<Reply> {
    const person = await findPersonByUrl(deps.db, profileUrl);
    if (!person) return { ok: false, error: t('background.saveFirst') };
    await deps.setFocusedPerson(person.id);
    return { ok: true };
  }

  function handle(message: unknown, sender: SenderLike): Promise<Reply> {
    const kind = classifySender(sender, deps.runtimeId, deps.extensionOrigin);
    if (kind === null) return rejected('unknown sender', sender.url);
    if (kind === 'meeting-content' || isCallMessage(message)) {
      return deps.calls ? deps.calls.handle(message, sender, kind) : rejected('no call tracking', sender.url);
    }

    if (kind === 'content') {
      const parsed = contentMessage.safeParse(message);
      if (!parsed.success) return rejected('malformed content message', parsed.error.issues);
      const msg = parsed.data;
      // A structure report names no page or person (no text, URLs or names): it needs no "this tab's profile".
      if (msg.type === 'capture/health') return recordHealth(msg.report, sender.tab?.id ?? -1);
      const tabUrl = senderPageUrl(sender);
      // A content script speaks only of the person its own tab is showing, by the key the tab's URL gives.
      const onScreen = linkedInPage(tabUrl)?.key ?? null;
      if (msg.type === 'inPage/text') {
        // The button's words (the same for every page, nothing stored) and, in the same round trip, whether the
        // person the tab shows is saved; for any other profile (or none asked) no status, the words all the same.
        const texts = deps.inPageTexts?.();
        if (!texts) return Promise.resolve({ ok: false, error: REJECTED() });
        if (msg.profileUrl === undefined || msg.profileUrl !== onScreen) return Promise.resolve({ texts, status: null });
        return statusOf(onScreen).then((status) => ({ texts, status }));
      }
      if (onScreen === null) return rejected('the sending page is not a person page', tabUrl);
      switch (msg.type) {
        case 'capture/save':
          return save({ capture: msg.capture, tabId: sender.tab?.id, tabUrl, confirmed: msg.confirmed, confirmName: msg.confirmName }).then(
            (outcome) => ('rejected' in outcome ? rejected(outcome.rejected, outcome.detail) : stripStored(outcome)),
          );
        case 'person/status':
          if (msg.profileUrl !== onScreen) return rejected('status of another profile than the page shows', { profileUrl: msg.profileUrl, tabUrl });
          return statusOf(onScreen);
        case 'sidepanel/open':
          if (msg.profileUrl !== onScreen) return rejected('opening another profile than the page shows', { profileUrl: msg.profileUrl, tabUrl });
          deps.openSidePanel({ tabId: sender.tab?.id });
          return openPanel(onScreen);
        case 'reader/load': {
          // classifySender made sure there is a tab; only our own file goes in, only into the sender's frame.
          const target = { tabId: sender.tab?.id ?? -1, frameId: sender.frameId ?? 0 };
          if (!deps.injectReader) return Promise.resolve({ ok: false, error: NO_CONTENT_SCRIPT() });
          return deps.injectReader(target).then(
            () => ({ ok: true }),
            (error: unknown) => {
              deps.log('Introbook: could not load the reader into a tab', error);
              return { ok: false, error: NO_CONTENT_SCRIPT() };
            },
          );
        }
      }
    }

    const parsed = pageMessage.safeParse(message);
    if (!parsed.success) return rejected('malformed page message', parsed.error.issues);
    return deps.refreshReminders().then(() => ({ ok: true }));
  }

  return { handle, saveFromTab };
}

export type Router = ReturnType<typeof createRouter>;
