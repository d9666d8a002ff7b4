/**
 * Finding saved people as the user types. Every query is answered from the
 * `people` indexes (`*searchWords` word prefixes, `*tags`, `company`) and the
 * request/meeting indexes for filters; nothing reads the whole table. Name
 * matches come first, then matches in company, role, headline, tags or notes.
 */
import type { Collection } from 'dexie';
import { matchesAll, NAME_MARK, queryTerms, searchWordsOf } from '../domain/search-words';
import type { IntrobookDB, StoredPerson } from './app-db';
import { upcomingMeetings } from './meetings';
import { hasFilters, type SearchFilters } from '../domain/search-filters';

export { hasFilters, type SearchFilters };

export interface SearchResult {
  /** As stored (with their index fields). */
  people: StoredPerson[];
  /** More people match than were returned: ask with a larger limit. */
  more: boolean;
}

type Row = StoredPerson;

/** A row's index words: as stored (a derived field, read with the row), else worked out again. */
const wordsOf = (p: Row): readonly string[] => p.searchWords ?? searchWordsOf(p);

/**
 * How many index entries a term may have before it counts as "common". A
 * common term is checked on the rows of the rarer terms instead of being read
 * in full, so a one-letter term costs the same at 50,000 people as at 500.
 */
const TERM_CAP = 20_000;
/** The most rows a filtered walk looks at before it stops and says there may be more. */
const SCAN_CAP = 3000;
/** Rows of the rarest term read (a probe) before deciding how to go on. */
const FIRST_READ = 120;
/** Reading a row costs about this many index keys (measured: ~17 µs vs ~2.5 µs in Chromium). */
const ROW_COST = 7;
/** How many rows a chunked read fetches at once. */
const CHUNK = 100;

/**
 * When a filter holds at most this many people, a query with words reads those
 * people and checks the words on them: every filtered match is found, however
 * common the words (a prefix like "an" may start tens of thousands of names).
 */
const FILTER_READ = 5000;

/**
 * The people a filter set holds, as a search within it needs them: their ids, and (when there are at most
 * FILTER_READ of them) each live one's name and index words, in name order. Read once by `readFilter`, a
 * caller can keep it across keystrokes (the background's live search does, and reads it again when a row
 * it read changes); a search within it then reads only the rows it returns.
 */
export interface FilterPeople {
  ids: Set<string>;
  /** Null when the set is too large to keep (the search then checks the ids on the rows it reads). */
  people: readonly { id: string; name: string; words: readonly string[] }[] | null;
}

/** The filters' people (null when no filter is set): `filterIds`, and the rows of a set small enough to keep. */
export async function readFilter(db: IntrobookDB, filters: SearchFilters, now = Date.now()): Promise<FilterPeople | null> {
  const ids = await filterIds(db, filters, now);
  if (!ids) return null;
  return { ids, people: ids.size > FILTER_READ ? null : await readFilterRows(db, [...ids]) };
}

/** Whether two reads of a filter hold the same people with the same names and words (a search within either answers the same). */
export function sameFilterPeople(a: FilterPeople | null, b: FilterPeople | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.ids.size !== b.ids.size) return false;
  for (const id of a.ids) if (!b.ids.has(id)) return false;
  if (a.people === null || b.people === null) return a.people === b.people;
  if (a.people.length !== b.people.length) return false;
  return a.people.every((p, i) => {
    const q = b.people![i]!;
    return p.id === q.id && p.name === q.name && p.words.length === q.words.length && p.words.every((w, j) => w === q.words[j]);
  });
}

/** People matching the query (word prefixes, accents and case ignored) and the filters, name matches first. */
export async function searchPeople(
  db: IntrobookDB,
  query: string,
  filters: SearchFilters = {},
  options: {
    limit?: number;
    now?: number;
    /** The filters' ids, kept by the caller (null: none; a caller's "no filter" while filters are set is stale, so they are read here). */
    ids?: Set<string> | null;
    /** The filters' people as `readFilter` read them, kept by the caller across keystrokes. */
    filter?: FilterPeople | null;
  } = {},
): Promise<SearchResult> {
  const limit = options.limit ?? 50;
  const terms = queryTerms(query);
  if (terms.length === 0 && !hasFilters(filters)) return { people: [], more: false };

  // Who the filters allow, from their indexes (given by the caller when it keeps them across keystrokes).
  let filter: FilterPeople | null = null;
  if (hasFilters(filters)) {
    if (options.filter) filter = options.filter;
    else if (options.ids) filter = { ids: options.ids, people: options.ids.size > FILTER_READ ? null : await readFilterRows(db, [...options.ids]) };
    else filter = await readFilter(db, filters, options.now ?? Date.now());
  }
  const allowedIds = filter?.ids ?? null;
  const accept = (p: Row) => p.deletedAt === null && (!allowedIds || allowedIds.has(p.id));

  // A filter small enough to keep: its people are checked against the words in memory, and only the page is read.
  if (filter?.people) return withinFilter(db, terms, filter.people, limit);
  if (terms.length === 0) return filtersOnly(db, allowedIds!, limit);

  if (terms.length > 1) return severalTerms(db, terms, accept, limit);

  // One word: name matches first, then the rest.
  const byName = await matchTerms(db, terms, NAME_MARK, accept, new Set(), limit + 1);
  let people = byName.rows;
  let more = byName.more;
  if (people.length <= limit) {
    const rest = await matchTerms(db, terms, '', accept, new Set(people.map((p) => p.id)), limit + 1 - people.length);
    people = [...people, ...rest.rows];
    more = rest.more;
  }
  return page(people, more, limit);
}

/** The live ones of `list`, each with its name and index words, in name order. */
async function readFilterRows(db: IntrobookDB, list: string[]): Promise<{ id: string; name: string; words: readonly string[] }[]> {
  const people: { id: string; name: string; words: readonly string[] }[] = [];
  for (let i = 0; i < list.length; i += CHUNK) {
    for (const p of (await db.people.bulkGet(list.slice(i, i + CHUNK))) as (Row | undefined)[]) {
      if (p && p.deletedAt === null) people.push({ id: p.id, name: p.name, words: wordsOf(p) });
    }
  }
  return people.sort(byNameOrder);
}

function page(people: Row[], more: boolean, limit: number): SearchResult {
  return people.length > limit ? { people: people.slice(0, limit), more: true } : { people, more };
}

/** Counts of index ranges (word prefixes, marked or not), each counted once per search. */
type RangeCounts = (prefix: string) => Promise<number>;
function rangeCounter(db: IntrobookDB): RangeCounts {
  const counted = new Map<string, Promise<number>>();
  return (prefix) => {
    let n = counted.get(prefix);
    if (!n) counted.set(prefix, (n = db.people.where('searchWords').startsWith(prefix).count()));
    return n;
  };
}

/**
 * Two words or more ("jose g"): name matches first, then people matching
 * some words elsewhere. Counting a range costs about its size (43,000 index
 * entries for "m" at 50,000 people), so each range is counted at most once,
 * and the plain (unmarked) ranges only when needed. When the rarest name word
 * occurs only in names (a first name: its plain range holds exactly the people
 * of its name range) and the name matches will not fill the page, its people
 * are read once, whole, and answer both questions: who matches by name, and
 * who matches elsewhere (was: the same people read twice, and every range
 * counted twice).
 */
async function severalTerms(db: IntrobookDB, terms: string[], accept: (p: Row) => boolean, limit: number): Promise<SearchResult> {
  const count = rangeCounter(db);
  const marked = await Promise.all(terms.map(async (t) => ({ t, n: await count(NAME_MARK + t) })));
  const rarest = marked.reduce((a, b) => (b.n < a.n ? b : a));
  const seen = new Map<string, Row>();
  let byName: { rows: Row[]; more: boolean; whole: boolean } = { rows: [], more: false, whole: true };
  let sameRange = false;
  if (rarest.n > 0) {
    sameRange = (await count(rarest.t)) === rarest.n;
    byName = await matchTerms(db, terms, NAME_MARK, accept, new Set(), limit + 1, { counts: marked, preferWhole: sameRange, seen });
  }
  if (byName.rows.length > limit) return page(byName.rows, true, limit);
  const named = new Set(byName.rows.map((p) => p.id));
  if (rarest.n > 0 && byName.whole && sameRange) {
    // Everyone with a word starting with the rarest term was read: those who match every term, but not all in their name.
    const rest = [...seen.values()].filter((p) => !named.has(p.id) && accept(p) && matchesAll(wordsOf(p), terms, '')).sort(byNameOrder);
    const need = limit + 1 - byName.rows.length;
    return page([...byName.rows, ...rest.slice(0, need)], rest.length > need, limit);
  }
  const plain = await Promise.all(terms.map(async (t) => ({ t, n: await count(t) })));
  // Every term only in names (each name word is indexed twice, marked and plain): the name matches are all the matches.
  if (plain.every(({ t, n }) => n === marked.find((m) => m.t === t)!.n)) return page(byName.rows, byName.more, limit);
  const rest = await matchTerms(db, terms, '', accept, named, limit + 1 - byName.rows.length, { counts: plain });
  return page([...byName.rows, ...rest.rows], rest.more, limit);
}

/**
 * A search within a filter's people (as `readFilter` read them, in name order): every term checked on
 * their words in memory, name matches first, then matches elsewhere, each by name; only the page's rows
 * are read (a row gone since is left out).
 */
async function withinFilter(db: IntrobookDB, terms: string[], people: NonNullable<FilterPeople['people']>, limit: number): Promise<SearchResult> {
  let ids: string[];
  if (terms.length === 0) ids = people.map((p) => p.id);
  else {
    const byName: string[] = [];
    const elsewhere: string[] = [];
    for (const p of people) {
      if (matchesAll(p.words, terms, NAME_MARK)) byName.push(p.id);
      else if (matchesAll(p.words, terms, '')) elsewhere.push(p.id);
    }
    ids = [...byName, ...elsewhere];
  }
  const rows = ((await db.people.bulkGet(ids.slice(0, limit))) as (Row | undefined)[]).filter((p): p is Row => p !== undefined && p.deletedAt === null);
  return { people: rows, more: ids.length > limit };
}

/**
 * The ids of the people the filters allow, each read from an index (tag and
 * company keys, live requests by status, meetings still to come), or null when
 * no filter is set. Exported so a view can keep it while the user types.
 */
export async function filterIds(db: IntrobookDB, filters: SearchFilters, now = Date.now()): Promise<Set<string> | null> {
  const sets: Set<string>[] = [];
  if (filters.tag) sets.push(new Set((await db.people.where('tags').equals(filters.tag).primaryKeys()) as string[]));
  // A typed company: case does not matter.
  if (filters.company) sets.push(new Set((await db.people.where('company').equalsIgnoreCase(filters.company).primaryKeys()) as string[]));
  if (filters.status) sets.push(new Set((await db.intros.where('liveStatus').equals(filters.status).toArray()).map((r) => r.targetId)));
  if (filters.upcomingMeeting) sets.push(new Set((await upcomingMeetings(db, now, Number.MAX_SAFE_INTEGER)).map((m) => m.personId)));
  if (sets.length === 0) return null;
  sets.sort((a, b) => a.size - b.size);
  const [smallest, ...others] = sets;
  return new Set([...smallest!].filter((id) => others.every((set) => set.has(id))));
}

/** The people the filters allow, without words: by name, a page at a time. */
async function filtersOnly(db: IntrobookDB, ids: Set<string>, limit: number): Promise<SearchResult> {
  const rows: Row[] = [];
  const list = [...ids];
  let more = false;
  for (let i = 0; i < list.length; i += CHUNK) {
    if (rows.length > limit) {
      more = true;
      break;
    }
    for (const p of (await db.people.bulkGet(list.slice(i, i + CHUNK))) as (Row | undefined)[]) if (p && p.deletedAt === null) rows.push(p);
  }
  if (rows.length > limit) more = true;
  return { people: rows.sort(byNameOrder).slice(0, limit), more };
}

const byNameOrder = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/**
 * Read a prefix range's rows in index order (IndexedDB getAll, the fast path),
 * a growing batch at a time, until `need` rows pass `check`, the range ends, or
 * `maxRows` rows were read.
 */
async function readRange(
  collection: () => Collection<Row, string>,
  check: (p: Row) => boolean,
  need: number,
  maxRows: number,
  expected = 0,
  onRow?: (p: Row) => void,
): Promise<{ rows: Row[]; seen: Set<string>; exhausted: boolean }> {
  // A range known to be small is read in one go.
  let limit = Math.min(maxRows, Math.max(2 * need, 40, expected + 1));
  for (;;) {
    const batch = await collection().limit(limit).toArray();
    const seen = new Set<string>();
    const rows: Row[] = [];
    for (const p of batch) {
      if (seen.has(p.id)) continue;
      seen.add(p.id);
      if (check(p)) rows.push(p);
    }
    const exhausted = batch.length < limit;
    if (rows.length >= need || exhausted || limit >= maxRows) {
      if (onRow) for (const p of batch) onRow(p);
      return { rows, seen, exhausted };
    }
    limit = Math.min(limit * 4, maxRows);
  }
}

/**
 * People whose index words (marked with `mark`, for name words) match every
 * term, minus `exclude`, up to `need` rows. Each term's size is counted on the
 * index (cheap); the rarest term's range is read and the others checked on
 * its rows. When that combination is rare (few of the first rows match), the
 * key sets of the terms are intersected instead and only those rows are read.
 * Cost follows the page, not the number of people.
 */
async function matchTerms(
  db: IntrobookDB,
  terms: string[],
  mark: string,
  accept: (p: Row) => boolean,
  exclude: Set<string>,
  need: number,
  options: {
    /** Each term's range size (marked with `mark`), when the caller has counted them. */
    counts?: { t: string; n: number }[];
    /** Read the rarest term's range whole when the matches in it will not fill `need` (the caller wants every row in it). */
    preferWhole?: boolean;
    /** Every row read, by id. */
    seen?: Map<string, Row>;
  } = {},
): Promise<{ rows: Row[]; more: boolean; whole: boolean }> {
  if (need <= 0) return { rows: [], more: true, whole: false };
  const check = (p: Row) => !exclude.has(p.id) && matchesAll(wordsOf(p), terms, mark) && accept(p);
  const range = (t: string) => db.people.where('searchWords').startsWith(mark + t) as Collection<Row, string>;
  const onRow = options.seen ? (p: Row) => void options.seen!.set(p.id, p) : undefined;
  const counted =
    options.counts?.slice() ?? (terms.length === 1 ? [{ t: terms[0]!, n: 0 }] : await Promise.all(terms.map(async (t) => ({ t, n: await range(t).count() }))));
  counted.sort((a, b) => a.n - b.n);
  const rarest = counted[0]!;
  if (terms.length > 1 && rarest.n === 0) return { rows: [], more: false, whole: true };

  const single = terms.length === 1 || rarest.n > TERM_CAP;
  const first = await readRange(() => range(rarest.t), check, need, single ? SCAN_CAP : FIRST_READ, rarest.n, onRow);
  const done = (rows: Row[], more: boolean, whole = false) => {
    rows.sort(byNameOrder);
    return rows.length > need ? { rows: rows.slice(0, need), more: true, whole } : { rows, more, whole };
  };
  if (first.exhausted) return done(first.rows, false, true);
  if (first.rows.length >= need || single) return done(first.rows, true);
  // Go on reading rows, or intersect key sets? Whichever reads less (a key costs
  // about a seventh of a row in Chromium's IndexedDB).
  const hitRate = first.rows.length / first.seen.size;
  const left = Math.max(0, rarest.n - first.seen.size);
  const rowsToRead = hitRate > 0 ? Math.min(left, (need - first.rows.length) / hitRate) : left;
  const second = counted[1]!;
  const keysToRead = rarest.n + (second.n <= TERM_CAP ? second.n : 0);
  // The caller wants every row of this range, and the matches in it will not fill the page (so the caller
  // goes on to a second search, which would read at least as much again): read the range whole, once.
  if (options.preferWhole && rarest.n < SCAN_CAP && hitRate * rarest.n < need && left * ROW_COST <= 2 * keysToRead) {
    const whole = await readRange(() => range(rarest.t), check, Number.POSITIVE_INFINITY, rarest.n + 1, rarest.n, onRow);
    return done(whole.rows, !whole.exhausted, whole.exhausted);
  }
  if (rowsToRead * ROW_COST <= keysToRead && rowsToRead < SCAN_CAP) {
    const more = await readRange(() => range(rarest.t), check, need, SCAN_CAP, Math.ceil(first.seen.size + rowsToRead * 1.2), onRow);
    return done(more.rows, !more.exhausted, more.exhausted);
  }

  // A rare combination: intersect the key sets (counted as small enough), read only what is left.
  let candidates = [...new Set((await range(rarest.t).primaryKeys()) as string[])].filter((id) => !exclude.has(id) && !first.seen.has(id));
  for (const { t, n } of counted.slice(1)) {
    if (candidates.length <= need || n > TERM_CAP) break;
    const keys = new Set((await range(t).primaryKeys()) as string[]);
    candidates = candidates.filter((id) => keys.has(id));
  }
  const rows = [...first.rows];
  for (let i = 0; i < candidates.length; i += CHUNK) {
    if (rows.length >= need) return done(rows, true);
    const chunk = (await db.people.bulkGet(candidates.slice(i, i + CHUNK))) as (Row | undefined)[];
    for (const p of chunk) if (p && check(p)) rows.push(p);
  }
  return done(rows, false);
}

/** The people list: everyone, newest capture first, a page at a time (keyset on the `capturedAt` index). */
export async function peoplePage(
  db: IntrobookDB,
  after: { capturedAt: number; id: string } | null,
  size = 50,
): Promise<{ people: StoredPerson[]; next: { capturedAt: number; id: string } | null }> {
  const collection = after
    ? db.people
        .where('capturedAt')
        .belowOrEqual(after.capturedAt)
        .reverse()
        // Rows with the same capture time come in descending id order; skip those already shown.
        .filter((p) => p.deletedAt === null && (p.capturedAt < after.capturedAt || p.id < after.id))
    : db.people
        .orderBy('capturedAt')
        .reverse()
        .filter((p) => p.deletedAt === null);
  const rows = (await collection.limit(size + 1).toArray()) as Row[];
  const page = rows.slice(0, size);
  const last = page[page.length - 1];
  return { people: page, next: rows.length > size && last ? { capturedAt: last.capturedAt, id: last.id } : null };
}

/** Every tag in use, for the tag filter (reads the tag index's keys only). */
export async function allTags(db: IntrobookDB): Promise<string[]> {
  return (await db.people.orderBy('tags').uniqueKeys()) as string[];
}

/** Every company in use, for the company filter (reads the company index's keys only). */
export async function allCompanies(db: IntrobookDB): Promise<string[]> {
  return (await db.people.orderBy('company').uniqueKeys()) as string[];
}

/** The live people whose folded name words include all of `name`'s (exact words, not prefixes). */
export async function peopleNamed(db: IntrobookDB, name: string, limit = 20): Promise<StoredPerson[]> {
  const terms = queryTerms(name);
  if (terms.length === 0) return [];
  const rows = (await db.people
    .where('searchWords')
    .equals(NAME_MARK + terms[0]!)
    .filter((p: Row) => p.deletedAt === null && terms.every((t) => wordsOf(p).includes(NAME_MARK + t)))
    .limit(limit)
    .toArray()) as Row[];
  return rows;
}
