/**
 * The side panel's first view through the pages' data API (issue #11): each query answers what the
 * repositories answer, through JSON, live, without the store's own index fields; and the
 * background refuses arguments its schemas refuse.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeCapture, makeTestDb } from '@/tests/helpers/db';
import { localRemote, portPair, TEST_ORIGIN, TEST_RUNTIME_ID } from '@/tests/helpers/remote';
import type { IntrobookDB } from '@/utils/db/app-db';
import { createRequest } from '@/utils/db/intros';
import { cancelMeeting, scheduleMeeting } from '@/utils/db/meetings';
import { removePerson, savePersonCapture } from '@/utils/db/people';
import { peoplePage, searchPeople } from '@/utils/db/search';
import { setTags } from '@/utils/db/workspace';
import type { Person } from '@/utils/domain/schemas';
import type { RemoteClient } from './client';
import { readEnvelope } from './client';
import type { QueryName, RemoteQueries } from './protocol';

let db: IntrobookDB;
let client: RemoteClient;
beforeEach(() => {
  db = makeTestDb(new IDBFactory());
  client = localRemote(db, {}, { install: false, pageUrl: `${TEST_ORIGIN}sidepanel.html` }).client;
});
afterEach(() => db.close());

/** The answers one live query receives. */
function watch<Q extends QueryName>(query: Q, args: RemoteQueries[Q]['args']) {
  const values: RemoteQueries[Q]['result'][] = [];
  const stop = client.subscribe(query, args, (v) => values.push(v));
  return { values, stop, last: () => values.at(-1) };
}

const HOUR = 3_600_000;

async function person(slug: string, name: string, extra: Parameters<typeof makeCapture>[0] = {}): Promise<Person> {
  const [firstName = name, ...rest] = name.split(' ');
  return (await savePersonCapture(db, makeCapture({ profileUrl: `https://www.linkedin.com/in/${slug}/`, name, firstName, lastName: rest.join(' ') || null, ...extra }))).person;
}

describe('the side panel’s home through the background', () => {
  it('person/get: a live person without the index fields; null once removed, and for an unknown id', async () => {
    const ada = await person('ada', 'Ada Lovelace');
    const got = watch('person/get', { personId: ada.id });
    await vi.waitFor(() => expect(got.last()).toMatchObject({ id: ada.id, name: 'Ada Lovelace' }));
    const row = got.last()!;
    expect(Object.keys(row)).not.toContain('searchWords');
    expect(Object.keys(row)).not.toContain('nameKey');
    // The rest is the record as the repositories give it, through JSON.
    expect(row).toStrictEqual(JSON.parse(JSON.stringify({ ...ada, updatedAt: row.updatedAt })) as Person);
    await removePerson(db, ada.id);
    await vi.waitFor(() => expect(got.last()).toBeNull());
    const nobody = watch('person/get', { personId: crypto.randomUUID() });
    await vi.waitFor(() => expect(nobody.values).toStrictEqual([null]));
  });

  it('people/page: the same pages as the repository, every person reachable by following `next`', async () => {
    for (let i = 0; i < 12; i++) await person(`p${i}`, `Person Number${i}`);
    const seen: string[] = [];
    let after: RemoteQueries['people/page']['args']['after'] = null;
    for (let pageNo = 0; pageNo < 5; pageNo++) {
      const page = watch('people/page', { after, limit: 5 });
      await vi.waitFor(() => expect(page.values.length).toBeGreaterThan(0));
      const expected = await peoplePage(db, after, 5);
      expect(page.last()!.people.map((p) => p.id)).toStrictEqual(expected.people.map((p) => p.id));
      expect(page.last()!.next).toStrictEqual(expected.next);
      seen.push(...page.last()!.people.map((p) => p.id));
      page.stop();
      after = expected.next;
      if (!after) break;
    }
    expect(new Set(seen).size).toBe(12);
    expect(seen).toHaveLength(12);
  });

  it('people/search: the repository’s answer for words and filters together, and again when the data changes', async () => {
    const ada = await person('ada', 'Ada Lovelace', { company: 'Analytical Engines' });
    const alan = await person('alan', 'Alan Turing', { company: 'Bletchley' });
    await person('grace', 'Grace Hopper', { company: 'Analytical Engines' });
    await setTags(db, alan.id, ['mentor']);
    await createRequest(db, { kind: 'direct', targetId: ada.id, connectorId: null });
    const now = Date.now();

    const byWord = watch('people/search', { query: 'a', filters: {}, limit: 50, at: now });
    await vi.waitFor(() => expect(byWord.values.length).toBeGreaterThan(0));
    expect(byWord.last()!.people.map((p) => p.id)).toStrictEqual((await searchPeople(db, 'a', {}, { now })).people.map((p) => p.id));

    // "a" starts a word of all three (Grace by her company's); the company filter leaves Alan out.
    const byCompany = watch('people/search', { query: 'a', filters: { company: 'Analytical Engines' }, limit: 50, at: now });
    await vi.waitFor(() => expect(byCompany.last()?.people.map((p) => p.name).sort()).toStrictEqual(['Ada Lovelace', 'Grace Hopper']));
    const byBoth = watch('people/search', { query: 'lov', filters: { company: 'Analytical Engines' }, limit: 50, at: now });
    await vi.waitFor(() => expect(byBoth.last()?.people.map((p) => p.name)).toStrictEqual(['Ada Lovelace']));
    const byTag = watch('people/search', { query: '', filters: { tag: 'mentor' }, limit: 50, at: now });
    await vi.waitFor(() => expect(byTag.last()?.people.map((p) => p.name)).toStrictEqual(['Alan Turing']));
    const byStatus = watch('people/search', { query: '', filters: { status: 'draft' }, limit: 50, at: now });
    await vi.waitFor(() => expect(byStatus.last()?.people.map((p) => p.name)).toStrictEqual(['Ada Lovelace']));
    expect(Object.keys(byStatus.last()!.people[0]!)).not.toContain('searchWords');

    // A meeting still to come puts Alan under "has an upcoming meeting"; the answer follows the store.
    const upcoming = watch('people/search', { query: '', filters: { upcomingMeeting: true }, limit: 50, at: now });
    await vi.waitFor(() => expect(upcoming.last()?.people).toStrictEqual([]));
    await scheduleMeeting(db, { personId: alan.id, startsAt: now + 2 * HOUR });
    await vi.waitFor(() => expect(upcoming.last()?.people.map((p) => p.name)).toStrictEqual(['Alan Turing']));

    // A limit: the first page, and `more`.
    const small = watch('people/search', { query: 'a', filters: {}, limit: 1, at: now });
    await vi.waitFor(() => expect(small.last()).toMatchObject({ more: true }));
    expect(small.last()!.people).toHaveLength(1);
  });

  it('people/filter-options: every tag and company in use, live', async () => {
    const ada = await person('ada', 'Ada Lovelace', { company: 'Analytical Engines' });
    const options = watch('people/filter-options', {});
    await vi.waitFor(() => expect(options.last()).toStrictEqual({ tags: [], companies: ['Analytical Engines'] }));
    await setTags(db, ada.id, ['mentor', 'math']);
    await vi.waitFor(() => expect(options.last()).toStrictEqual({ tags: ['math', 'mentor'], companies: ['Analytical Engines'] }));
  });

  it('meetings/upcoming: soonest first with their person; cancelled meetings and removed people left out', async () => {
    const ada = await person('ada', 'Ada Lovelace');
    const alan = await person('alan', 'Alan Turing');
    const now = Date.now();
    const later = await scheduleMeeting(db, { personId: ada.id, startsAt: now + 5 * HOUR });
    const soon = await scheduleMeeting(db, { personId: alan.id, startsAt: now + HOUR });
    await scheduleMeeting(db, { personId: alan.id, startsAt: now - 48 * HOUR });
    const meetings = watch('meetings/upcoming', { at: now, limit: 5 });
    await vi.waitFor(() => expect(meetings.last()?.map((m) => [m.meeting.id, m.person.name])).toStrictEqual([
      [soon.id, 'Alan Turing'],
      [later.id, 'Ada Lovelace'],
    ]));
    expect(Object.keys(meetings.last()![0]!.person)).not.toContain('searchWords');
    await cancelMeeting(db, soon.id);
    await removePerson(db, ada.id);
    await vi.waitFor(() => expect(meetings.last()).toStrictEqual([]));
  });

  it('sync/offers: an open restore offer for a row still removed, with the label the user knows it by', async () => {
    const ada = await person('ada', 'Ada Lovelace');
    const offers = watch('sync/offers', {});
    await vi.waitFor(() => expect(offers.values).toStrictEqual([[]]));
    await removePerson(db, ada.id);
    const now = Date.now();
    await db.syncConflicts.add({ id: 'offer-1', kind: 'restore', table: 'people', rowId: ada.id, field: null, kept: null, other: null, at: now, resolvedAt: null, createdAt: now, updatedAt: now, deletedAt: null });
    await vi.waitFor(() => expect(offers.last()?.map((o) => [o.offer.id, o.label])).toStrictEqual([['offer-1', 'Ada Lovelace']]));
    await db.syncConflicts.update('offer-1', { resolvedAt: now });
    await vi.waitFor(() => expect(offers.last()).toStrictEqual([]));
  });

  it('refuses arguments its schemas refuse: an unknown filter, a limit past the cap, a query past its length, a bad cursor', async () => {
    const log: string[] = [];
    const { server } = localRemote(db, { log: (m) => log.push(m) }, { install: false });
    const pair = portPair({ id: TEST_RUNTIME_ID, url: `${TEST_ORIGIN}sidepanel.html` });
    pair.page.onMessage.addListener(() => {});
    server.onConnect(pair.background);
    const bad: [QueryName, unknown][] = [
      ['people/search', { query: 'a', filters: { everyone: true }, limit: 50, at: 0 }],
      ['people/search', { query: 'a', filters: {}, limit: 1e6, at: 0 }],
      ['people/search', { query: 'a'.repeat(10_000), filters: {}, limit: 50, at: 0 }],
      ['people/search', { query: 'a', filters: { status: 'everything' }, limit: 50, at: 0 }],
      ['people/page', { after: { capturedAt: 'yesterday', id: 'x' }, limit: 5 }],
      ['person/get', { personId: '../../settings' }],
      ['meetings/upcoming', { at: -1, limit: 5 }],
    ];
    bad.forEach(([query, args], i) => pair.page.postMessage({ type: 'sub', id: i + 1, query, args }));
    await vi.waitFor(() => expect(pair.page.messages).toHaveLength(bad.length));
    expect(pair.page.messages.map((m) => readEnvelope(m)?.type)).toStrictEqual(bad.map(() => 'error'));
    expect(log.filter((m) => m.includes('rejected a page query'))).toHaveLength(bad.length);
  });
});
