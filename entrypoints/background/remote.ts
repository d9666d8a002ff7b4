/**
 * The background's side of the pages' data API (utils/remote/protocol.ts, issue #11): Introbook's
 * own pages connect a port named REMOTE_PORT and subscribe to named queries, which are answered
 * from the repositories in utils/db/** inside Dexie's `liveQuery` — re-sent whenever the rows a
 * query read change, whichever context changed them — or run commands (the popup's Save).
 *
 * Only extension pages are served (classifySender: our id, our origin); every message and every
 * query's or command's arguments are parsed with zod (utils/remote/schemas.ts) before anything
 * runs; a port that sends something else is told so, and its message is dropped.
 */
import { liveQuery } from 'dexie';
import type { IntrobookDB, StoredPerson } from '@/utils/db/app-db';
import { introAnswer } from '@/utils/db/contacts';
import { dueFirst, dueUntil } from '@/utils/db/due';
import { upcomingMeetings } from '@/utils/db/meetings';
import { allCompanies, allTags, hasFilters, peoplePage, searchPeople, type SearchResult } from '@/utils/db/search';
import { openRestoreOffers } from '@/utils/sync/notices';
import type { Person } from '@/utils/domain/schemas';
import { storageErrorMessage } from '@/utils/db/errors';
import { confirmFields, findPersonByUrl, getPerson, NameChangeNeedsConfirmation, savePersonCapture } from '@/utils/db/people';
import { endOfLocalDay } from '@/utils/domain/business-days';
import { t } from '@/utils/i18n';
import type { InjectedRead, PageReadReply, ToContentMessage } from '@/utils/messaging/protocol';
import { classifySender, type SenderLike } from '@/utils/messaging/guards';
import type { BackgroundToPage, CommandName, QueryName, RemoteCommands, RemoteQueries } from '@/utils/remote/protocol';
import { REMOTE_PORT } from '@/utils/remote/protocol';
import { commandArgs, queryArgs, remoteMessage } from '@/utils/remote/schemas';
import { getSettings, workWeek } from '@/utils/settings';
import { createLiveSearch, type LiveAnswers } from './live-search';
import { storePhoto } from './photos';

export interface RemotePort {
  name: string;
  sender?: SenderLike;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface RemoteDeps {
  db: IntrobookDB;
  runtimeId: string;
  extensionOrigin: string;
  /** The tab's content script's reading (rejects when the tab has none). */
  readTab: (tabId: number) => Promise<PageReadReply>;
  /** Run the extractors in the tab once (the toolbar click's activeTab grant). */
  readTabOnDemand: (tabId: number) => Promise<InjectedRead>;
  tabUrl: (tabId: number) => Promise<string | undefined>;
  notifyTab: (tabId: number, message: ToContentMessage) => Promise<void>;
  setPendingMerge: (pair: { aId: string; bId: string }) => Promise<void>;
  /** Store a saved person's photo (entrypoints/background/photos.ts); tests pass their own. */
  storePhoto?: (db: IntrobookDB, person: { id: string; photoUrl: string | null }) => Promise<unknown>;
  log: (message: string, detail?: unknown) => void;
  /** Told each time a port's search reads a filter set (tests and benches count them). */
  onFilterRead?: (key: string) => void;
}

/** A person as the pages use it: without the index fields only the store needs (search words can run long). */
function plain(row: StoredPerson): Person {
  const { nameKey: _nameKey, searchWords: _searchWords, ...person } = row;
  return person;
}

const searchAnswer = (found: SearchResult) => ({ people: found.people.map(plain), more: found.more });

type Queries = { [Q in QueryName]: (args: RemoteQueries[Q]['args']) => Promise<RemoteQueries[Q]['result']> };
type Commands = { [C in CommandName]: (args: RemoteCommands[C]['args']) => Promise<RemoteCommands[C]['result']> };

export function createRemote(deps: RemoteDeps) {
  const { db } = deps;
  const keepPhoto = deps.storePhoto ?? storePhoto;

  const queries: Queries = {
    'person/lookup': async ({ profileUrl, key }) =>
      (await findPersonByUrl(db, profileUrl)) ?? (key ? await findPersonByUrl(db, key) : undefined) ?? null,
    due: async ({ at, limit }) => {
      const settings = await getSettings(db);
      const until = endOfLocalDay(at, settings.timeZone);
      const { items, total } = await dueFirst(db, workWeek(settings), until, limit);
      return { items, total, until, timeZone: settings.timeZone };
    },
    'due/total': async ({ at, limit }) => {
      const settings = await getSettings(db);
      const { total } = await dueUntil(db, workWeek(settings), endOfLocalDay(at, settings.timeZone), limit);
      return { total };
    },
    'intro/summary': async ({ personId }) => {
      const person = await getPerson(db, personId);
      if (!person || person.deletedAt !== null) return null;
      const answer = await introAnswer(db, person);
      const settled = Boolean(answer.open || answer.done);
      const top = settled ? [] : answer.options.ranked.slice(0, 3).map((c) => ({ id: c.person.id, name: c.person.name, reasons: c.reasons }));
      return { headline: answer.headline, settled, top };
    },
    photo: async ({ personId, photoUrl }) => {
      const photo = personId ? await db.photos.get(personId) : photoUrl ? await db.photos.where('url').equals(photoUrl).first() : undefined;
      return photo?.dataUrl.startsWith('data:image/') ? photo.dataUrl : null;
    },
    settings: () => getSettings(db),
    'person/get': async ({ personId }) => {
      const person = await getPerson(db, personId);
      return person ? plain(person) : null;
    },
    'people/page': async ({ after, limit }) => {
      const page = await peoplePage(db, after, limit);
      return { people: page.people.map(plain), next: page.next };
    },
    // With filters, a port's searches go through its live search (serve below), which keeps each filter set's ids across keystrokes.
    'people/search': async ({ query, filters, limit, at }) => searchAnswer(await searchPeople(db, query, filters, { limit, now: at })),
    'people/filter-options': async () => ({ tags: await allTags(db), companies: await allCompanies(db) }),
    'meetings/upcoming': async ({ at, limit }) => {
      const list = await upcomingMeetings(db, at, limit);
      const people = await db.people.bulkGet(list.map((m) => m.personId));
      return list.flatMap((meeting, i) => {
        const person = people[i];
        return person && person.deletedAt === null ? [{ meeting, person: plain(person) }] : [];
      });
    },
    'sync/offers': () => openRestoreOffers(db),
  };

  const commands: Commands = {
    'tab/read': async ({ tabId, onDemand }) => {
      if (onDemand) {
        const read = await deps.readTabOnDemand(tabId);
        return { reply: read.reply, url: (await deps.tabUrl(tabId).catch(() => undefined)) ?? read.url, selection: read.selection };
      }
      const reply = await deps.readTab(tabId);
      // The URL after the answer: the popup refuses a reading about anyone else than the tab now shows.
      return { reply, url: (await deps.tabUrl(tabId).catch(() => undefined)) ?? null, selection: '' };
    },
    'capture/save': async ({ capture, tabId, pageKey, edits, accept, confirmName }) => {
      try {
        const { person, created, heldBack, duplicate } = await savePersonCapture(db, capture, { edits, accept, confirmName });
        void keepPhoto(db, person);
        if (duplicate) await deps.setPendingMerge(duplicate).catch((e: unknown) => deps.log('Introbook: could not flag a duplicate', e));
        // Let the page's button say "Saved"; a page without our script is fine.
        deps.notifyTab(tabId, { type: 'page/saved', profileUrl: pageKey, personId: person.id }).catch(() => {});
        return { ok: true, personId: person.id, name: person.name, created, heldBack: heldBack.map((c) => c.field), duplicate: duplicate !== null };
      } catch (error) {
        if (error instanceof NameChangeNeedsConfirmation && !confirmName) return { ok: false, error: t('popup.couldNotSave'), rename: { from: error.from, to: error.to } };
        deps.log('Introbook: save failed', error);
        return { ok: false, error: storageErrorMessage(error, t('popup.couldNotSave')) };
      }
    },
    'person/confirm-fields': async ({ personId, fields }) => {
      await confirmFields(db, personId, fields);
      return { ok: true };
    },
  };

  const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

  /** Serve one page's port until it disconnects. */
  function serve(port: RemotePort): void {
    const subs = new Map<number, { unsubscribe(): void }>();
    // Searches with filters: each filter set read once and kept live while the user types (issue #11).
    const search = createLiveSearch(db, searchAnswer, { onFilterRead: deps.onFilterRead });
    let open = true;
    const send = (out: BackgroundToPage) => {
      if (!open) return;
      try {
        port.postMessage(out);
      } catch {
        open = false;
      }
    };
    port.onDisconnect.addListener(() => {
      open = false;
      for (const sub of subs.values()) sub.unsubscribe();
      subs.clear();
      search.close();
    });
    // Where the store cannot be opened (IndexedDB unavailable), the page says so once instead of failing in every view.
    db.open().catch((error: unknown) => send({ type: 'unavailable', error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }));

    port.onMessage.addListener((raw) => {
      const parsed = remoteMessage.safeParse(raw);
      if (!parsed.success) return deps.log('Introbook: rejected a page message', parsed.error.issues);
      const msg = parsed.data;
      if (msg.type === 'unsub') {
        subs.get(msg.id)?.unsubscribe();
        subs.delete(msg.id);
        return;
      }
      if (msg.type === 'sub') {
        const schema = queryArgs[msg.query as QueryName] as (typeof queryArgs)[QueryName] | undefined;
        const args = schema?.safeParse(msg.args);
        if (!schema || !args?.success) {
          deps.log('Introbook: rejected a page query', { query: msg.query, issues: args?.error?.issues });
          return send({ type: 'error', id: msg.id, error: t('background.rejected') });
        }
        subs.get(msg.id)?.unsubscribe();
        const run = queries[msg.query as QueryName] as (args: unknown) => Promise<unknown>;
        const searchArgs = msg.query === 'people/search' ? (args.data as RemoteQueries['people/search']['args']) : null;
        const answers: LiveAnswers<unknown> =
          searchArgs && hasFilters(searchArgs.filters)
            ? search.observe(searchArgs)
            : // An async querier: Dexie follows its zone through the repositories' own awaits only from one
              // (a plain function returning their promise lost track after the first await: no update came).
              liveQuery(async () => await run(args.data));
        subs.set(
          msg.id,
          answers.subscribe({
            next: (value) => send({ type: 'data', id: msg.id, value }),
            error: (error: unknown) => {
              deps.log(`Introbook: the ${msg.query} query failed`, error);
              send({ type: 'error', id: msg.id, error: message(error) });
            },
          }),
        );
        return;
      }
      const schema = commandArgs[msg.command as CommandName] as (typeof commandArgs)[CommandName] | undefined;
      const args = schema?.safeParse(msg.args);
      if (!schema || !args?.success) {
        deps.log('Introbook: rejected a page command', { command: msg.command, issues: args?.error?.issues });
        return send({ type: 'error', id: msg.id, error: t('background.rejected') });
      }
      const run = commands[msg.command as CommandName] as (args: unknown) => Promise<unknown>;
      run(args.data).then(
        (value) => send({ type: 'reply', id: msg.id, value }),
        (error: unknown) => send({ type: 'error', id: msg.id, error: message(error) }),
      );
    });
  }

  /** runtime.onConnect: serve our own pages' data ports, leave every other port alone. */
  function onConnect(port: RemotePort): void {
    if (port.name !== REMOTE_PORT) return;
    if (!port.sender || classifySender(port.sender, deps.runtimeId, deps.extensionOrigin) !== 'extension-page') {
      deps.log('Introbook: refused a data port', port.sender?.url);
      port.disconnect();
      return;
    }
    serve(port);
  }

  return { onConnect, queries, commands };
}
