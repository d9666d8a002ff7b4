import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeCapture, makeTestDb } from '@/tests/helpers/db';
import type { IntrobookDB } from '@/utils/db/app-db';
import type { PageReadReply } from '@/utils/messaging/protocol';
import { createRouter, type RouterDeps } from './router';

const RUNTIME_ID = 'introbook-test-id';
const ORIGIN = 'chrome-extension://introbook-test-id/';
const ADA = 'https://www.linkedin.com/in/ada-lovelace/';

const contentSender = (url = ADA, tabUrl: string | undefined = url) => ({ id: RUNTIME_ID, url, tab: { id: 7, url: tabUrl } });
const pageSender = { id: RUNTIME_ID, url: `${ORIGIN}popup.html` };

let db: IntrobookDB;
let deps: RouterDeps;
let tabReply: PageReadReply | Error;

beforeEach(() => {
  db = makeTestDb(new IDBFactory());
  tabReply = { status: 'ok', capture: makeCapture() };
  deps = {
    db,
    runtimeId: RUNTIME_ID,
    extensionOrigin: ORIGIN,
    openSidePanel: vi.fn<RouterDeps['openSidePanel']>(),
    setFocusedPerson: vi.fn(async () => {}),
    readTab: vi.fn(async () => {
      if (tabReply instanceof Error) throw tabReply;
      return tabReply;
    }),
    notifyTab: vi.fn<RouterDeps['notifyTab']>(async () => {}),
    log: vi.fn<RouterDeps['log']>(),
    refreshReminders: vi.fn<RouterDeps['refreshReminders']>(async () => 0),
  };
});
afterEach(() => db.close());

describe('background router', () => {
  it('saves a valid capture from a content script on its own profile and tells the tab', async () => {
    const { handle } = createRouter(deps);
    const reply = await handle({ type: 'capture/save', capture: makeCapture() }, contentSender());
    expect(reply).toStrictEqual({ ok: true, personId: expect.any(String), created: true, name: 'Ada Lovelace' });
    expect(await db.people.count()).toBe(1);
    expect(deps.notifyTab).toHaveBeenCalledWith(7, { type: 'page/saved', profileUrl: ADA, personId: (reply as { personId: string }).personId });
  });

  it('uses the tab’s current URL, which follows in-app navigation', async () => {
    const { handle } = createRouter(deps);
    const reply = await handle(
      { type: 'capture/save', capture: makeCapture() },
      contentSender('https://www.linkedin.com/feed/', ADA),
    );
    expect(reply).toMatchObject({ ok: true });
  });

  it.each([
    ['a capture of another profile than the tab shows', { type: 'capture/save', capture: makeCapture({ profileUrl: 'https://www.linkedin.com/in/grace/' }) }, contentSender()],
    ['a capture with markup-free but empty name', { type: 'capture/save', capture: { ...makeCapture(), name: '' } }, contentSender()],
    ['a capture with a javascript: photo', { type: 'capture/save', capture: { ...makeCapture(), photoUrl: 'javascript:alert(1)' } }, contentSender()],
    ['an unknown message type', { type: 'people/export' }, contentSender()],
    ['a page-only request from a content script', { type: 'reminders/refresh' }, contentSender()],
    ['a request pages may no longer make', { type: 'tab/save', tabId: 3 }, pageSender],
    ['a message from another extension', { type: 'capture/save', capture: makeCapture() }, { ...contentSender(), id: 'evil' }],
    ['a content script on a host we do not serve', { type: 'capture/save', capture: makeCapture() }, contentSender('https://evil.example/in/ada-lovelace/')],
    ['a content script over http', { type: 'capture/save', capture: makeCapture() }, contentSender('http://www.linkedin.com/in/ada-lovelace/')],
    ['a sender with no tab and no extension URL', { type: 'capture/save', capture: makeCapture() }, { id: RUNTIME_ID, url: ADA }],
    ['garbage', 'DROP TABLE people', contentSender()],
  ])('rejects %s, logs it and writes nothing', async (_, message, sender) => {
    const { handle } = createRouter(deps);
    expect(await handle(message, sender)).toStrictEqual({ ok: false, error: 'Message rejected.' });
    expect(deps.log).toHaveBeenCalledWith(expect.stringMatching(/^Introbook: rejected a message/), expect.anything());
    expect(await db.people.count()).toBe(0);
  });

  it('answers whether the person on screen is saved, and nothing more', async () => {
    const { handle } = createRouter(deps);
    expect(await handle({ type: 'person/status', profileUrl: ADA }, contentSender())).toStrictEqual({ saved: false, personId: null });
    const saved = await handle({ type: 'capture/save', capture: makeCapture() }, contentSender());
    expect(await handle({ type: 'person/status', profileUrl: ADA }, contentSender())).toStrictEqual({
      saved: true,
      personId: (saved as { personId: string }).personId,
    });
  });

  it('saves the active tab for the keyboard command and the context menu', async () => {
    const { saveFromTab } = createRouter(deps);
    expect(await saveFromTab(7)).toMatchObject({ ok: true, created: true });
    expect(await saveFromTab(7)).toMatchObject({ ok: true, created: false });
    expect(deps.readTab).toHaveBeenCalledWith(7);
    expect(await db.people.count()).toBe(1);
  });

  it('explains why a tab could not be saved', async () => {
    const { saveFromTab } = createRouter(deps);
    tabReply = { status: 'unreadable', reason: "Introbook couldn't find this person's name on the page." };
    expect(await saveFromTab(1)).toStrictEqual({ ok: false, error: "Introbook couldn't find this person's name on the page." });
    tabReply = { status: 'not-profile' };
    expect(await saveFromTab(1)).toStrictEqual({ ok: false, error: 'This page is not a person’s profile.' });
    tabReply = new Error('Could not establish connection. Receiving end does not exist.');
    expect(await saveFromTab(1)).toMatchObject({ ok: false, error: expect.stringMatching(/not a profile Introbook can read/) });
    expect(await db.people.count()).toBe(0);
  });

  it('recounts reminders when an extension page asks, and only then', async () => {
    const { handle } = createRouter(deps);
    expect(await handle({ type: 'reminders/refresh' }, pageSender)).toStrictEqual({ ok: true });
    expect(deps.refreshReminders).toHaveBeenCalledOnce();
    expect(await handle({ type: 'reminders/refresh' }, contentSender())).toStrictEqual({ ok: false, error: 'Message rejected.' });
    expect(deps.refreshReminders).toHaveBeenCalledOnce();
  });

  it('opens the side panel synchronously, then focuses the saved person', async () => {
    const { handle } = createRouter(deps);
    const saved = (await handle({ type: 'capture/save', capture: makeCapture() }, contentSender())) as { personId: string };
    const pending = handle({ type: 'sidepanel/open', profileUrl: ADA }, contentSender());
    // Called before the handler awaited anything: Chrome keeps the click's user gesture.
    expect(deps.openSidePanel).toHaveBeenCalledWith({ tabId: 7 });
    expect(await pending).toStrictEqual({ ok: true });
    expect(deps.setFocusedPerson).toHaveBeenCalledWith(saved.personId);
  });
});
