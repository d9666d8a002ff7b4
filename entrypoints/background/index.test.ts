import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeCapture } from '@/tests/helpers/db';
import { getDb } from '@/utils/db/db';
import { LINKEDIN_MATCHES } from '@/utils/core/canonical-url';
import background from './index';

type Listener = (...args: never[]) => unknown;

/** fake-browser 1.x has no contextMenus or commands events; a minimal stand-in with the same shape. */
function stubEvent() {
  const listeners: Listener[] = [];
  return {
    addListener: (l: Listener) => void listeners.push(l),
    removeListener: (l: Listener) => void listeners.splice(listeners.indexOf(l), 1),
    hasListener: (l: Listener) => listeners.includes(l),
    trigger: (...args: unknown[]) => Promise.all(listeners.map((l) => (l as (...a: unknown[]) => unknown)(...args))),
  };
}

const ADA = 'https://www.linkedin.com/in/ada-lovelace/';
const command = (name: string, tab: { id: number; url?: string }) =>
  (fakeBrowser.commands.onCommand as unknown as ReturnType<typeof stubEvent>).trigger(name, tab);

/** The real background entrypoint on the fake browser: its listeners, the real store (fake-indexeddb). */
describe('background entrypoint', () => {
  let sent: { tabId: number; message: unknown }[];
  let notifications: { id: string; title: string; message: string }[];

  beforeEach(async () => {
    sent = [];
    await getDb().people.clear();
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, message: { type: string }) => {
      sent.push({ tabId, message });
      return message.type === 'page/read' ? { status: 'ok', capture: makeCapture(), confirmed: true } : undefined;
    }) as typeof fakeBrowser.tabs.sendMessage);
    notifications = [];
    vi.spyOn(fakeBrowser.notifications, 'create').mockImplementation((async (id: string, options: { title: string; message: string }) => {
      notifications.push({ id, title: options.title, message: options.message });
      return id;
    }) as unknown as typeof fakeBrowser.notifications.create);
    Object.assign(fakeBrowser.contextMenus, { onClicked: stubEvent(), create: vi.fn() });
    Object.assign(fakeBrowser.commands, { onCommand: stubEvent() });
    background.main();
  });
  afterEach(() => vi.restoreAllMocks());

  it('saves the current tab on the keyboard command and says so in a notification', async () => {
    await command('save-profile', { id: 42, url: ADA });
    await vi.waitFor(async () => expect(await getDb().people.count()).toBe(1));
    expect(sent[0]).toStrictEqual({ tabId: 42, message: { type: 'page/read' } });
    await vi.waitFor(() => expect(sent.some((s) => (s.message as { type: string }).type === 'page/saved')).toBe(true));
    await vi.waitFor(() =>
      expect(notifications).toStrictEqual([{ id: 'introbook-save-result', title: 'Introbook: saved', message: 'Saved Ada Lovelace.' }]),
    );
  });

  it('reports a shortcut save that could not happen instead of failing silently', async () => {
    // The page answers about someone else than the tab's URL names.
    await command('save-profile', { id: 42, url: 'https://www.linkedin.com/in/grace-hopper/' });
    await vi.waitFor(() => expect(notifications).toHaveLength(1));
    expect(notifications[0]).toMatchObject({ title: 'Introbook: not saved', message: expect.stringMatching(/Nothing was saved/) });
    expect(await getDb().people.count()).toBe(0);
  });

  it('adds a context-menu item for LinkedIn pages on install, and saves from it', async () => {
    const create = vi.mocked(fakeBrowser.contextMenus.create);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ title: 'Save person to Introbook', documentUrlPatterns: LINKEDIN_MATCHES }));
    const id = create.mock.calls[0]![0].id!;
    await (fakeBrowser.contextMenus.onClicked as unknown as ReturnType<typeof stubEvent>).trigger(
      { menuItemId: id, editable: false, pageUrl: ADA },
      { id: 9, url: ADA },
    );
    await vi.waitFor(async () => expect(await getDb().people.count()).toBe(1));
    expect(sent[0]).toMatchObject({ tabId: 9 });
    await vi.waitFor(() => expect(notifications).toMatchObject([{ message: 'Saved Ada Lovelace.' }]));
  });

  it('opens the welcome page on install only, not on an update', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9', temporary: false });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'browser_update', temporary: false });
    expect(create).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    expect(create).toHaveBeenCalledTimes(1);
    expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/welcome\.html$/) });
  });

  it('reads pages without a content script on demand for the shortcut (activeTab)', async () => {
    vi.mocked(fakeBrowser.tabs.sendMessage).mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    const executeScript = vi.fn(async () => [
      { frameId: 0, result: { url: 'https://people.example.edu/liskov', selection: '', reply: { status: 'ok', capture: makeCapture({ profileUrl: 'https://people.example.edu/liskov', name: 'Barbara Liskov' }) } } },
    ]);
    Object.assign(fakeBrowser, { scripting: { executeScript } });
    await command('save-profile', { id: 8, url: 'https://people.example.edu/liskov' });
    await vi.waitFor(async () => expect(await getDb().people.count()).toBe(1));
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 8 }, files: ['/read-page.js'] });
    expect((await getDb().people.toArray())[0]).toMatchObject({ name: 'Barbara Liskov' });
  });

  it('ignores commands it does not own', async () => {
    await command('something-else', { id: 42 });
    await new Promise((r) => setTimeout(r, 50));
    expect(sent).toStrictEqual([]);
  });
});
