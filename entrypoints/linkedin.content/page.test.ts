// @vitest-environment happy-dom
/**
 * The content script's decisions on real fixture pages, with the real
 * extractors: when to offer Save, when to say there is no one, what to answer
 * the popup, and never a save for the previous person after a navigation.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixtureHtml } from '@/tests/helpers/fixtures';
import { captureHealthReport, captureProblemsOf, findNameElement, readLinkedInPage } from '@/utils/extract/linkedin-page';
import { probeLinkedInName } from '@/utils/extract/linkedin-name';
import type { ReadResult } from '@/utils/extract/result';
import { IN_PAGE_KEYS, type ContentMessage } from '@/utils/messaging/wire';
import { browser } from 'wxt/browser';
import { LinkedInPage, PROBE_PATIENCE_MS, READ_WAIT_MS, READY_TIMEOUT_MS, SETTLE_MS } from './page';
import { HOST_ID, type SaveButton } from './save-button';

const ADA = 'https://www.linkedin.com/in/ada-lovelace/';
const ZOE = 'https://www.linkedin.com/in/zo%C3%AB-%C3%A5ngstr%C3%B6m/';
const ID = '3b241101-e2bb-4255-8caf-4136c566a962';
/** A profile page that has finished loading and shows no name (tests/fixtures/linkedin/no-person-settled.html). */
const WANDA = 'https://www.linkedin.com/in/wanda-nl/';
/** A profile page with loading placeholders still on screen and no name yet (tests/fixtures/linkedin/no-name.html). */
const GHOST = 'https://www.linkedin.com/in/ghost/';
const NO_NAME = "Introbook couldn't find this person's name on the page.";

/** Show a fixture as the whole document, as a navigation would. */
function show(fixture: string): void {
  const next = new DOMParser().parseFromString(fixtureHtml(fixture), 'text/html');
  document.head.replaceChildren(...Array.from(next.head.childNodes).map((n) => document.adoptNode(n)));
  document.body.replaceChildren(...Array.from(next.body.childNodes).map((n) => document.adoptNode(n)));
}

/** Replace only <main>, as LinkedIn's in-app navigation does. */
function swapMain(fixture: string): void {
  const next = new DOMParser().parseFromString(fixtureHtml(fixture), 'text/html');
  document.querySelector('main')!.replaceWith(document.adoptNode(next.querySelector('main')!));
}

let url: string;
let sent: ContentMessage[];
/** The first round trip of each start (`inPage/text`: the words and the status), kept apart from `sent`. */
let greetings: ContentMessage[];
let answer: (message: ContentMessage) => unknown;
let page: LinkedInPage;
/** How many times the content script loaded the full reader (the background's injection, in the extension). */
let readerLoads: number;

/**
 * The content script with the real probe and the real reader. A test that stubs the reader (`read`) stubs the
 * probe away too, so every decision goes through its stub.
 */
const inPageTexts = () => Object.fromEntries(IN_PAGE_KEYS.map((key) => [key, browser.i18n.getMessage(key.replaceAll('.', '_') as never, ['$1'])]));

function start(options: { trusting?: boolean; read?: (doc: Document, url: string) => ReadResult; noTexts?: boolean } = {}): LinkedInPage {
  page = new LinkedInPage({
    doc: document,
    url: () => url,
    probe: options.read ? () => null : probeLinkedInName,
    loadReader: async () => {
      readerLoads++;
      return { read: options.read ?? readLinkedInPage, nameElement: findNameElement, health: { problems: captureProblemsOf, report: captureHealthReport } };
    },
    send: async (message) => {
      if (message.type === 'inPage/text') {
        greetings.push(message);
        if (options.noTexts) return undefined;
        // The button's words, as the background gives them (entrypoints/background/index.ts), and the status of
        // the person page the tab shows, as `person/status` would answer it.
        const status = message.profileUrl === undefined ? null : answer({ type: 'person/status', profileUrl: message.profileUrl });
        return { texts: inPageTexts(), status: status ?? null };
      }
      sent.push(message);
      return answer(message);
    },
    button: options.trusting === false ? {} : { isTrusted: () => true },
  });
  page.start();
  return page;
}

/** The control the content script mounted (its closed root is reachable only through the script's own reference). */
function control(): SaveButton | null {
  const host = document.getElementById(HOST_ID);
  if (!host) return null;
  return (page as unknown as { button: SaveButton | null }).button;
}
/** The popup's question, with the clock moved past the longest wait. */
async function readNow() {
  const reply = page.handleMessage({ type: 'page/read' })!;
  await vi.advanceTimersByTimeAsync(READ_WAIT_MS + 10);
  return reply;
}
const buttons = () => Array.from(control()?.root.querySelectorAll('button') ?? []).map((b) => b.textContent);
const say = () => control()?.root.textContent ?? '';
const click = (label: string) =>
  Array.from(control()!.root.querySelectorAll('button'))
    .find((b) => b.textContent === label)!
    .click();

beforeEach(() => {
  vi.useFakeTimers();
  sent = [];
  greetings = [];
  readerLoads = 0;
  answer = (m) => (m.type === 'person/status' ? { saved: false, personId: null } : { ok: true, personId: ID, created: true, name: 'Ada Lovelace', duplicate: false });
});
afterEach(() => {
  page?.dispose();
  vi.useRealTimers();
});

describe('deciding what the page shows', () => {
  it('offers Save beside the name of a profile at once, and says Saved for a saved person', async () => {
    show('linkedin/current-layout.html');
    url = ADA;
    answer = (m) => (m.type === 'person/status' ? { saved: true, personId: ID } : undefined);
    start();
    await vi.advanceTimersByTimeAsync(1);
    const host = document.getElementById(HOST_ID)!;
    expect(host.previousElementSibling?.matches('a[href*="/in/ada-lovelace/"]')).toBe(true);
    // One round trip before the button shows: its words and the status together (issue #11), nothing else.
    expect(greetings).toStrictEqual([{ type: 'inPage/text', profileUrl: ADA }]);
    expect(sent).toStrictEqual([]);
    expect(say()).toContain('Saved');
    // The load path of a profile whose name the page ties to its URL: the probe alone, no reader.
    await vi.advanceTimersByTimeAsync(READY_TIMEOUT_MS + 100);
    expect(readerLoads).toBe(0);
  });

  it('shows the same words when the background can’t hand them over (the browser’s i18n API instead), and asks for the status then', async () => {
    show('linkedin/current-layout.html');
    url = ADA;
    answer = (m) => (m.type === 'person/status' ? { saved: true, personId: ID } : undefined);
    start({ noTexts: true });
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toStrictEqual([{ type: 'person/status', profileUrl: ADA }]);
    expect(buttons()).toStrictEqual(['Open in side panel']);
    expect(say()).toContain('Saved');
  });

  it('asks for the status of the person it navigates to; a save heard while loading shows Saved at once', async () => {
    show('linkedin/current-layout.html');
    url = 'https://www.linkedin.com/feed/';
    start();
    await vi.advanceTimersByTimeAsync(1);
    // Not a person page: the words only.
    expect(greetings).toStrictEqual([{ type: 'inPage/text' }]);
    url = ADA;
    page.navigate(ADA);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toStrictEqual([{ type: 'person/status', profileUrl: ADA }]);
    expect(buttons()).toStrictEqual(['Save to Introbook']);
    page.dispose();

    // The popup saved this person before the page was ready: the button starts as Saved, without asking.
    sent = [];
    greetings = [];
    url = ADA;
    start();
    page.handleMessage({ type: 'page/saved', profileUrl: ADA, personId: ID });
    await vi.advanceTimersByTimeAsync(1);
    expect(say()).toContain('Saved');
    expect(sent).toStrictEqual([]);

    // Away and back (in-app): what the tab heard may be old by now (a delete in the side panel), so it asks.
    url = 'https://www.linkedin.com/feed/';
    page.navigate(url);
    await vi.advanceTimersByTimeAsync(1);
    url = ADA;
    page.navigate(ADA);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toStrictEqual([{ type: 'person/status', profileUrl: ADA }]);
    expect(buttons()).toStrictEqual(['Save to Introbook']);
  });

  it('loads the reader once, when asked to read: a save, then the popup', async () => {
    show('linkedin/current-layout.html');
    url = ADA;
    start();
    await vi.advanceTimersByTimeAsync(1);
    expect(buttons()).toStrictEqual(['Save to Introbook']);
    expect(readerLoads).toBe(0);
    click('Save to Introbook');
    await vi.advanceTimersByTimeAsync(1);
    expect(sent.at(-1)).toMatchObject({ type: 'capture/save', confirmed: true, capture: { name: 'Ada Lovelace', headline: expect.stringContaining('Principal Engineer') } });
    expect(await readNow()).toMatchObject({ status: 'ok', confirmed: true, capture: { profileUrl: ADA } });
    expect(readerLoads).toBe(1);
  });

  it('a reader that can’t be had (the extension reloading) leaves Save with a message, and is tried again next time', async () => {
    show('linkedin/current-layout.html');
    url = ADA;
    let fail = true;
    page = new LinkedInPage({
      doc: document,
      url: () => url,
      probe: probeLinkedInName,
      loadReader: async () => {
        readerLoads++;
        if (fail) throw new Error('Extension context invalidated.');
        return { read: readLinkedInPage, nameElement: findNameElement };
      },
      send: async (message) => {
        sent.push(message);
        return answer(message);
      },
      button: { isTrusted: () => true },
    });
    page.start();
    await vi.advanceTimersByTimeAsync(1);
    click('Save to Introbook');
    await vi.advanceTimersByTimeAsync(1);
    expect(say()).toContain('Save to Introbook');
    expect(sent.filter((m) => m.type === 'capture/save')).toStrictEqual([]);
    fail = false;
    click('Save to Introbook');
    await vi.advanceTimersByTimeAsync(1);
    expect(say()).toContain('Saved');
    expect(readerLoads).toBe(2);
  });

  it('a page whose name the probe can’t see while it keeps changing gets the reader after PROBE_PATIENCE_MS', async () => {
    show('linkedin/public-page.html');
    url = 'https://www.linkedin.com/in/margaret-hamilton-apollo/';
    const probe = probeLinkedInName(document, url);
    start();
    const tick = setInterval(() => document.body.append(document.createElement('span')), 100);
    await vi.advanceTimersByTimeAsync(PROBE_PATIENCE_MS + 200);
    clearInterval(tick);
    expect(buttons()).toStrictEqual(['Save to Introbook']);
    expect(readerLoads).toBe(probe ? 0 : 1);
  });

  it('a page that has loaded and shows no person says so within a second, with nothing to click', async () => {
    show('linkedin/no-person-settled.html');
    url = WANDA;
    start();
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 50);
    expect(say()).toContain(NO_NAME);
    expect(buttons()).toStrictEqual([]);
  });

  it.each([
    ['a default avatar in "People also viewed"', (html: string) =>
      html.replace('</main>', '<section><h2>People also viewed</h2><ul><li><img class="EntityPhoto-circle-3-ghost-person" alt=""><a href="/in/x/">X Y</a></li></ul></section></main>')],
    ['the search box’s hint', (html: string) => html.replace('<main class="Wm1">', '<main class="Wm1"><div class="search-global-typeahead__placeholder">Search</div>')],
    ['a loading sidebar', (html: string) => html.replace('</main>', '</main><aside><div class="skeleton-card"></div><div class="artdeco-loader"></div></aside>')],
  ])('says "no person" within a second even with %s on the page', async (_, mutate) => {
    const next = new DOMParser().parseFromString(mutate(fixtureHtml('linkedin/no-person-settled.html')), 'text/html');
    document.head.replaceChildren(...Array.from(next.head.childNodes).map((n) => document.adoptNode(n)));
    document.body.replaceChildren(...Array.from(next.body.childNodes).map((n) => document.adoptNode(n)));
    url = WANDA;
    start();
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 50);
    expect(say()).toContain(NO_NAME);
    expect(buttons()).toStrictEqual([]);
  });

  it('answers the popup about a name-less page as soon as it has settled, offering a record typed by hand', async () => {
    show('linkedin/no-person-settled.html');
    url = WANDA;
    start();
    const reply = page.handleMessage({ type: 'page/read' })!;
    let answered = false;
    void reply.then(() => (answered = true));
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 50);
    expect(answered).toBe(true);
    expect(await reply).toStrictEqual({ status: 'unreadable', code: 'no-name', noPerson: true });
  });

  it('a page that is not a profile (a login wall, “not found”) gets no button and says so to the popup', async () => {
    show('linkedin/current-layout.html');
    url = ADA;
    start({ read: () => ({ status: 'not-profile' }) });
    await vi.advanceTimersByTimeAsync(READY_TIMEOUT_MS + 100);
    expect(document.getElementById(HOST_ID)).toBeNull();
    expect(await page.handleMessage({ type: 'page/read' })).toStrictEqual({ status: 'not-profile' });
  });

  it('a page still changing waits (no button, no verdict), and the popup gets an answer after at most READ_WAIT_MS', async () => {
    show('linkedin/no-person-settled.html');
    url = WANDA;
    start();
    // The page keeps changing, as while it loads.
    const tick = setInterval(() => document.body.append(document.createElement('span')), 100);
    await vi.advanceTimersByTimeAsync(50);
    const reply = page.handleMessage({ type: 'page/read' })!;
    await vi.advanceTimersByTimeAsync(READ_WAIT_MS + 10);
    expect(await reply).toStrictEqual({ status: 'unreadable', code: 'not-ready', noPerson: false });
    expect(document.getElementById(HOST_ID)).toBeNull();
    clearInterval(tick);
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 200);
    expect(say()).toContain("couldn't find this person's name");
  });

  it('a quiet page the extractor sees still loading (placeholders) waits; once they go, “no person” comes at once', async () => {
    show('linkedin/no-name.html');
    url = GHOST;
    start();
    // Quiet for several SETTLE_MS, but the placeholders are on screen: no verdict, and the popup hears “not yet”.
    await vi.advanceTimersByTimeAsync(SETTLE_MS * 3);
    expect(document.getElementById(HOST_ID)).toBeNull();
    expect(await readNow()).toStrictEqual({ status: 'unreadable', code: 'not-ready', noPerson: false });
    // The placeholders give way to a rendered top card that still shows no name.
    for (const el of Array.from(document.querySelectorAll('.skeleton'))) el.remove();
    document.querySelector('section p:last-child')!.textContent = 'Operations lead';
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 200);
    expect(say()).toContain(NO_NAME);
    expect(await readNow()).toStrictEqual({ status: 'unreadable', code: 'no-name', noPerson: true });
  });

  it('requires the extractor’s word that the page has settled, however long the page stays quiet', async () => {
    show('linkedin/no-person-settled.html');
    url = WANDA;
    let settled = false;
    let reads = 0;
    start({
      read: (doc, at) => {
        reads++;
        const result = readLinkedInPage(doc, at);
        return result.status === 'unreadable' ? { ...result, settled } : result;
      },
    });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(document.getElementById(HOST_ID)).toBeNull();
    // Looked at again every SETTLE_MS or so while it waits, never in a tight loop.
    expect(reads).toBeLessThanOrEqual(Math.ceil(5_000 / SETTLE_MS) + 2);
    settled = true;
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 50);
    expect(say()).toContain(NO_NAME);
  });

  it('a page that never settles gets the give-up timeout as its backstop: “no person”, and the popup offers a hand-typed record', async () => {
    show('linkedin/no-name.html');
    url = GHOST;
    start();
    await vi.advanceTimersByTimeAsync(READY_TIMEOUT_MS - 100);
    expect(document.getElementById(HOST_ID)).toBeNull();
    await vi.advanceTimersByTimeAsync(200);
    expect(say()).toContain(NO_NAME);
    expect(buttons()).toStrictEqual([]);
    expect(await readNow()).toStrictEqual({ status: 'unreadable', code: 'no-name', noPerson: true });
  });

  it('keeps a constant cost per DOM change while waiting: one timer, no listener added per change', async () => {
    show('linkedin/no-name.html');
    url = 'https://www.linkedin.com/in/ghost/';
    start();
    await vi.advanceTimersByTimeAsync(1);
    const added = vi.spyOn(EventTarget.prototype, 'addEventListener');
    const timers = vi.getTimerCount();
    for (let i = 0; i < 2000; i++) {
      document.body.append(document.createElement('i'));
      await vi.advanceTimersByTimeAsync(1);
    }
    expect(added).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBeLessThanOrEqual(timers + 1);
  });
});

describe('capture health: a structure report of a read that went wrong, once per profile URL', () => {
  const reports = () => sent.filter((m) => m.type === 'capture/health').map((m) => (m as { report: { outcome: string; problems: string[] } }).report);

  it('a settled page with no name sends one report, with no page text in it', async () => {
    show('linkedin/no-person-settled.html');
    url = WANDA;
    start();
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 50);
    expect(reports()).toMatchObject([{ outcome: 'no-name', problems: ['no-name'], site: 'linkedin', page: 'profile' }]);
    expect(JSON.stringify(reports())).not.toMatch(/wanda|Rotterdam|Operations|Northwind|linkedin\.com/i);
    // Asked again (the popup), nothing more is sent.
    await readNow();
    expect(reports()).toHaveLength(1);
  });

  it('nothing while the page is still loading; the give-up backstop reports what it found', async () => {
    show('linkedin/no-name.html');
    url = GHOST;
    start();
    await vi.advanceTimersByTimeAsync(SETTLE_MS * 4);
    expect(reports()).toStrictEqual([]);
    await vi.advanceTimersByTimeAsync(READY_TIMEOUT_MS);
    expect(reports()).toMatchObject([{ outcome: 'no-name' }]);
  });

  it('a profile read with nothing to check sends nothing', async () => {
    show('linkedin/logged-in-2024-single-role.html');
    url = 'https://www.linkedin.com/in/priya-raman-dev/';
    start();
    await vi.advanceTimersByTimeAsync(READY_TIMEOUT_MS + 100);
    expect(buttons()).toStrictEqual(['Save to Introbook']);
    expect(reports()).toStrictEqual([]);
  });

  it('a read with a problem (no role, fields to check) waits until the page is quiet, then reports without page text', async () => {
    show('linkedin/lazy-topcard.html');
    url = 'https://www.linkedin.com/in/chidi-nwosu/';
    start();
    await vi.advanceTimersByTimeAsync(1);
    expect(buttons()).toStrictEqual(['Save to Introbook']);
    // The load path reads nothing: the popup's read (or a save) is the read that is checked.
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 50);
    expect(reports()).toStrictEqual([]);
    void page.handleMessage({ type: 'page/read' });
    await vi.advanceTimersByTimeAsync(1);
    expect(reports()).toStrictEqual([]);
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 50);
    expect(reports()).toMatchObject([{ outcome: 'ok', problems: ['no-role', 'low:headline', 'low:location'] }]);
    expect(JSON.stringify(reports())).not.toMatch(/chidi|nwosu|wingtip|abuja|payments|nigeria/i);
  });

  it('a problem the lazily loaded Experience section resolves before the page is quiet is not reported', async () => {
    show('linkedin/logged-in-2024-single-role.html');
    url = 'https://www.linkedin.com/in/priya-raman-dev/';
    // Experience has not loaded yet: the role is only a guess from the headline.
    const experience = Array.from(document.querySelectorAll('main section')).find((s) => /Experience/.test(s.querySelector('h2')?.textContent ?? ''))!;
    const placeholder = document.createElement('div');
    experience.replaceWith(placeholder);
    start();
    await vi.advanceTimersByTimeAsync(1);
    expect(buttons()).toStrictEqual(['Save to Introbook']);
    expect(captureProblemsOf(url, readLinkedInPage(document, url))).toStrictEqual(['low:role']);
    void page.handleMessage({ type: 'page/read' });
    await vi.advanceTimersByTimeAsync(SETTLE_MS / 2);
    placeholder.replaceWith(experience);
    await vi.advanceTimersByTimeAsync(SETTLE_MS * 3);
    expect(reports()).toStrictEqual([]);
  });

  it('a problem that stays after the page changed is reported from a fresh read', async () => {
    show('linkedin/logged-in-2024-single-role.html');
    url = 'https://www.linkedin.com/in/priya-raman-dev/';
    const experience = Array.from(document.querySelectorAll('main section')).find((s) => /Experience/.test(s.querySelector('h2')?.textContent ?? ''))!;
    experience.remove();
    start();
    await vi.advanceTimersByTimeAsync(1);
    void page.handleMessage({ type: 'page/read' });
    await vi.advanceTimersByTimeAsync(SETTLE_MS / 2);
    document.querySelector('main')!.append(document.createElement('section'));
    await vi.advanceTimersByTimeAsync(SETTLE_MS * 3);
    expect(reports()).toMatchObject([{ outcome: 'ok', problems: ['low:role'] }]);
  });

  it('once per profile URL: back on a page already reported, nothing is sent again', async () => {
    show('linkedin/no-person-settled.html');
    url = WANDA;
    start();
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 50);
    url = ADA;
    page.navigate(ADA);
    swapMain('linkedin/current-layout.html');
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 50);
    url = WANDA;
    page.navigate(WANDA);
    swapMain('linkedin/no-person-settled.html');
    await vi.advanceTimersByTimeAsync(SETTLE_MS * 2);
    expect(say()).toContain(NO_NAME);
    expect(reports()).toHaveLength(1);
  });

  it('a background that does not answer (the extension reloading) changes nothing on the page', async () => {
    show('linkedin/no-person-settled.html');
    url = WANDA;
    answer = (m) => {
      if (m.type === 'capture/health') throw new Error('Extension context invalidated.');
      return { saved: false, personId: null };
    };
    start();
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 50);
    expect(say()).toContain(NO_NAME);
  });
});

describe('saving', () => {
  it('a page script clicking Save saves nothing and changes nothing it could see', async () => {
    show('linkedin/current-layout.html');
    url = ADA;
    start({ trusting: false });
    await vi.advanceTimersByTimeAsync(1);
    const root = control()!.root;
    root.querySelector('button')!.click();
    root.querySelector('button')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    document.getElementById(HOST_ID)!.click();
    await vi.advanceTimersByTimeAsync(10);
    expect(sent.filter((m) => m.type === 'capture/save')).toStrictEqual([]);
    expect(buttons()).toStrictEqual(['Save to Introbook']);
  });

  it('sends the capture with the page’s word that it shows its URL’s person, and shows Saved', async () => {
    show('linkedin/current-layout.html');
    url = ADA;
    start();
    await vi.advanceTimersByTimeAsync(1);
    click('Save to Introbook');
    await vi.advanceTimersByTimeAsync(1);
    expect(sent.at(-1)).toMatchObject({ type: 'capture/save', confirmed: true, capture: { profileUrl: ADA, name: 'Ada Lovelace' } });
    expect(say()).toContain('Saved');
  });

  it('tells the user when Introbook has the person twice', async () => {
    show('linkedin/current-layout.html');
    url = ADA;
    answer = (m) => (m.type === 'capture/save' ? { ok: true, personId: ID, created: false, name: 'Ada Lovelace', duplicate: true } : { saved: false, personId: null });
    start();
    await vi.advanceTimersByTimeAsync(1);
    click('Save to Introbook');
    await vi.advanceTimersByTimeAsync(1);
    expect(say()).toContain('Introbook has this person twice — review and merge in the side panel.');
  });

  it('never renames silently: asks, then saves with the user’s OK, or leaves it', async () => {
    show('linkedin/current-layout.html');
    url = ADA;
    answer = (m) =>
      m.type === 'capture/save'
        ? m.confirmName
          ? { ok: true, personId: ID, created: false, name: 'Ada Lovelace', duplicate: false }
          : { ok: false, error: 'Introbook has this profile saved under another name.', confirmName: 'Ada Lovelace' }
        : { saved: true, personId: ID };
    start();
    await vi.advanceTimersByTimeAsync(1);
    control()!.render({ kind: 'idle' });
    click('Save to Introbook');
    await vi.advanceTimersByTimeAsync(1);
    expect(buttons()).toStrictEqual(['Save as Ada Lovelace', 'Cancel']);
    click('Cancel');
    expect(buttons()).toStrictEqual(['Save to Introbook']);
    click('Save to Introbook');
    await vi.advanceTimersByTimeAsync(1);
    click('Save as Ada Lovelace');
    await vi.advanceTimersByTimeAsync(1);
    expect(sent.filter((m) => m.type === 'capture/save').map((m) => 'confirmName' in m && m.confirmName)).toStrictEqual([false, false, true]);
    expect(say()).toContain('Saved');
  });
});

describe('in-app navigation: never the previous person under the new URL', () => {
  it('while the old person is on screen there is no button and the popup hears “still loading”; once the page follows, Save is offered', async () => {
    show('linkedin/current-layout.html');
    url = ADA;
    start();
    await vi.advanceTimersByTimeAsync(1);
    expect(buttons()).toStrictEqual(['Save to Introbook']);
    url = ZOE;
    page.navigate(ZOE);
    await vi.advanceTimersByTimeAsync(SETTLE_MS * 2);
    expect(document.getElementById(HOST_ID)).toBeNull();
    expect(await readNow()).toMatchObject({ status: 'unreadable', noPerson: false });
    swapMain('linkedin/current-layout-h2.html');
    await vi.advanceTimersByTimeAsync(200);
    expect(buttons()).toStrictEqual(['Save to Introbook']);
    click('Save to Introbook');
    await vi.advanceTimersByTimeAsync(1);
    expect(sent.at(-1)).toMatchObject({ type: 'capture/save', capture: { profileUrl: ZOE } });
  });

  it('a lead page that does not name its own key stays unconfirmed after navigating, even with a new name on screen', async () => {
    const lead = 'https://www.linkedin.com/sales/lead/ACwAAB456,NAME_SEARCH,x';
    const next = 'https://www.linkedin.com/sales/lead/ACwAAC789,NAME_SEARCH,y';
    show('linkedin/sales-navigator.html');
    url = lead;
    // As lane 7a's extractor does: a lead read is confirmed only when the page names the URL's key.
    const read = (doc: Document, at: string): ReadResult => {
      const result = readLinkedInPage(doc, at);
      return result.status === 'ok' ? { ...result, confirmed: doc.documentElement.outerHTML.includes(at.split('/')[5]!.split(',')[0]!) } : result;
    };
    start({ read });
    await vi.advanceTimersByTimeAsync(1);
    // First load: the page is the URL's, confirmed or not.
    expect(buttons()).toStrictEqual(['Save to Introbook']);
    url = next;
    page.navigate(next);
    // Another lead's name appears, but the member link is still the previous lead's.
    document.querySelector('[data-anonymize="person-name"]')!.textContent = 'Someone Else';
    await vi.advanceTimersByTimeAsync(SETTLE_MS * 2);
    expect(document.getElementById(HOST_ID)).toBeNull();
    expect(await readNow()).toMatchObject({ status: 'unreadable', noPerson: false });
  });

  it('a lead page still showing the previous lead is stale even when the extractor calls it confirmed', async () => {
    show('linkedin/sales-navigator.html');
    url = 'https://www.linkedin.com/sales/lead/ACwAAA123,NAME_SEARCH,abc';
    start({ read: (doc, at) => {
      const result = readLinkedInPage(doc, at);
      return result.status === 'ok' ? { ...result, confirmed: true } : result;
    } });
    await vi.advanceTimersByTimeAsync(1);
    expect(buttons()).toStrictEqual(['Save to Introbook']);
    url = 'https://www.linkedin.com/sales/lead/ACwAAB456,NAME_SEARCH,xyz';
    page.navigate(url);
    await vi.advanceTimersByTimeAsync(SETTLE_MS * 2);
    expect(document.getElementById(HOST_ID)).toBeNull();
    expect(await readNow()).toMatchObject({ status: 'unreadable', noPerson: false });
    // Once the new lead is on screen, it is offered.
    swapMain('linkedin/sales-navigator-no-link.html');
    await vi.advanceTimersByTimeAsync(200);
    expect(buttons()).toStrictEqual(['Save to Introbook']);
  });

  it('a popup’s save notice for another page does not flip this page’s button', async () => {
    show('linkedin/current-layout.html');
    url = ADA;
    start();
    await vi.advanceTimersByTimeAsync(1);
    page.handleMessage({ type: 'page/saved', profileUrl: ZOE, personId: ID });
    expect(buttons()).toStrictEqual(['Save to Introbook']);
    page.handleMessage({ type: 'page/saved', profileUrl: ADA, personId: ID });
    expect(say()).toContain('Saved');
  });
});

describe('where the content script runs', () => {
  it('only on the https LinkedIn hosts the background accepts messages from', async () => {
    const { default: script } = await import('./index');
    const { LINKEDIN_MATCHES } = await import('@/utils/core/canonical-url');
    const matches = script.matches as string[];
    expect(matches).toStrictEqual(LINKEDIN_MATCHES);
    expect(matches.every((m) => m.startsWith('https://') && !m.includes('*.'))).toBe(true);
  });
});
