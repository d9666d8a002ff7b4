/**
 * The Firefox build, in Debian's firefox-esr: the background page starts
 * (its alarms are set, its database opens) and a due follow-up raises a
 * reminder — the badge count and a notification — through browserAction.
 * `npm run zip` (run before this suite) builds .output/firefox-mv2.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCapture } from '../helpers/db';
import { blankUserFields, type IntroRequest } from '../../utils/domain/schemas';
import { DEFAULT_WORK_WEEK } from '../../utils/domain/business-days';
import { requestIndexFields, SCHEMA_VERSIONS, withDerived } from '../../utils/db/app-db';
import { FIREFOX, FirefoxRdp } from './firefox-rdp';

const BUILD = resolve(process.cwd(), '.output/firefox-mv2');
const ADDON_ID = 'introbook@example.org';
const DAY = 86_400_000;
const CURRENT = SCHEMA_VERSIONS.at(-1)!.version;

let firefox: FirefoxRdp;
let background: string;

async function poll(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Firefox never got there: ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  if (!existsSync(FIREFOX)) {
    throw new Error(`No Firefox at ${FIREFOX}: run "apt-get install -y firefox-esr" (CI does, in .ci/run) or set FIREFOX_PATH.`);
  }
  if (!existsSync(resolve(BUILD, 'manifest.json'))) throw new Error(`No Firefox build in ${BUILD}: run "npm run zip" first.`);
  firefox = await FirefoxRdp.launch();
  background = await firefox.installAddon(BUILD, ADDON_ID);
}, 120_000);

afterAll(async () => {
  await firefox?.close();
});

const js = (value: unknown) => JSON.stringify(value);

describe('the Firefox build', () => {
  it('starts its background: alarms set, database open at the current schema', async () => {
    expect(await firefox.evaluate(background, 'return typeof browser.action + "/" + typeof browser.browserAction;')).toBe('undefined/object');
    await poll(async () => {
      const names = JSON.parse(await firefox.evaluate(background, 'return JSON.stringify((await browser.alarms.getAll()).map((a) => a.name).sort());')) as string[];
      return names.includes('introbook-reminders') && names.includes('introbook-data-care');
    }, 'the reminder and data-care alarms');
    await poll(
      // Dexie opens version n as IndexedDB version 10 n.
      async () => Number(await firefox.evaluate(background, `return String((await indexedDB.databases()).find((d) => d.name === 'introbook')?.version ?? 0);`)) >= CURRENT * 10,
      `the introbook database at schema version ${CURRENT}`,
    );
  });

  it('raises a due follow-up: badge count and notification', async () => {
    const now = Date.now();
    const person = (id: string, over: object) => ({
      ...makeCapture(),
      id,
      createdAt: now - 20 * DAY,
      updatedAt: now - 20 * DAY,
      capturedAt: now - 20 * DAY,
      deletedAt: null,
      ...blankUserFields(),
      ...over,
    });
    const ada = person('5b1c1f5e-2f7a-4f0e-9d3b-0c6a1f7f2a11', {});
    const charles = person('9e0b7c2d-4a51-4c8e-8f3a-2b7d9e1c0f22', { profileUrl: 'https://www.linkedin.com/in/charles/', name: 'Charles Babbage' });
    const askedAt = now - 10 * DAY;
    const request: IntroRequest = {
      id: '3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a',
      kind: 'intro',
      targetId: ada.id,
      connectorId: charles.id,
      status: 'asked',
      history: [
        { from: null, to: 'draft', at: askedAt, note: '', correction: false },
        { from: 'draft', to: 'asked', at: askedAt, note: '', correction: false },
      ],
      subject: 'Intro?',
      message: 'Hi Charles',
      blurb: '',
      templateId: null,
      channel: 'email',
      followUps: [],
      dueOverride: null,
      meetingAt: null,
      createdAt: askedAt,
      updatedAt: askedAt,
      deletedAt: null,
    };
    // Written with raw IndexedDB in the extension's own origin, as a capture and a sent ask would have left
    // them: with the index fields the store derives (the reminders read due requests by their due date).
    const row = { ...request, ...requestIndexFields(request, DEFAULT_WORK_WEEK, null) };
    expect(row.dueAt).toBeLessThan(now);
    expect(
      await firefox.evaluate(
        background,
        `const db = await new Promise((ok, fail) => { const r = indexedDB.open('introbook'); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
         const tx = db.transaction(['people', 'intros'], 'readwrite');
         tx.objectStore('people').put(${js(withDerived('people', ada))});
         tx.objectStore('people').put(${js(withDerived('people', charles))});
         tx.objectStore('intros').put(${js(row)});
         await new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = () => fail(tx.error); });
         db.close();
         return 'seeded';`,
      ),
    ).toBe('seeded');
    // Headless Firefox has no alert service: a notification closes as soon as it is shown, so
    // the test watches the notification events rather than notifications.getAll().
    await firefox.evaluate(
      background,
      `globalThis.__introbookTestNotes = [];
       const note = (id) => globalThis.__introbookTestNotes.push(id);
       browser.notifications.onShown.addListener(note);
       browser.notifications.onClosed.addListener(note);
       return 'listening';`,
    );
    // The alarm the background sets for the next due step, fired now: the real reminder path. (A
    // start-up refresh still running from before the seed may clear it: then set it again.)
    await poll(
      async () =>
        (await firefox.evaluate(
          background,
          `if (await browser.browserAction.getBadgeText({}) === '1') return 'due';
           if (!(await browser.alarms.get('introbook-next-due'))) await browser.alarms.create('introbook-next-due', { when: Date.now() + 200 });
           return 'waiting';`,
        )) === 'due',
      'a badge of 1',
    );
    const notes = async () => JSON.parse(await firefox.evaluate(background, 'return JSON.stringify(globalThis.__introbookTestNotes);')) as string[];
    await poll(async () => (await notes()).includes(`introbook:${request.id}`), 'the follow-up notification');
  });
});
