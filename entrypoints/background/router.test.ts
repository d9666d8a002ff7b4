import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeCapture, makeTestDb } from '@/tests/helpers/db';
import type { IntrobookDB } from '@/utils/db/app-db';
import type { PageReadReply } from '@/utils/messaging/protocol';
import { savePersonCapture } from '@/utils/db/people';
import { captureProblems } from '@/utils/capture-problems';
import { createRouter, HEALTH_REPORTS_IN_ALL, HEALTH_REPORTS_PER_TAB, HEALTH_WINDOW_MS, type RouterDeps } from './router';

const RUNTIME_ID = 'introbook-test-id';
const ORIGIN = 'chrome-extension://introbook-test-id/';
const ADA = 'https://www.linkedin.com/in/ada-lovelace/';

const contentSender = (url = ADA, tabUrl: string | undefined = url) => ({ id: RUNTIME_ID, url, tab: { id: 7, url: tabUrl } });
const pageSender = { id: RUNTIME_ID, url: `${ORIGIN}popup.html` };

let db: IntrobookDB;
let deps: RouterDeps;
let tabReply: PageReadReply | Error;
let tabUrl: string | undefined;

beforeEach(() => {
  db = makeTestDb(new IDBFactory());
  tabReply = { status: 'ok', capture: makeCapture(), confirmed: true };
  tabUrl = ADA;
  deps = {
    db,
    runtimeId: RUNTIME_ID,
    extensionOrigin: ORIGIN,
    openSidePanel: vi.fn<RouterDeps['openSidePanel']>(),
    setFocusedPerson: vi.fn(async () => {}),
    setPendingMerge: vi.fn(async () => {}),
    readTab: vi.fn(async () => {
      if (tabReply instanceof Error) throw tabReply;
      return tabReply;
    }),
    tabUrl: vi.fn(async () => tabUrl),
    report: vi.fn<RouterDeps['report']>(),
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
    expect(reply).toStrictEqual({ ok: true, personId: expect.any(String), created: true, name: 'Ada Lovelace', duplicate: false });
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

  it('saves the active tab for the keyboard command and the context menu, and says so', async () => {
    const { saveFromTab } = createRouter(deps);
    expect(await saveFromTab(7)).toMatchObject({ ok: true, created: true });
    expect(await saveFromTab(7)).toMatchObject({ ok: true, created: false });
    expect(deps.readTab).toHaveBeenCalledWith(7);
    expect(await db.people.count()).toBe(1);
    expect(vi.mocked(deps.report).mock.calls).toStrictEqual([
      ['Saved Ada Lovelace.', true],
      ['Updated Ada Lovelace.', true],
    ]);
  });

  it('explains why a tab could not be saved', async () => {
    const { saveFromTab } = createRouter(deps);
    tabReply = { status: 'unreadable', code: 'no-name', noPerson: true };
    expect(await saveFromTab(1)).toStrictEqual({ ok: false, error: "Introbook couldn't find this person's name on the page." });
    // The words come from the messages by the reader's code, never from the page's side.
    tabReply = { status: 'unreadable', code: 'several-people', noPerson: true };
    expect(await saveFromTab(1)).toStrictEqual({ ok: false, error: 'This page shows several people. Select the name of the one you want, then try again.' });
    tabReply = { status: 'unreadable', code: 'not-ready', noPerson: false };
    expect(await saveFromTab(1)).toStrictEqual({ ok: false, error: 'The page is still loading this person. Try again in a moment.' });
    tabReply = { status: 'not-profile' };
    expect(await saveFromTab(1)).toStrictEqual({ ok: false, error: 'This page is not a person’s profile.' });
    tabReply = new Error('Could not establish connection. Receiving end does not exist.');
    expect(await saveFromTab(1)).toMatchObject({ ok: false, error: expect.stringMatching(/not a profile Introbook can read/) });
    expect(await db.people.count()).toBe(0);
    // Every failure reached the user, not just the console.
    expect(vi.mocked(deps.report).mock.calls.map(([, ok]) => ok)).toStrictEqual([false, false, false, false, false]);
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

const GRACE = 'https://www.linkedin.com/in/grace-hopper/';
const GRACE_ID = 'https://www.linkedin.com/in/acoaab1234xyz/';
const LEAD = 'https://www.linkedin.com/sales/lead/ACwAAA123,NAME_SEARCH,abc';
const LEAD_KEY = 'https://www.linkedin.com/sales/lead/ACwAAA123/';

describe('never write onto the wrong person (the audit’s findings)', () => {
  it('a compromised content script cannot write over another person by listing the page’s key as an alias', async () => {
    const { handle } = createRouter(deps);
    await savePersonCapture(db, makeCapture({ profileUrl: GRACE, name: 'Grace Hopper' }));
    const before = await db.people.toArray();
    const attack = { type: 'capture/save', capture: makeCapture({ profileUrl: GRACE, name: 'Grace Hopper', headline: 'pwned', aliases: [ADA] }), confirmed: true };
    expect(await handle(attack, contentSender())).toStrictEqual({ ok: false, error: 'Message rejected.' });
    expect(await db.people.toArray()).toStrictEqual(before);
  });

  it.each([
    ['a second alias beside the page’s key', makeCapture({ aliases: [ADA, GRACE_ID] })],
    ['an alias on a capture keyed by the page', makeCapture({ aliases: [GRACE] })],
    ['a member URL claimed by a vanity page', makeCapture({ profileUrl: GRACE, aliases: [ADA] })],
  ])('rejects %s', async (_, capture) => {
    const { handle } = createRouter(deps);
    expect(await handle({ type: 'capture/save', capture, confirmed: true }, contentSender())).toStrictEqual({ ok: false, error: 'Message rejected.' });
    expect(await db.people.count()).toBe(0);
  });

  it('a member-id page may name its member URL, with its own key as the one alias', async () => {
    const { handle } = createRouter(deps);
    const capture = makeCapture({ profileUrl: GRACE, name: 'Grace Hopper', aliases: [GRACE_ID] });
    const reply = await handle({ type: 'capture/save', capture, confirmed: true }, contentSender('https://www.linkedin.com/in/ACoAAB1234xyz/'));
    expect(reply).toMatchObject({ ok: true, created: true });
    expect(await db.people.toArray()).toMatchObject([{ profileUrl: GRACE, aliases: [GRACE_ID] }]);
    expect(deps.notifyTab).toHaveBeenCalledWith(7, { type: 'page/saved', profileUrl: GRACE_ID, personId: expect.any(String) });
  });

  it('a Sales Navigator read that is not confirmed (the stale window after navigating) links nothing', async () => {
    const { handle } = createRouter(deps);
    const anna = makeCapture({ profileUrl: GRACE, name: 'Grace Hopper', aliases: [LEAD_KEY], source: 'linkedin-sales-navigator' });
    expect(await handle({ type: 'capture/save', capture: anna, confirmed: false }, contentSender(LEAD))).toStrictEqual({
      ok: false,
      error: 'The page is still loading this person. Try again in a moment.',
    });
    expect(await db.people.count()).toBe(0);
    expect(await handle({ type: 'capture/save', capture: anna, confirmed: true }, contentSender(LEAD))).toMatchObject({ ok: true });
  });

  it('asks before renaming: the page learns only its own name, and a confirmed save renames', async () => {
    const { handle } = createRouter(deps);
    const { person } = await savePersonCapture(db, makeCapture({ name: 'Ada King' }));
    const reply = await handle({ type: 'capture/save', capture: makeCapture(), confirmed: true }, contentSender());
    expect(reply).toStrictEqual({ ok: false, error: 'Introbook has this profile saved under another name.', confirmName: 'Ada Lovelace' });
    expect(JSON.stringify(reply)).not.toContain('Ada King');
    expect((await db.people.get(person.id))?.name).toBe('Ada King');
    expect(await handle({ type: 'capture/save', capture: makeCapture(), confirmed: true, confirmName: true }, contentSender())).toMatchObject({
      ok: true,
      name: 'Ada Lovelace',
    });
  });

  it('two records for one human: saves, flags them for the merge view, says so — never “could not save”', async () => {
    const { handle } = createRouter(deps);
    const byId = await savePersonCapture(db, makeCapture({ profileUrl: GRACE_ID, name: 'Grace Hopper' }));
    const byVanity = await savePersonCapture(db, makeCapture({ profileUrl: GRACE, name: 'Grace Hopper' }));
    const capture = makeCapture({ profileUrl: GRACE, name: 'Grace Hopper', aliases: [GRACE_ID] });
    const reply = await handle({ type: 'capture/save', capture, confirmed: true }, contentSender('https://www.linkedin.com/in/ACoAAB1234xyz/'));
    expect(reply).toMatchObject({ ok: true, created: false, personId: byVanity.person.id, duplicate: true });
    expect(deps.setPendingMerge).toHaveBeenCalledWith({ aId: byVanity.person.id, bId: byId.person.id });
  });

  it.each([
    ['status', { type: 'person/status', profileUrl: GRACE }],
    ['side panel', { type: 'sidepanel/open', profileUrl: GRACE }],
  ])('answers %s only for the profile the tab shows', async (_, message) => {
    const { handle } = createRouter(deps);
    expect(await handle(message, contentSender())).toStrictEqual({ ok: false, error: 'Message rejected.' });
    expect(deps.openSidePanel).not.toHaveBeenCalled();
  });

  it.each([
    ['another LinkedIn subdomain', 'https://business.linkedin.com/in/ada-lovelace/'],
    ['bare linkedin.com', 'https://linkedin.com/in/ada-lovelace/'],
    ['a port', 'https://www.linkedin.com:8443/in/ada-lovelace/'],
  ])('rejects a content script on %s', async (_, url) => {
    const { handle } = createRouter(deps);
    expect(await handle({ type: 'capture/save', capture: makeCapture(), confirmed: true }, contentSender(url))).toStrictEqual({
      ok: false,
      error: 'Message rejected.',
    });
  });
});

describe('the shortcut and the context menu check the page’s reply against the tab’s URL', () => {
  it('does not save a reply about another person than the tab shows, and says so', async () => {
    const { saveFromTab } = createRouter(deps);
    tabReply = { status: 'ok', capture: makeCapture({ profileUrl: GRACE, name: 'Grace Hopper', aliases: [ADA] }), confirmed: true };
    expect(await saveFromTab(7)).toStrictEqual({ ok: false, error: 'The page changed while Introbook read it. Nothing was saved; try again.' });
    expect(await db.people.count()).toBe(0);
    expect(deps.report).toHaveBeenCalledWith('The page changed while Introbook read it. Nothing was saved; try again.', false);
  });

  it('does not save when it cannot see the tab’s URL', async () => {
    const { saveFromTab } = createRouter(deps);
    tabUrl = undefined;
    expect(await saveFromTab(7)).toMatchObject({ ok: false, error: expect.stringMatching(/can’t check which page/) });
    expect(await db.people.count()).toBe(0);
    // The URL the shortcut's event carried is enough.
    expect(await saveFromTab(7, ADA)).toMatchObject({ ok: true });
  });

  it('an unconfirmed Sales Navigator read is not saved', async () => {
    const { saveFromTab } = createRouter(deps);
    tabUrl = LEAD;
    tabReply = { status: 'ok', capture: makeCapture({ profileUrl: GRACE, name: 'Grace Hopper', aliases: [LEAD_KEY] }), confirmed: false };
    expect(await saveFromTab(7)).toMatchObject({ ok: false, error: 'The page is still loading this person. Try again in a moment.' });
    expect(await db.people.count()).toBe(0);
  });

  it('a rename is not done from the shortcut: the notification names both and sends the user to the popup', async () => {
    const { saveFromTab } = createRouter(deps);
    await savePersonCapture(db, makeCapture({ name: 'Ada King' }));
    const reply = await saveFromTab(7);
    expect(reply).toStrictEqual({
      ok: false,
      error: 'Not saved: Introbook has this profile as “Ada King”, but the page shows “Ada Lovelace”. Open Introbook from the toolbar to check and save.',
    });
    expect(deps.report).toHaveBeenCalledWith(expect.stringContaining('“Ada King”'), false);
  });

  it('a duplicate is saved, flagged and reported', async () => {
    const { saveFromTab } = createRouter(deps);
    await savePersonCapture(db, makeCapture({ profileUrl: GRACE_ID, name: 'Grace Hopper' }));
    await savePersonCapture(db, makeCapture({ profileUrl: GRACE, name: 'Grace Hopper' }));
    tabUrl = 'https://www.linkedin.com/in/ACoAAB1234xyz/';
    tabReply = { status: 'ok', capture: makeCapture({ profileUrl: GRACE, name: 'Grace Hopper', aliases: [GRACE_ID] }), confirmed: true };
    expect(await saveFromTab(7)).toMatchObject({ ok: true, duplicate: true });
    expect(deps.setPendingMerge).toHaveBeenCalledOnce();
    expect(deps.report).toHaveBeenCalledWith('Updated Grace Hopper. Introbook has this person twice — review and merge in the side panel.', true);
  });
});

describe('capture-health reports from content scripts', () => {
  /** A structure report as utils/extract/health.ts builds one: no text, URLs or names. */
  const report = (signature = '0a1b2c3d') => ({
    v: 1,
    site: 'linkedin',
    page: 'profile',
    layout: 'app-2025',
    outcome: 'no-name',
    problems: ['no-name'],
    fields: {},
    stats: { elements: 40, depth: 9, h1: 0, h2: 1, jsonLd: 0, embeddedData: false, main: true, dialogs: 0 },
    outline: { t: 'main', k: [{ t: 'section', k: [{ t: 'p', x: 'degree' }] }] },
    signature,
  });
  let clock: number;
  beforeEach(() => {
    clock = Date.UTC(2026, 3, 1);
    deps.now = () => clock;
  });

  it('stores a report from a content script on any LinkedIn page (it names no page), and writes no person', async () => {
    const { handle } = createRouter(deps);
    expect(await handle({ type: 'capture/health', report: report() }, contentSender())).toStrictEqual({ ok: true });
    // After in-app navigation to a page that is not a person's: still taken (the report was made on the profile).
    expect(await handle({ type: 'capture/health', report: report('0a1b2c3e') }, contentSender(ADA, 'https://www.linkedin.com/feed/'))).toStrictEqual({ ok: true });
    const stored = await captureProblems(db);
    expect(stored.map((p) => [p.report.signature, p.times, p.lastSeen])).toStrictEqual([
      ['0a1b2c3e', 1, clock],
      ['0a1b2c3d', 1, clock],
    ]);
    expect(await db.people.count()).toBe(0);
  });

  it.each([
    ['page text in the report', { type: 'capture/health', report: { ...report(), layout: 'Ada Lovelace, Principal Engineer at Analytical Engines' } }, contentSender()],
    ['a URL beside the report', { type: 'capture/health', report: report(), profileUrl: ADA }, contentSender()],
    ['an unknown key in the report', { type: 'capture/health', report: { ...report(), name: 'Ada' } }, contentSender()],
    ['a report from an extension page (only content scripts report)', { type: 'capture/health', report: report() }, pageSender],
    ['a report from a host we do not serve', { type: 'capture/health', report: report() }, contentSender('https://evil.example/in/ada/')],
  ])('rejects %s and stores nothing', async (_, message, sender) => {
    const { handle } = createRouter(deps);
    expect(await handle(message, sender)).toStrictEqual({ ok: false, error: 'Message rejected.' });
    expect(await captureProblems(db)).toStrictEqual([]);
  });

  it('a page can’t flood the store: a few reports per tab per minute, a few more from all tabs', async () => {
    const { handle } = createRouter(deps);
    const from = (tab: number) => ({ ...contentSender(), tab: { id: tab, url: ADA } });
    const send = (tab: number, i: number) => handle({ type: 'capture/health', report: report(i.toString(16).padStart(8, '0')) }, from(tab));
    let i = 0;
    for (let n = 0; n < HEALTH_REPORTS_PER_TAB; n++) expect(await send(1, i++)).toStrictEqual({ ok: true });
    expect(await send(1, i++)).toStrictEqual({ ok: false, error: 'Too many reports.' });
    expect(deps.log).toHaveBeenCalledWith('Introbook: dropped a capture-health report (too many)', { tabId: 1 });
    // Other tabs still report, up to the limit for all tabs together.
    let accepted = HEALTH_REPORTS_PER_TAB;
    for (let tab = 2; accepted < HEALTH_REPORTS_IN_ALL; tab++) {
      for (let n = 0; n < HEALTH_REPORTS_PER_TAB && accepted < HEALTH_REPORTS_IN_ALL; n++, accepted++) expect(await send(tab, i++)).toStrictEqual({ ok: true });
    }
    expect(await send(99, i++)).toStrictEqual({ ok: false, error: 'Too many reports.' });
    expect(await captureProblems(db)).toHaveLength(HEALTH_REPORTS_IN_ALL);
    // A minute later the tab may report again.
    clock += HEALTH_WINDOW_MS;
    expect(await send(1, i++)).toStrictEqual({ ok: true });
  });
});

describe('the LinkedIn content script’s two helpers (issue #11)', () => {
  it('injects the full reader into the asking tab’s own frame, only from a person page', async () => {
    const injectReader = vi.fn<NonNullable<RouterDeps['injectReader']>>(async () => {});
    const { handle } = createRouter({ ...deps, injectReader });
    expect(await handle({ type: 'reader/load' }, { ...contentSender(), frameId: 0 })).toStrictEqual({ ok: true });
    expect(injectReader).toHaveBeenCalledWith({ tabId: 7, frameId: 0 });
    // The feed is no person page; another extension is no sender of ours.
    expect(await handle({ type: 'reader/load' }, contentSender('https://www.linkedin.com/feed/'))).toStrictEqual({ ok: false, error: 'Message rejected.' });
    expect(await handle({ type: 'reader/load' }, { ...contentSender(), id: 'evil' })).toStrictEqual({ ok: false, error: 'Message rejected.' });
    expect(await handle({ type: 'reader/load', files: ['/evil.js'] }, contentSender())).toMatchObject({ ok: true });
    expect(injectReader).toHaveBeenCalledTimes(2);
    expect(injectReader.mock.calls.every(([target]) => Object.keys(target).join() === 'tabId,frameId')).toBe(true);
  });

  it('says the reader could not be loaded when the injection fails (no host access, a closed tab), and logs why', async () => {
    const { handle } = createRouter({ ...deps, injectReader: async () => Promise.reject(new Error('Cannot access contents of the page.')) });
    expect(await handle({ type: 'reader/load' }, contentSender())).toMatchObject({ ok: false, error: expect.any(String) });
    expect(deps.log).toHaveBeenCalledWith('Introbook: could not load the reader into a tab', expect.any(Error));
  });

  it('hands the in-page button its words and, in the same round trip, the status of the person its own tab shows only', async () => {
    const texts = { 'inPage.save': 'Save to Introbook' };
    const { handle } = createRouter({ ...deps, inPageTexts: () => texts });
    expect(await handle({ type: 'inPage/text' }, contentSender())).toStrictEqual({ texts, status: null });
    expect(await handle({ type: 'inPage/text', profileUrl: ADA }, contentSender())).toStrictEqual({ texts, status: { saved: false, personId: null } });
    await handle({ type: 'capture/save', capture: makeCapture() }, contentSender());
    const saved = await handle({ type: 'inPage/text', profileUrl: ADA }, contentSender());
    expect(saved).toStrictEqual({ texts, status: { saved: true, personId: expect.any(String) } });
    // Another profile than the tab shows, or a feed page: the words, no status.
    expect(await handle({ type: 'inPage/text', profileUrl: ADA }, contentSender('https://www.linkedin.com/in/grace/'))).toStrictEqual({ texts, status: null });
    expect(await handle({ type: 'inPage/text', profileUrl: ADA }, contentSender('https://www.linkedin.com/feed/'))).toStrictEqual({ texts, status: null });
    expect(await handle({ type: 'inPage/text', profileUrl: 'javascript:alert(1)' }, contentSender())).toStrictEqual({ ok: false, error: 'Message rejected.' });
    expect(await handle({ type: 'inPage/text' }, { ...contentSender(), id: 'evil' })).toStrictEqual({ ok: false, error: 'Message rejected.' });
    expect(await handle({ type: 'inPage/text', profileUrl: ADA }, pageSender)).toStrictEqual({ ok: false, error: 'Message rejected.' });
  });
});
