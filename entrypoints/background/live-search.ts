/**
 * The side panel's search with filters, live, without re-reading the filters on every keystroke
 * (issue #11). A port's searches share one live query per filter set (`readFilter`: the ids from
 * tag and company keys, live requests by status, meetings still to come, and those people's names
 * and index words): it is read once, kept current by Dexie (its querier re-runs when a row in a
 * range it read changes, in any context), and each keystroke's search runs against it in its own
 * live query, which reads only the page's rows (and follows them). When the set's people, names or
 * words change, every search using it runs again with the new read.
 *
 * A filter set's live query stays while a search uses it, and a few more (IDLE_KEPT, the most
 * recently used) stay after, for the next keystroke (the page drops a search before asking for
 * the next) and for filters toggled back; all end when the port closes.
 */
import { liveQuery, type Subscription } from 'dexie';
import type { IntrobookDB } from '@/utils/db/app-db';
import { readFilter, sameFilterPeople, searchPeople, type FilterPeople, type SearchResult } from '@/utils/db/search';
import type { SearchFilters } from '@/utils/domain/search-filters';

/** Filter sets kept live with no search using them, per port. */
export const IDLE_KEPT = 4;
/** How long a new search waits for a filter set being re-read before it runs on the held one. */
export const REREAD_PATIENCE_MS = 1000;

export interface SearchArgs {
  query: string;
  filters: SearchFilters;
  limit: number;
  at: number;
}

interface Observer<T> {
  next: (value: T) => void;
  error: (error: unknown) => void;
}

/** Live answers, as Dexie's `liveQuery(…)` gives them. */
export interface LiveAnswers<T> {
  subscribe(observer: Observer<T>): { unsubscribe(): void };
}

/** One filter set, kept live. */
interface Entry {
  ids: FilterPeople | null | undefined;
  error: unknown;
  /** A read is under way (a change was announced, or the first read): its result is not known yet. */
  reading: boolean;
  users: Set<(ids: FilterPeople | null) => void>;
  failed: Set<(error: unknown) => void>;
  sub: Subscription;
}

/** The cache key: everything `filterIds` reads by (the time only for "has an upcoming meeting"). */
export function filterKey(filters: SearchFilters, at: number): string {
  return JSON.stringify([filters.status ?? null, filters.company ?? null, filters.tag ?? null, filters.upcomingMeeting ? at : null]);
}

/**
 * One port's filtered searches. `shape` turns a search result into what the page receives.
 * `onFilterRead` is told each time a filter set is read (tests and benches count them).
 */
export function createLiveSearch<T>(db: IntrobookDB, shape: (found: SearchResult) => T, options: { onFilterRead?: (key: string) => void } = {}) {
  /** Insertion order is recency: a used entry moves to the end. */
  const entries = new Map<string, Entry>();
  let closed = false;

  function drop(key: string) {
    const entry = entries.get(key);
    if (!entry) return;
    entry.sub.unsubscribe();
    entries.delete(key);
  }

  /** Drop the least recently used idle entries beyond IDLE_KEPT. */
  function trim() {
    let idle = [...entries].filter(([, e]) => e.users.size === 0).length;
    for (const [key, entry] of entries) {
      if (idle <= IDLE_KEPT) break;
      if (entry.users.size > 0) continue;
      drop(key);
      idle--;
    }
  }

  function entryFor(filters: SearchFilters, at: number): [string, Entry] {
    const key = filterKey(filters, at);
    const found = entries.get(key);
    if (found) {
      entries.delete(key);
      entries.set(key, found);
      return [key, found];
    }
    const entry: Entry = { ids: undefined, error: undefined, reading: true, users: new Set(), failed: new Set(), sub: undefined as unknown as Subscription };
    entries.set(key, entry);
    entry.sub = liveQuery(async () => {
      // Dexie calls this as soon as a change to what it read is announced: from then on the held set
      // may be out of date, and a new search waits for this read.
      entry.reading = true;
      options.onFilterRead?.(key);
      return await readFilter(db, filters, at);
    }).subscribe({
      next: (ids) => {
        // The same set again (a change elsewhere in a range it read): the same object, so searches under way go on.
        if (entry.ids === undefined || !sameFilterPeople(entry.ids, ids)) entry.ids = ids;
        entry.reading = false;
        entry.error = undefined;
        for (const user of [...entry.users]) user(entry.ids!);
      },
      error: (error: unknown) => {
        entry.reading = false;
        entry.error = error;
        entry.ids = undefined;
        for (const fail of [...entry.failed]) fail(error);
        // Dexie never runs a live query again after it failed: the next search with these filters reads afresh.
        if (entries.get(key) === entry) drop(key);
      },
    });
    return [key, entry];
  }

  /** Live answers to one search with filters: what `searchPeople` answers, again whenever the filter set or the people read change. */
  function observe(args: SearchArgs): LiveAnswers<T> {
    return {
      subscribe(observer) {
        if (closed) return { unsubscribe() {} };
        const [key, entry] = entryFor(args.filters, args.at);
        let search: Subscription | null = null;
        /** The set the search under way uses. */
        let using: FilterPeople | null | undefined;
        let stopped = false;
        const run = (ids: FilterPeople | null) => {
          if (stopped || (search && using === ids)) return;
          search?.unsubscribe();
          using = ids;
          search = liveQuery(async () => shape(await searchPeople(db, args.query, args.filters, { limit: args.limit, now: args.at, filter: ids }))).subscribe({
            next: (value) => observer.next(value),
            error: (error: unknown) => observer.error(error),
          });
        };
        const fail = (error: unknown) => {
          search?.unsubscribe();
          search = null;
          observer.error(error);
        };
        entry.users.add(run);
        entry.failed.add(fail);
        if (entry.ids !== undefined && !entry.reading) run(entry.ids);
        else if (entry.error !== undefined && !entry.reading) fail(entry.error);
        else if (entry.ids !== undefined) {
          // A re-read under way: wait for it, but not for ever (Dexie drops a re-read the closing
          // database aborts, with no answer): then the held set, which a later answer corrects.
          setTimeout(() => {
            if (!stopped && using === undefined && entry.ids !== undefined) run(entry.ids);
          }, REREAD_PATIENCE_MS);
        }
        return {
          unsubscribe() {
            if (stopped) return;
            stopped = true;
            search?.unsubscribe();
            entry.users.delete(run);
            entry.failed.delete(fail);
            if (entries.get(key) === entry) trim();
          },
        };
      },
    };
  }

  /** The port closed: every filter set's live query ends. */
  function close() {
    closed = true;
    for (const key of [...entries.keys()]) drop(key);
  }

  return { observe, close, size: () => entries.size };
}
