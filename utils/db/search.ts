/**
 * Finding saved people as the user types. Every query is answered from the
 * `people` indexes (`*searchWords` word prefixes, `*tags`, `company`) and the
 * request/meeting indexes for filters; nothing reads the whole table. Name
 * matches come first, then matches in company, role, headline, tags or notes.
 */
import type { Collection } from 'dexie';
import type { IntroStatus } from '../domain/intro-status';
import type { Person } from '../domain/schemas';
import { matchesAll, NAME_MARK, queryTerms, searchWordsOf } from '../domain/search-words';
import type { IntrobookDB, StoredPerson } from './app-db';
import { upcomingMeetings } from './meetings';

export interface SearchFilters {
  /** People with a live request in this status (as its target). */
  status?: IntroStatus;
  /** Exactly this company (as captured or edited). */
  company?: string;
  /** People with this tag. */
  tag?: string;
  /** People with a meeting still to come (or under way). */
  upcomingMeeting?: boolean;
}

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

export function hasFilters(filters: SearchFilters): boolean {
  return Boolean(filters.status || filters.company || filters.tag || filters.upcomingMeeting);
}

/** People matching the query (word prefixes, accents and case ignored) and the filters, name matches first. */
export async function searchPeople(
  db: IntrobookDB,
  query: string,
  filters: SearchFilters = {},
  options: { limit?: number; now?: number } = {},
): Promise<SearchResult> {
  const limit = options.limit ?? 50;
  const terms = queryTerms(query);
  if (terms.length === 0 && !hasFilters(filters)) return { people: [], more: false };

  const allowedIds = await idFilter(db, filters, options.now ?? Date.now());
  const accept = (p: Row) =>
    p.deletedAt === null &&
    (!allowedIds || allowedIds.has(p.id)) &&
    (!filters.tag || p.tags?.includes(filters.tag) === true) &&
    (!filters.company || p.company === filters.company);

  if (terms.length === 0) return filtersOnly(db, filters, allowedIds, accept, limit);

  // Name matches first, then the rest.
  const byName = await matchTerms(db, terms, NAME_MARK, accept, new Set(), limit + 1);
  let people = byName.rows;
  let more = byName.more;
  if (people.length <= limit && !(terms.length > 1 && (await onlyInNames(db, terms)))) {
    const rest = await matchTerms(db, terms, '', accept, new Set(people.map((p) => p.id)), limit + 1 - people.length);
    people = [...people, ...rest.rows];
    more = rest.more;
  }
  if (people.length > limit) {
    more = true;
    people = people.slice(0, limit);
  }
  return { people, more };
}

/**
 * Whether every term occurs only in names (each name word is indexed twice,
 * marked and plain, so equal counts mean no other field has it): then the
 * name matches are all the matches. Counting a range is cheap.
 */
async function onlyInNames(db: IntrobookDB, terms: string[]): Promise<boolean> {
  const counts = await Promise.all(
    terms.flatMap((t) => [db.people.where('searchWords').startsWith(t).count(), db.people.where('searchWords').startsWith(NAME_MARK + t).count()]),
  );
  for (let i = 0; i < counts.length; i += 2) if (counts[i] !== counts[i + 1]) return false;
  return true;
}

/** Ids allowed by the request-status and meeting filters (each an indexed read), or null when neither is set. */
async function idFilter(db: IntrobookDB, filters: SearchFilters, now: number): Promise<Set<string> | null> {
  let ids: Set<string> | null = null;
  const narrow = (next: Iterable<string>) => {
    const set = new Set(next);
    ids = ids === null ? set : new Set([...ids].filter((id) => set.has(id)));
  };
  if (filters.status) {
    const requests = await db.intros.where('status').equals(filters.status).toArray();
    narrow(requests.filter((r) => r.deletedAt === null).map((r) => r.targetId));
  }
  if (filters.upcomingMeeting) narrow((await upcomingMeetings(db, now, 1000)).map((m) => m.personId));
  return ids;
}

async function filtersOnly(
  db: IntrobookDB,
  filters: SearchFilters,
  allowedIds: Set<string> | null,
  accept: (p: Row) => boolean,
  limit: number,
): Promise<SearchResult> {
  let rows: Row[];
  let more = false;
  if (allowedIds) {
    const ids = [...allowedIds];
    rows = [];
    for (let i = 0; i < ids.length && rows.length <= limit; i += CHUNK) {
      const chunk = (await db.people.bulkGet(ids.slice(i, i + CHUNK))) as (Row | undefined)[];
      for (const p of chunk) if (p && accept(p)) rows.push(p);
    }
  } else {
    const collection = filters.tag ? db.people.where('tags').equals(filters.tag) : db.people.where('company').equals(filters.company!);
    ({ rows, more } = await bounded(collection as Collection<Row, string>, accept, limit + 1));
  }
  if (rows.length > limit) {
    more = true;
    rows = rows.slice(0, limit);
  }
  return { people: rows.sort(byName), more };
}

const byName = (a: Person, b: Person) => a.name.localeCompare(b.name);

/** Walk a collection, keep accepted rows, stop at `need` rows or SCAN_CAP rows looked at. */
async function bounded(collection: Collection<Row, string>, accept: (p: Row) => boolean, need: number): Promise<{ rows: Row[]; more: boolean }> {
  let seen = 0;
  let found = 0;
  const rows = await collection
    .until(() => found >= need || seen >= SCAN_CAP)
    .filter((p) => {
      seen++;
      const ok = accept(p);
      if (ok) found++;
      return ok;
    })
    .toArray();
  return { rows, more: seen >= SCAN_CAP && found < need };
}

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
    if (rows.length >= need || exhausted || limit >= maxRows) return { rows, seen, exhausted };
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
): Promise<{ rows: Row[]; more: boolean }> {
  if (need <= 0) return { rows: [], more: true };
  const check = (p: Row) => !exclude.has(p.id) && matchesAll(wordsOf(p), terms, mark) && accept(p);
  const range = (t: string) => db.people.where('searchWords').startsWith(mark + t) as Collection<Row, string>;
  const counted = terms.length === 1 ? [{ t: terms[0]!, n: 0 }] : await Promise.all(terms.map(async (t) => ({ t, n: await range(t).count() })));
  counted.sort((a, b) => a.n - b.n);
  const rarest = counted[0]!;
  if (terms.length > 1 && rarest.n === 0) return { rows: [], more: false };

  const single = terms.length === 1 || rarest.n > TERM_CAP;
  const first = await readRange(() => range(rarest.t), check, need, single ? SCAN_CAP : FIRST_READ, rarest.n);
  const done = (rows: Row[], more: boolean) => {
    rows.sort(byName);
    return rows.length > need ? { rows: rows.slice(0, need), more: true } : { rows, more };
  };
  if (first.exhausted) return done(first.rows, false);
  if (first.rows.length >= need || single) return done(first.rows, true);
  // Go on reading rows, or intersect key sets? Whichever reads less (a key costs
  // about a seventh of a row in Chromium's IndexedDB).
  const hitRate = first.rows.length / first.seen.size;
  const left = Math.max(0, rarest.n - first.seen.size);
  const rowsToRead = hitRate > 0 ? Math.min(left, (need - first.rows.length) / hitRate) : left;
  const second = counted[1]!;
  const keysToRead = rarest.n + (second.n <= TERM_CAP ? second.n : 0);
  if (rowsToRead * ROW_COST <= keysToRead && rowsToRead < SCAN_CAP) {
    const more = await readRange(() => range(rarest.t), check, need, SCAN_CAP, Math.ceil(first.seen.size + rowsToRead * 1.2));
    return done(more.rows, !more.exhausted);
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
