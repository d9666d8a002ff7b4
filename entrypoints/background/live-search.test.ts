/**
 * The side panel's search with filters through the background (issue #11): typing under the same
 * filters reads the filter set once, not once per keystroke; the answers still follow the store
 * (a request's status changes while the user types, or while no search is open); an answer never
 * comes from another filter set; the sets kept are bounded and end with the port.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DBCore, DBCoreTable } from 'dexie';
import { makeCapture, makeTestDb } from '@/tests/helpers/db';
import { localRemote, TEST_ORIGIN } from '@/tests/helpers/remote';
import type { IntrobookDB } from '@/utils/db/app-db';
import { createRequest, moveRequest } from '@/utils/db/intros';
import { scheduleMeeting } from '@/utils/db/meetings';
import { editPerson, removePerson, savePersonCapture } from '@/utils/db/people';
import { searchPeople } from '@/utils/db/search';
import { setTags } from '@/utils/db/workspace';
import type { SearchFilters } from '@/utils/domain/search-filters';
import type { Person } from '@/utils/domain/schemas';
import type { RemoteClient } from '@/utils/remote/client';
import type { RemoteQueries } from '@/utils/remote/protocol';
import { createLiveSearch, IDLE_KEPT } from './live-search';

type Search = RemoteQueries['people/search'];
const HOUR = 3_600_000;

let db: IntrobookDB;
let remote: ReturnType<typeof localRemote>;
let client: RemoteClient;
/** Reads of the requests and meetings tables (what only the filters read), counted in the store's core. */
const reads = { intros: 0, meetings: 0 };
let filterReads: string[] = [];

beforeEach(() => {
  db = makeTestDb(new IDBFactory());
  reads.intros = 0;
  reads.meetings = 0;
  filterReads = [];
  db.use({
    stack: 'dbcore',
    name: 'countReads',
    create: (down: DBCore) => ({
      ...down,
      table: (name: string): DBCoreTable => {
        const table = down.table(name);
        if (name !== 'intros' && name !== 'meetings') return table;
        return {
          ...table,
          query: (req) => {
            reads[name]++;
            return table.query(req);
          },
        };
      },
    }),
  });
  const mine = filterReads;
  remote = localRemote(db, { onFilterRead: (key) => mine.push(key) }, { install: false, pageUrl: `${TEST_ORIGIN}sidepanel.html` });
  client = remote.client;
});
afterEach(() => {
  // The ports end (and with them their live queries: Dexie's change events are global, and every test's store has the same name).
  for (const pair of remote.ports) pair.page.disconnect();
  db.close();
});

async function person(slug: string, name: string, extra: Parameters<typeof makeCapture>[0] = {}): Promise<Person> {
  const [firstName = name, ...rest] = name.split(' ');
  return (await savePersonCapture(db, makeCapture({ profileUrl: `https://www.linkedin.com/in/${slug}/`, name, firstName, lastName: rest.join(' ') || null, ...extra }))).person;
}

/** Every answer one live search receives. */
function watch(args: Search['args']) {
  const values: Search['result'][] = [];
  const stop = client.subscribe('people/search', args, (v) => values.push(v));
  return { values, stop, last: () => values.at(-1), names: () => values.at(-1)?.people.map((p) => p.name) };
}

/** Type `text` a letter at a time as the side panel does: each keystroke drops the last search, then asks for the next and waits for its answer. */
async function type(text: string, filters: SearchFilters, at = 0) {
  let search: ReturnType<typeof watch> | null = null;
  for (let i = 1; i <= text.length; i++) {
    search?.stop();
    const current = watch({ query: text.slice(0, i), filters, limit: 50, at });
    await vi.waitFor(() => expect(current.values.length).toBeGreaterThan(0));
    search = current;
  }
  return search!;
}

describe('search with filters, per keystroke', () => {
  it('reads the filter set once while the user types under the same filters, and each answer is the repository’s', async () => {
    const ada = await person('ada', 'Ada Lovelace');
    const adam = await person('adam', 'Adam Smith');
    await person('adele', 'Adele Adkins');
    await createRequest(db, { kind: 'direct', targetId: ada.id, connectorId: null });
    await createRequest(db, { kind: 'direct', targetId: adam.id, connectorId: null });
    const filters: SearchFilters = { status: 'draft' };
    const before = reads.intros;

    const last = await type('adam', filters);
    expect(last.names()).toStrictEqual(['Adam Smith']);
    // Four keystrokes, one read of the requests (was: one per keystroke).
    expect(reads.intros - before).toBe(1);
    expect(filterReads).toHaveLength(1);
    // "ada" under the filter: Ada and Adam (Adele has no request), as the repository answers.
    last.stop();
    const ada3 = watch({ query: 'ada', filters, limit: 50, at: 0 });
    await vi.waitFor(() => expect(ada3.values.length).toBeGreaterThan(0));
    expect(reads.intros - before).toBe(1);
    expect(ada3.names()).toStrictEqual((await searchPeople(db, 'ada', filters)).people.map((p) => p.name));
    expect(ada3.names()).toStrictEqual(['Ada Lovelace', 'Adam Smith']);
  });

  it('follows a request’s status while the user types under an unchanged filter, and while no search is open', async () => {
    const ada = await person('ada', 'Ada Lovelace');
    const adam = await person('adam', 'Adam Smith');
    const adasRequest = await createRequest(db, { kind: 'direct', targetId: ada.id, connectorId: null });
    await createRequest(db, { kind: 'direct', targetId: adam.id, connectorId: null });
    const filters: SearchFilters = { status: 'draft' };

    const typing = await type('ad', filters);
    expect(typing.names()).toStrictEqual(['Ada Lovelace', 'Adam Smith']);
    // Ada's request is sent: she leaves "draft" while her search is open…
    await moveRequest(db, adasRequest.id, 'asked');
    await vi.waitFor(() => expect(typing.names()).toStrictEqual(['Adam Smith']));
    // …and the next keystroke under the same filter does not bring her back.
    typing.stop();
    const next = await type('ada', filters);
    expect(next.names()).toStrictEqual(['Adam Smith']);
    expect(next.values.every((v) => !v.people.some((p) => p.id === ada.id))).toBe(true);

    // A new draft for Ada while no search is open (between keystrokes): the next keystroke has her.
    next.stop();
    await createRequest(db, { kind: 'direct', targetId: ada.id, connectorId: null });
    const again = watch({ query: 'ada', filters, limit: 50, at: 0 });
    await vi.waitFor(() => expect(again.names()).toStrictEqual(['Ada Lovelace', 'Adam Smith']));
    // Every answer it received was the store's of the moment it was asked: never the set from before the draft.
    expect(again.values.map((v) => v.people.map((p) => p.name))).toStrictEqual([['Ada Lovelace', 'Adam Smith']]);

    // Under "asked", Ada's sent request.
    const asked = await type('ada', { status: 'asked' });
    expect(asked.names()).toStrictEqual(['Ada Lovelace']);
  });

  it('follows the filtered people’s own rows: a rename brings someone into the typed words, a removal takes them out', async () => {
    const ada = await person('ada', 'Ada Lovelace');
    const grace = await person('grace', 'Grace Hopper');
    await createRequest(db, { kind: 'direct', targetId: ada.id, connectorId: null });
    await createRequest(db, { kind: 'direct', targetId: grace.id, connectorId: null });
    const typing = await type('ada', { status: 'draft' });
    expect(typing.names()).toStrictEqual(['Ada Lovelace']);
    // Grace is in the filter but not in the answer (her row was not read for it): renamed, she matches.
    await editPerson(db, grace.id, { name: 'Adaline Hopper' });
    await vi.waitFor(() => expect(typing.names()).toStrictEqual(['Ada Lovelace', 'Adaline Hopper']));
    await removePerson(db, ada.id);
    await vi.waitFor(() => expect(typing.names()).toStrictEqual(['Adaline Hopper']));
    typing.stop();
    expect((await type('adal', { status: 'draft' })).names()).toStrictEqual(['Adaline Hopper']);
  });

  it('never answers from another filter set: status, tag, company, and the time of "has an upcoming meeting"', async () => {
    const now = Date.UTC(2026, 0, 5, 9);
    const ada = await person('ada', 'Ada Lovelace', { company: 'Analytical Engines' });
    const adam = await person('adam', 'Adam Smith', { company: 'Wealth Inc' });
    const adele = await person('adele', 'Adele Adkins', { company: 'analytical engines' });
    await setTags(db, adam.id, ['mentor']);
    await setTags(db, adele.id, ['mentor']);
    const request = await createRequest(db, { kind: 'direct', targetId: ada.id, connectorId: null });
    await moveRequest(db, request.id, 'asked');
    await createRequest(db, { kind: 'direct', targetId: adele.id, connectorId: null });
    await scheduleMeeting(db, { personId: adam.id, startsAt: now + HOUR });

    const sets: [SearchFilters, number][] = [
      [{ status: 'draft' }, 0],
      [{ status: 'asked' }, 0],
      [{ tag: 'mentor' }, 0],
      [{ company: 'Analytical Engines' }, 0],
      [{ company: 'analytical engines', tag: 'mentor' }, 0],
      [{ upcomingMeeting: true }, now],
      // Two hours on, Adam's meeting is over.
      [{ upcomingMeeting: true }, now + 2 * HOUR],
    ];
    // Round and round, a keystroke each: every answer each search receives is its own filters' answer.
    for (let round = 0; round < 2; round++) {
      for (const [filters, at] of sets) {
        for (const query of ['a', 'ad']) {
          const search = watch({ query, filters, limit: 50, at });
          await vi.waitFor(() => expect(search.values.length).toBeGreaterThan(0));
          const expected = (await searchPeople(db, query, filters, { now: at })).people.map((p) => p.name);
          expect(search.values.map((v) => v.people.map((p) => p.name))).toStrictEqual([expected]);
          search.stop();
        }
      }
    }
    const answers = Object.fromEntries(
      await Promise.all(sets.map(async ([filters, at]) => [JSON.stringify([filters, at]), (await searchPeople(db, 'a', filters, { now: at })).people.map((p) => p.name)] as const)),
    );
    // The sets really differ (else the test could not tell one from another).
    expect(answers[JSON.stringify([{ status: 'draft' }, 0])]).toStrictEqual(['Adele Adkins']);
    expect(answers[JSON.stringify([{ status: 'asked' }, 0])]).toStrictEqual(['Ada Lovelace']);
    expect(answers[JSON.stringify([{ tag: 'mentor' }, 0])]).toStrictEqual(['Adam Smith', 'Adele Adkins']);
    expect(answers[JSON.stringify([{ company: 'Analytical Engines' }, 0])]).toStrictEqual(['Ada Lovelace', 'Adele Adkins']);
    expect(answers[JSON.stringify([{ company: 'analytical engines', tag: 'mentor' }, 0])]).toStrictEqual(['Adele Adkins']);
    expect(answers[JSON.stringify([{ upcomingMeeting: true }, now])]).toStrictEqual(['Adam Smith']);
    expect(answers[JSON.stringify([{ upcomingMeeting: true }, now + 2 * HOUR])]).toStrictEqual([]);
  });

  it('ends the filter sets’ live queries with the port', async () => {
    const ada = await person('ada', 'Ada Lovelace');
    const request = await createRequest(db, { kind: 'direct', targetId: ada.id, connectorId: null });
    const typing = await type('ad', { status: 'draft' });
    await moveRequest(db, request.id, 'asked');
    await vi.waitFor(() => expect(typing.names()).toStrictEqual([]));
    const readsOpen = filterReads.length;
    // Read when the typing began, and again when the request moved.
    expect(readsOpen).toBe(2);
    remote.ports[0]!.page.disconnect();
    await new Promise((r) => setTimeout(r, 10));
    await moveRequest(db, request.id, 'agreed');
    await new Promise((r) => setTimeout(r, 50));
    expect(filterReads).toHaveLength(readsOpen);
  });
});

describe('createLiveSearch', () => {
  it('keeps at most IDLE_KEPT unused filter sets live (the most recently used), and none once closed', async () => {
    const ada = await person('ada', 'Ada Lovelace');
    const tags = Array.from({ length: IDLE_KEPT + 4 }, (_, i) => `tag${i}`);
    await setTags(db, ada.id, tags);
    const read: string[] = [];
    const search = createLiveSearch(db, (found) => found.people.map((p) => p.name), { onFilterRead: (key) => read.push(key) });
    const ask = async (tag: string) => {
      const values: string[][] = [];
      const sub = search.observe({ query: 'ada', filters: { tag }, limit: 50, at: 0 }).subscribe({ next: (v) => values.push(v), error: (e) => { throw e; } });
      await vi.waitFor(() => expect(values).toStrictEqual([['Ada Lovelace']]));
      return sub;
    };
    const open = await ask('tag0');
    for (const tag of tags.slice(1)) (await ask(tag)).unsubscribe();
    // The one in use, and the IDLE_KEPT most recently used of the others.
    expect(search.size()).toBe(IDLE_KEPT + 1);
    const readsBefore = read.length;
    (await ask(tags.at(-1)!)).unsubscribe();
    expect(read).toHaveLength(readsBefore);
    // The oldest idle one was dropped: asked again, it is read again.
    (await ask('tag1')).unsubscribe();
    expect(read).toHaveLength(readsBefore + 1);
    expect(search.size()).toBe(IDLE_KEPT + 1);
    open.unsubscribe();
    search.close();
    expect(search.size()).toBe(0);
    const after = read.length;
    await setTags(db, ada.id, []);
    await new Promise((r) => setTimeout(r, 50));
    expect(read).toHaveLength(after);
  });
});

describe('a filter set whose read fails', () => {
  it('is read afresh by the next search, not kept failed (Dexie never re-runs a live query that failed)', async () => {
    const flaky = makeTestDb(new IDBFactory());
    let failNext = false;
    flaky.use({
      stack: 'dbcore',
      name: 'flaky',
      create: (down: DBCore) => ({
        ...down,
        table: (name: string): DBCoreTable => {
          const table = down.table(name);
          if (name !== 'intros') return table;
          return {
            ...table,
            query: (req) => {
              if (!failNext) return table.query(req);
              failNext = false;
              return Promise.reject(Object.assign(new Error('flaky'), { name: 'UnknownError' }));
            },
          };
        },
      }),
    });
    try {
      const ada = (await savePersonCapture(flaky, makeCapture())).person;
      await createRequest(flaky, { kind: 'direct', targetId: ada.id, connectorId: null });
      const live = createLiveSearch(flaky, (found) => found.people.map((p) => p.name));
      failNext = true;
      const args = { query: 'ad', filters: { status: 'draft' as const }, limit: 10, at: 0 };
      const first: unknown[] = [];
      const s1 = live.observe(args).subscribe({ next: (v) => first.push(v), error: (e) => first.push(`error ${(e as Error).message}`) });
      await vi.waitFor(() => expect(String(first[0])).toMatch(/^error flaky/));
      s1.unsubscribe();
      // The next keystroke, same filters, the store working again.
      const second: unknown[] = [];
      live.observe({ ...args, query: 'ada' }).subscribe({ next: (v) => second.push(v), error: (e) => second.push(`error ${(e as Error).message}`) });
      await vi.waitFor(() => expect(second).toContainEqual(['Ada Lovelace']));
      expect(second.filter((v) => typeof v === 'string')).toStrictEqual([]);
      live.close();
    } finally {
      flaky.close();
    }
  });
});
