/**
 * Finding saved people as the user types. Every query is answered from the
 * `people` indexes (`*searchWords` word prefixes, `*tags`, `company`) and the
 * request/meeting indexes for filters; nothing reads the whole table. Name
 * matches come first, then matches in company, role, headline, tags or notes.
 */
import type { Collection } from 'dexie';
import type { IntroStatus } from '../domain/intro-status';
import type { Person } from '../domain/schemas';
import { matchesAll, NAME_MARK, queryTerms } from '../domain/search-words';
import type { IntrobookDB } from './app-db';
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
  people: Person[];
  /** More people match than were returned: ask with a larger limit. */
  more: boolean;
}

type Row = Person & { searchWords?: string[] };

/**
 * How many index entries one term may read before it counts as "common". A
 * common term is checked on the rows of the rarer terms instead of being read
 * in full, so a one-letter term costs the same at 50,000 people as at 500.
 */
const TERM_CAP = 4000;
/** The most rows a filtered walk looks at before it stops and says there may be more. */
const SCAN_CAP = 3000;
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
  if (people.length <= limit) {
    const rest = await matchTerms(db, terms, '', accept, new Set(people.map((p) => p.id)), limit + 1 - people.length);
    people = [...people, ...rest.rows];
    more = rest.more;
  }
  if (people.length > limit) {
    more = true;
    people = people.slice(0, limit);
  }
  return { people: people.map(strip), more };
}

/** Drop the index field: callers get plain people. */
function strip(row: Row): Person {
  const { searchWords: _words, ...person } = row;
  return person;
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
  return { people: rows.sort(byName).map(strip), more };
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

/** The primary keys of people with an index word starting with `prefix`, up to `cap` index entries. */
async function keysWithPrefix(db: IntrobookDB, prefix: string, cap: number): Promise<{ keys: Set<string>; complete: boolean }> {
  const keys = (await db.people.where('searchWords').startsWith(prefix).limit(cap).primaryKeys()) as string[];
  return { keys: new Set(keys), complete: keys.length < cap };
}

/**
 * People whose index words (marked with `mark`, for name words) match every
 * term, minus `exclude`, up to `need` rows. One term: walk its prefix range
 * (in word order, so names come alphabetically). Several: intersect the key
 * sets of the rarer terms, then check the common ones on those rows only.
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
  const check = (p: Row) => !exclude.has(p.id) && matchesAll(p.searchWords ?? [], terms, mark) && accept(p);
  if (terms.length === 1) {
    const collection = db.people.where('searchWords').startsWith(mark + terms[0]!).distinct() as Collection<Row, string>;
    return bounded(collection, check, need);
  }
  const sets = await Promise.all(terms.map((t) => keysWithPrefix(db, mark + t, TERM_CAP)));
  const complete = sets.filter((s) => s.complete).sort((a, b) => a.keys.size - b.keys.size);
  if (complete.length === 0) {
    // Every term is common: walk the longest one's range and check the others on each row.
    const collection = db.people.where('searchWords').startsWith(mark + terms[0]!).distinct() as Collection<Row, string>;
    return bounded(collection, check, need);
  }
  let candidates = [...complete[0]!.keys].filter((id) => !exclude.has(id));
  for (const s of complete.slice(1)) candidates = candidates.filter((id) => s.keys.has(id));
  const rows: Row[] = [];
  let more = false;
  // Few candidates: read them all and sort by name; many: read in chunks until enough.
  const all = candidates.length <= 5 * CHUNK;
  for (let i = 0; i < candidates.length; i += CHUNK) {
    if (!all && rows.length >= need) {
      more = true;
      break;
    }
    const chunk = (await db.people.bulkGet(candidates.slice(i, i + CHUNK))) as (Row | undefined)[];
    for (const p of chunk) if (p && check(p)) rows.push(p);
  }
  rows.sort(byName);
  if (rows.length > need) {
    more = true;
    rows.length = need;
  }
  return { rows, more };
}

/** The people list: everyone, newest capture first, a page at a time (keyset on the `capturedAt` index). */
export async function peoplePage(
  db: IntrobookDB,
  after: { capturedAt: number; id: string } | null,
  size = 50,
): Promise<{ people: Person[]; next: { capturedAt: number; id: string } | null }> {
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
  const page = rows.slice(0, size).map(strip);
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
export async function peopleNamed(db: IntrobookDB, name: string, limit = 20): Promise<Person[]> {
  const terms = queryTerms(name);
  if (terms.length === 0) return [];
  const rows = (await db.people
    .where('searchWords')
    .equals(NAME_MARK + terms[0]!)
    .filter((p: Row) => p.deletedAt === null && terms.every((t) => (p.searchWords ?? []).includes(NAME_MARK + t)))
    .limit(limit)
    .toArray()) as Row[];
  return rows.map(strip);
}
