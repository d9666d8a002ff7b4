/**
 * The extension pages' data API (issue #11): the popup and the side panel draw their first view
 * from the background, which owns the database, instead of bundling Dexie and zod themselves.
 *
 * A page opens one `runtime.connect` port named REMOTE_PORT and, on it:
 * - subscribes to named queries with arguments (`sub`); the background answers from the
 *   repositories in utils/db/** inside a Dexie `liveQuery` and sends the answer again whenever
 *   the rows it read change, in any context (`data`) — views stay live as with `useLiveQuery`;
 * - drops a subscription (`unsub`), or the port (all of them);
 * - runs one-shot commands (`call` → `reply`), e.g. the popup's Save.
 *
 * The background parses every page message with zod (utils/remote/schemas.ts) and serves only
 * ports whose sender is one of Introbook's own pages. The page checks each answer's envelope by
 * hand (utils/remote/client.ts); the payload is the background's own, already validated, reply.
 *
 * Everything crosses as JSON: rows are plain (numbers for times, null for nothing; an optional
 * field that is undefined arrives absent), so the types below hold on both sides.
 *
 * This module has types and constants only: no zod, no Dexie.
 */
import type { DueEntry } from '../db/due';
import type { EditableField } from '../domain/captures';
import type { CapturedField, Meeting, Person, ProfileCapture, Settings } from '../domain/schemas';
import type { SyncConflict } from '../sync/schemas';
import type { SearchFilters } from '../domain/search-filters';
import type { PageReadReply } from '../messaging/wire';

export const REMOTE_PORT = 'introbook/remote';

/** "Due today" as the popup and the side panel show it: the first items, the total, and the day it is for. */
export interface RemoteDue {
  items: DueEntry[];
  /** How many are due in all; null when that takes a count (more due than `limit`): ask `due/total`. */
  total: number | null;
  /** The end of the user's local day the list runs to (ask again with a later `at` after it). */
  until: number;
  /** The user's time zone, for showing the times. */
  timeZone: string;
}

/** The popup's "Who can introduce me?" in brief (the side panel's person page has the full answer). */
export interface IntroSummaryData {
  headline: string;
  /** A request to meet them is under way or done: no connectors listed. */
  settled: boolean;
  /** The best three confirmed connectors. */
  top: { id: string; name: string; reasons: string[] }[];
}

/** Live queries: name → arguments and answer. */
export interface RemoteQueries {
  /** The saved person a capture would go to: by its URL, else by the page's key; null when nobody. */
  'person/lookup': { args: { profileUrl: string; key: string | null }; result: Person | null };
  /** What is due by the end of the local day `at` falls in (the background reads the settings). */
  due: { args: { at: number; limit: number }; result: RemoteDue };
  /** How many are due by the end of that local day, as `due` with the same arguments lists them (an index count). */
  'due/total': { args: { at: number; limit: number }; result: { total: number } };
  'intro/summary': { args: { personId: string }; result: IntroSummaryData | null };
  /** A stored photo as a data: URL, by person id or (a capture not saved yet) by the photo's URL. */
  photo: { args: { personId: string | null; photoUrl: string | null }; result: string | null };
  settings: { args: Record<string, never>; result: Settings };
  // --- the side panel's first view ---
  /** A live saved person by id; null when there is none (or they were removed). */
  'person/get': { args: { personId: string }; result: Person | null };
  /** Everyone, newest capture first, a page at a time (keyset: give the last page's `next`). */
  'people/page': { args: { after: PageCursor | null; limit: number }; result: { people: Person[]; next: PageCursor | null } };
  /** The search as you type, with its filters, as of `at` (for "has an upcoming meeting"). */
  'people/search': { args: { query: string; filters: SearchFilters; limit: number; at: number }; result: { people: Person[]; more: boolean } };
  /** The filters' choices: every tag and company in use (the indexes' keys only). */
  'people/filter-options': { args: Record<string, never>; result: { tags: string[]; companies: string[] } };
  /** Meetings still to come or under way at `at`, soonest first, with their person. */
  'meetings/upcoming': { args: { at: number; limit: number }; result: { meeting: Meeting; person: Person }[] };
  /** Open restore offers (removed on one browser while edited on another): a handful at most. */
  'sync/offers': { args: Record<string, never>; result: { offer: SyncConflict; label: string }[] };
}

/** Where the people list's next page starts. */
export interface PageCursor {
  capturedAt: number;
  id: string;
}

/** What reading a tab gave: the page's answer, and the tab's URL after it (to check the answer against). */
export interface TabRead {
  reply: PageReadReply;
  url: string | null;
  /** The on-demand reader only: the text the user selected on the page. */
  selection: string;
}

export interface CaptureSaveArgs {
  capture: ProfileCapture;
  /** The tab the capture was read from and the key its URL gave (the popup checked the capture against it). */
  tabId: number;
  pageKey: string;
  edits: Partial<Record<EditableField, string | null>>;
  accept: EditableField[];
  confirmName: boolean;
}

export type CaptureSaveResult =
  | { ok: true; personId: string; name: string; created: boolean; heldBack: EditableField[]; duplicate: boolean }
  /** `rename`: nothing was saved because the stored name differs; ask the user. */
  | { ok: false; error: string; rename?: { from: string; to: string } };

/** One-shot commands: name → arguments and answer. */
export interface RemoteCommands {
  /** Ask the tab's content script what it reads, or (`onDemand`) run the extractors in it once. */
  'tab/read': { args: { tabId: number; onDemand: boolean }; result: TabRead };
  'capture/save': { args: CaptureSaveArgs; result: CaptureSaveResult };
  'person/confirm-fields': { args: { personId: string; fields: CapturedField[] }; result: { ok: boolean } };
}

export type QueryName = keyof RemoteQueries;
export type CommandName = keyof RemoteCommands;

// --- on the port -------------------------------------------------------------------------------

export type PageToBackground =
  | { type: 'sub'; id: number; query: QueryName; args: unknown }
  | { type: 'unsub'; id: number }
  | { type: 'call'; id: number; command: CommandName; args: unknown };

export type BackgroundToPage =
  | { type: 'data'; id: number; value: unknown }
  | { type: 'reply'; id: number; value: unknown }
  | { type: 'error'; id: number; error: string }
  /** The background cannot open the database: the page says so instead of failing in every view. */
  | { type: 'unavailable'; error: string };
