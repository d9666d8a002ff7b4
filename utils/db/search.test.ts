import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countReads, makeCapture, makeTestDb } from '@/tests/helpers/db';
import { matchesAll, NAME_MARK, queryTerms, searchWordsOf } from '../domain/search-words';
import { withoutDerived, type IntrobookDB } from './app-db';
import { createRequest, markSent } from './intros';
import { scheduleMeeting } from './meetings';
import { editPerson, removePerson, savePersonCapture } from './people';
import { allCompanies, allTags, peopleNamed, peoplePage, searchPeople } from './search';
import { setTags } from './workspace';

let db: IntrobookDB;
beforeEach(() => {
  db = makeTestDb(new IDBFactory());
});
afterEach(() => db.close());

async function save(slug: string, name: string, extra: Parameters<typeof makeCapture>[0] = {}, now = 1_000) {
  return (await savePersonCapture(db, makeCapture({ profileUrl: `https://www.linkedin.com/in/${slug}/`, name, ...extra }), { now })).person;
}

const names = async (query: string, filters = {}, limit?: number) => (await searchPeople(db, query, filters, { limit })).people.map((p) => p.name);

describe('people search', () => {
  beforeEach(async () => {
    await save('priya', 'Priya Raman', { company: 'Nimbus Labs', role: 'Staff Engineer', headline: 'Platform at Nimbus' });
    await save('zoe', 'Zoë Ångström', { company: 'Fjord Energy', role: 'Product Lead', headline: 'Batteries & grids' });
    await save('ramon', 'Ramón Pérez', { company: 'Helix Health', role: 'Lead Designer', headline: 'Design systems' });
    await save('ada', 'Ada Lovelace', { company: 'Analytical Engines', role: 'Principal Engineer', headline: 'Engines' });
  });

  it('finds people by word prefixes of their name, in any order, ignoring case and accents', async () => {
    expect(await names('pri ram')).toStrictEqual(['Priya Raman']);
    expect(await names('RAM PRI')).toStrictEqual(['Priya Raman']);
    expect(await names('zoe ang')).toStrictEqual(['Zoë Ångström']);
    expect(await names('ÅNGSTRÖM')).toStrictEqual(['Zoë Ångström']);
    expect(await names('ramon perez')).toStrictEqual(['Ramón Pérez']);
  });

  it('finds people matching some words in their name and others elsewhere, after full name matches', async () => {
    await save('ramon-2', 'Ramón Ortiz', { company: 'Prism Health', role: 'Designer', headline: 'Design' });
    expect(await names('pri ram')).toStrictEqual(['Priya Raman', 'Ramón Ortiz']);
    // Both words only ever in names: the name matches are all there is.
    expect(await names('priya raman')).toStrictEqual(['Priya Raman']);
  });

  it('ranks name matches before matches elsewhere', async () => {
    // "pri" starts Priya (a name) and Principal (Ada's role).
    expect(await names('pri')).toStrictEqual(['Priya Raman', 'Ada Lovelace']);
    expect(await names('ram')).toStrictEqual(['Priya Raman', 'Ramón Pérez']);
  });

  it('searches company, role, headline, tags and notes', async () => {
    expect(await names('nimbus')).toStrictEqual(['Priya Raman']);
    expect(await names('product lead')).toStrictEqual(['Zoë Ångström']);
    expect(await names('batteries')).toStrictEqual(['Zoë Ångström']);
    const ada = (await peopleNamed(db, 'Ada Lovelace'))[0]!;
    await setTags(db, ada.id, ['Mentor', 'climate']);
    await editPerson(db, ada.id, { notes: 'Met at the Royal Society; loves poetry' });
    expect(await names('mentor')).toStrictEqual(['Ada Lovelace']);
    expect(await names('poet')).toStrictEqual(['Ada Lovelace']);
    expect(await names('royal soc')).toStrictEqual(['Ada Lovelace']);
  });

  it('follows edits, re-captures and removals (the index is kept on every write)', async () => {
    const priya = (await peopleNamed(db, 'Priya Raman'))[0]!;
    await editPerson(db, priya.id, { company: 'Cirrus' });
    expect(await names('nimbus lab')).toStrictEqual([]);
    expect(await names('cirrus')).toStrictEqual(['Priya Raman']);
    await save('priya', 'Priya Raman', { company: 'Stratus', role: 'Director' }, 2_000);
    expect(await names('director')).toStrictEqual(['Priya Raman']);
    await removePerson(db, priya.id);
    expect(await names('priya')).toStrictEqual([]);
    expect(await db.people.where('searchWords').startsWith('priya').count()).toBe(0);
  });

  it('reads the filters itself when the ids a view kept are from before a filter was set (null), instead of throwing', async () => {
    // The side panel keeps the filters' ids across keystrokes; the render right after choosing a tag still holds
    // the ids of "no filter" (null). That search once threw (ids not iterable) and blanked the whole panel.
    const [zoe] = await peopleNamed(db, 'Zoë Ångström');
    await setTags(db, zoe!.id, ['mentor']);
    const stale = async (query: string) => (await searchPeople(db, query, { tag: 'mentor' }, { ids: null })).people.map((p) => p.name);
    expect(await stale('')).toStrictEqual(['Zoë Ångström']);
    expect(await stale('zo')).toStrictEqual(['Zoë Ångström']);
    expect(await stale('pri')).toStrictEqual([]);
  });

  it('filters by tag, company, request status and upcoming meeting, with or without a query', async () => {
    const [priya] = await peopleNamed(db, 'Priya Raman');
    const [zoe] = await peopleNamed(db, 'Zoë Ångström');
    await setTags(db, priya!.id, ['mentor']);
    await setTags(db, zoe!.id, ['mentor', 'energy']);
    expect(await names('', { tag: 'mentor' })).toStrictEqual(['Priya Raman', 'Zoë Ångström']);
    expect(await names('zo', { tag: 'mentor' })).toStrictEqual(['Zoë Ångström']);
    expect(await names('', { company: 'Helix Health' })).toStrictEqual(['Ramón Pérez']);
    const request = await createRequest(db, { kind: 'direct', targetId: zoe!.id, connectorId: null });
    await markSent(db, request.id, 'copy');
    expect(await names('', { status: 'asked' })).toStrictEqual(['Zoë Ångström']);
    expect(await names('', { status: 'draft' })).toStrictEqual([]);
    await scheduleMeeting(db, { personId: priya!.id, startsAt: Date.now() + 3_600_000 });
    expect(await names('', { upcomingMeeting: true })).toStrictEqual(['Priya Raman']);
    expect(await names('', { upcomingMeeting: true, tag: 'energy' })).toStrictEqual([]);
    expect(await allTags(db)).toStrictEqual(['energy', 'mentor']);
    expect(await allCompanies(db)).toStrictEqual(['Analytical Engines', 'Fjord Energy', 'Helix Health', 'Nimbus Labs']);
  });

  it('a filter with a common prefix still finds everyone it holds, beyond any scan cap (rows read follow the filter, not the prefix)', async () => {
    // 3,500 "Anna …" people fill the prefix "an"; one tagged person starts with it too, sorted after them all.
    const template = (await peopleNamed(db, 'Ada Lovelace'))[0]!;
    const rows = Array.from({ length: 3500 }, (_, i) => {
      const { searchWords: _w, nameKey: _k, ...rest } = template;
      return { ...rest, id: `anna-${i}`, name: `Anna P${i}`, profileUrl: `https://www.linkedin.com/in/anna-${i}/` };
    });
    await db.people.bulkPut(rows);
    const anzu = await save('anzu', 'Anzu Tagged', { company: 'Nimbus Labs' });
    await setTags(db, anzu.id, ['vip']);
    expect(await names('an', { tag: 'vip' })).toStrictEqual(['Anzu Tagged']);
    expect(await names('an', { company: 'Nimbus Labs' })).toStrictEqual(['Anzu Tagged']);
    // Case in a company filter does not matter (the filter box is typed).
    expect(await names('an', { company: 'nimbus labs' })).toStrictEqual(['Anzu Tagged']);
    const request = await createRequest(db, { kind: 'direct', targetId: anzu.id, connectorId: null });
    await markSent(db, request.id, 'copy');
    expect(await names('an', { status: 'asked' })).toStrictEqual(['Anzu Tagged']);
    // Name matches first, then matches elsewhere, within the filter.
    await setTags(db, (await peopleNamed(db, 'Priya Raman'))[0]!.id, ['vip']);
    expect(await names('nimbus', { tag: 'vip' })).toStrictEqual(['Anzu Tagged', 'Priya Raman']);
    expect(await names('raman', { tag: 'vip' })).toStrictEqual(['Priya Raman']);
  });

  it('returns a page and says when there are more', async () => {
    for (let i = 0; i < 30; i++) await save(`p${i}`, `Pat Example${i}`);
    const first = await searchPeople(db, 'pat', {}, { limit: 10 });
    expect(first.people).toHaveLength(10);
    expect(first.more).toBe(true);
    const all = await searchPeople(db, 'pat', {}, { limit: 100 });
    expect(all.people).toHaveLength(30);
    expect(all.more).toBe(false);
    // Two terms, both common.
    expect((await searchPeople(db, 'pat exa', {}, { limit: 5 })).people).toHaveLength(5);
    expect((await searchPeople(db, 'pat example29', {}, { limit: 50 })).people.map((p) => p.name)).toStrictEqual(['Pat Example29']);
  });

  it('keeps the index words like every derived field: stored and read with the row, kept right on every write, never exported', async () => {
    const [priya] = await peopleNamed(db, 'Priya Raman');
    const words = (await db.people.get(priya!.id))!.searchWords;
    expect(words).toEqual(expect.arrayContaining(['=priya', '=raman', 'nimbus', 'staff', 'platform']));
    for (const row of [(await db.people.bulkGet([priya!.id]))[0], (await db.people.toArray()).find((p) => p.id === priya!.id), (await searchPeople(db, 'pri')).people[0]]) {
      expect(row?.searchWords).toStrictEqual(words);
    }
    // A write that does not name the field (an edit through zod, which drops it) gets it worked out again.
    await editPerson(db, priya!.id, { company: 'Cirrus' }, 2_000);
    expect((await db.people.get(priya!.id))!.searchWords).toContain('cirrus');
    expect((await db.people.get(priya!.id))!.searchWords).not.toContain('labs');
    // Not data: what a backup or sync carries leaves it out.
    expect(withoutDerived('people', (await db.people.get(priya!.id))!)).not.toHaveProperty('searchWords');
    expect(withoutDerived('people', (await db.people.get(priya!.id))!)).not.toHaveProperty('nameKey');
  });

  it('empty and punctuation-only queries find nothing without filters', async () => {
    expect(await names('')).toStrictEqual([]);
    expect(await names('  ,.; ')).toStrictEqual([]);
  });
});

describe('search with several words, at a size where a first name fills its own range', () => {
  // 300 people called José (only ever a name), 12 of them with a surname in G; 420 others with a surname in G;
  // a few Josés whose role or company has a word in G ("Growth Lead", "Globex"); others called Josephine,
  // whose company says "Josefina Foods" (a "jose" word outside a name) when `josefina` is set.
  const SURNAMES = ['Abebe', 'Kim', 'Lee', 'Martin', 'Nakamura', 'Okafor', 'Patel', 'Rossi', 'Silva', 'Torres', 'Wang', 'Yilmaz'];
  const G = ['García', 'Gupta', 'Grün'];
  let template: Awaited<ReturnType<typeof save>>;
  const person = (i: number, name: string, extra: { role?: string; company?: string } = {}) => {
    // Written through Dexie: the store works out each row's index words again.
    return { ...template, id: `p-${String(i).padStart(4, '0')}`, name, profileUrl: `https://www.linkedin.com/in/p-${i}/`, headline: '', role: extra.role ?? 'Engineer', company: extra.company ?? 'Acme', positions: [] };
  };
  async function fill(josefina: boolean) {
    template = await save('template', 'Template Person');
    const rows = [];
    for (let i = 0; i < 300; i++) {
      const surname = i % 25 === 0 ? G[(i / 25) % G.length]! : SURNAMES[i % SURNAMES.length]!;
      const role = i % 17 === 3 ? 'Growth Lead' : 'Engineer';
      const company = i % 29 === 5 ? 'Globex' : 'Acme';
      rows.push(person(i, `José ${surname}`, { role, company }));
    }
    for (let i = 300; i < 720; i++) rows.push(person(i, `${['Ana', 'Kai', 'Mei', 'Omar'][i % 4]} ${G[i % G.length]}`));
    for (let i = 720; i < 740; i++) rows.push(person(i, `Josephine ${SURNAMES[i % SURNAMES.length]}`, { company: josefina ? 'Josefina Foods' : 'Acme', role: 'Engineer' }));
    await db.people.bulkPut(rows);
  }

  /** What a full scan finds: name matches, then matches elsewhere, each by name. */
  async function scan(query: string) {
    const terms = queryTerms(query);
    const live = (await db.people.toArray()).filter((p) => p.deletedAt === null);
    const order = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    const byName = live.filter((p) => matchesAll(searchWordsOf(p), terms, NAME_MARK)).sort(order);
    const named = new Set(byName.map((p) => p.id));
    const elsewhere = live.filter((p) => !named.has(p.id) && matchesAll(searchWordsOf(p), terms, '')).sort(order);
    return { byName: byName.map((p) => p.id), elsewhere: elsewhere.map((p) => p.id) };
  }
  const ids = async (query: string, limit: number) => {
    const result = await searchPeople(db, query, {}, { limit });
    return { ids: result.people.map((p) => p.id), more: result.more };
  };

  for (const josefina of [false, true]) {
    it(`finds every name match first, then the matches elsewhere, as a full scan does (${josefina ? '"jose" also outside names' : '"jose" only in names'})`, async () => {
      await fill(josefina);
      for (const query of ['jose g', 'g jose', 'josé gr', 'jose gupta', 'jose gl', 'jose gro', 'jose y', 'jo g', 'jose zz']) {
        const want = await scan(query);
        const all = [...want.byName, ...want.elsewhere];
        expect(all.length, query).toBeLessThan(200);
        // The whole answer, in order, when asked for enough.
        expect(await ids(query, 200), query).toStrictEqual({ ids: all, more: false });
        // A first page: name matches come first; the page says there is more.
        if (all.length > 8) {
          const first = await ids(query, 8);
          expect(first.more, query).toBe(true);
          expect(first.ids, query).toHaveLength(8);
          const names = first.ids.filter((id) => want.byName.includes(id));
          expect(first.ids.slice(0, names.length), query).toStrictEqual(names);
          if (want.byName.length >= 8) expect(names, query).toHaveLength(8);
          else expect(names, query).toStrictEqual(want.byName);
          for (const id of first.ids) expect(all, query).toContain(id);
        }
      }
      // The cases the test is about are there: name matches and matches elsewhere, fewer than a page of each.
      const jg = await scan('jose g');
      expect(jg.byName.length).toBeGreaterThan(5);
      expect(jg.elsewhere.length).toBeGreaterThan(5);
      expect(jg.byName.length + jg.elsewhere.length).toBeLessThan(51);
    });
  }

  it('counts each index range at most once per search, and reads a first name\'s people at most twice over (a probe, then the range whole)', async () => {
    // Counting a range walks it (43,000 entries for "m" at 50,000 people): the search used to count each range twice.
    const counted: string[] = [];
    db.use({
      stack: 'dbcore',
      name: 'countCounts',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return { ...table, count: (req) => (counted.push(`${name}:${String(req.query.range.lower)}`), table.count(req)) };
        },
      }),
    });
    const reads = countReads(db);
    await db.open();
    await fill(false);
    for (const query of ['jose g', 'jose gupta', 'g jose', 'jose y']) {
      counted.length = 0;
      reads.reset();
      const result = await searchPeople(db, query, {}, { limit: 50 });
      expect(result.people.length, query).toBeGreaterThan(0);
      expect(counted.length, query).toBe(new Set(counted).size);
      // 320 people have a name word starting "jose" (José, Josephine).
      expect(reads.rows.people ?? 0, query).toBeLessThanOrEqual(2 * 320);
    }
  });
});

describe('people list pages', () => {
  it('reaches everyone, newest first, also when capture times tie', async () => {
    for (let i = 0; i < 23; i++) await save(`person-${i}`, `Person ${String(i).padStart(2, '0')}`, {}, 1_000 + Math.floor(i / 5));
    const seen: string[] = [];
    let after = null as { capturedAt: number; id: string } | null;
    do {
      const page = await peoplePage(db, after, 5);
      seen.push(...page.people.map((p) => p.name));
      after = page.next;
    } while (after);
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    expect(seen.slice(0, 3).sort()).toStrictEqual(['Person 20', 'Person 21', 'Person 22']);
  });
});
