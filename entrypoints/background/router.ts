/**
 * The background's one message router. Every message is parsed with zod and
 * its sender checked before anything runs; what a sender may ask depends on
 * what it is (content script or extension page).
 */
import type { IntrobookDB } from '@/utils/db/app-db';
import { findPersonByUrl, savePersonCapture } from '@/utils/db/people';
import type { ProfileCapture } from '@/utils/domain/schemas';
import { pageKey } from '@/utils/core/canonical-url';
import { classifySender, type SenderKind, type SenderLike } from '@/utils/messaging/guards';
import { isCallMessage } from '@/utils/messaging/meeting-protocol';
import {
  contentMessage,
  pageMessage,
  type PageReadReply,
  type SaveReply,
  type StatusReply,
  type ToContentMessage,
} from '@/utils/messaging/protocol';

export interface RouterDeps {
  db: IntrobookDB;
  runtimeId: string;
  extensionOrigin: string;
  /** Must be called synchronously inside the handler: Chrome needs the user gesture. */
  openSidePanel: (target: { tabId?: number }) => void;
  setFocusedPerson: (personId: string) => Promise<void>;
  readTab: (tabId: number) => Promise<PageReadReply>;
  notifyTab: (tabId: number, message: ToContentMessage) => Promise<void>;
  log: (message: string, detail?: unknown) => void;
  /** Recount due reminders; returns how many are due. */
  refreshReminders: () => Promise<number>;
  /** Live calls (entrypoints/background/calls.ts): every `call/…` message, and nothing else from meeting pages. */
  calls?: { handle(message: unknown, sender: SenderLike, kind: SenderKind): Promise<{ ok: boolean; error?: string }> };
}

export type Reply = SaveReply | StatusReply | { ok: boolean; error?: string };

export function createRouter(deps: RouterDeps) {
  const rejected = (why: string, detail: unknown): Promise<Reply> => {
    deps.log(`Introbook: rejected a message: ${why}`, detail);
    return Promise.resolve({ ok: false, error: 'Message rejected.' });
  };

  async function save(capture: ProfileCapture, tabId: number | undefined): Promise<SaveReply> {
    try {
      const { person, created } = await savePersonCapture(deps.db, capture);
      if (tabId !== undefined) {
        // Tell the page's button; a tab without our content script is fine.
        deps.notifyTab(tabId, { type: 'page/saved', profileUrl: person.profileUrl, personId: person.id }).catch(() => {});
      }
      return { ok: true, personId: person.id, created, name: person.name };
    } catch (error) {
      deps.log('Introbook: save failed', error);
      return { ok: false, error: 'Introbook could not save this person. Nothing was changed.' };
    }
  }

  async function saveFromTab(tabId: number): Promise<SaveReply> {
    let read: PageReadReply;
    try {
      read = await deps.readTab(tabId);
    } catch {
      return { ok: false, error: 'This page is not a profile Introbook can read. Open a LinkedIn profile and try again.' };
    }
    if (read.status === 'ok') return save(read.capture, tabId);
    if (read.status === 'unreadable') return { ok: false, error: read.reason };
    return { ok: false, error: 'This page is not a person’s profile.' };
  }

  async function openPanel(profileUrl: string): Promise<Reply> {
    const person = await findPersonByUrl(deps.db, profileUrl);
    if (!person) return { ok: false, error: 'Save this person first.' };
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
      // sender.url is the document's first URL; after in-app navigation only the tab's URL is current.
      const tabUrl = sender.tab?.url ?? sender.url ?? '';
      const onScreen = pageKey(tabUrl);
      const about = msg.type === 'capture/save' ? [msg.capture.profileUrl, ...msg.capture.aliases] : [msg.profileUrl];
      // A content script speaks only of the person its own tab is showing.
      if (onScreen === null || !about.includes(onScreen)) return rejected('profile does not match the sending page', { about, tabUrl });
      switch (msg.type) {
        case 'capture/save':
          return save(msg.capture, sender.tab?.id);
        case 'person/status':
          return findPersonByUrl(deps.db, msg.profileUrl).then((p) => ({ saved: Boolean(p), personId: p?.id ?? null }));
        case 'sidepanel/open':
          deps.openSidePanel({ tabId: sender.tab?.id });
          return openPanel(msg.profileUrl);
      }
    }

    const parsed = pageMessage.safeParse(message);
    if (!parsed.success) return rejected('malformed page message', parsed.error.issues);
    return deps.refreshReminders().then(() => ({ ok: true }));
  }

  return { handle, saveFromTab };
}

export type Router = ReturnType<typeof createRouter>;
