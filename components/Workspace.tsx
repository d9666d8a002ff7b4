import { useDeferredValue, useEffect, useId, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { LIMITS } from '@/utils/domain/limits';
import { hasFilters, type SearchFilters } from '@/utils/domain/search-filters';
import { STATUS_LABELS, STATUSES, type IntroStatus } from '@/utils/domain/intro-status';
import { firstViewArgs, minuteOf } from '@/utils/remote/first-view';
import { useRemoteQuery } from '@/utils/remote/hooks';
import type { PageCursor } from '@/utils/remote/protocol';
import type { Person, Settings } from '@/utils/domain/schemas';
import { formatWhen } from './format';
import { DueToday } from './DueToday';
import { CHANNEL_LABELS } from './channel-labels';
import { PeopleList } from './PeopleList';
import { formatNumber, t, tn } from '@/utils/i18n';

const PAGE = 50;
// Queries that depend on the time ask as of the minute (minuteOf): the clock's ticks don't ask again within one.

type Cursor = PageCursor | null;

/**
 * What the home is showing: the search, its filters and how far the lists
 * were paged. The side panel keeps it while a person's page is open, so going
 * back (Escape) returns to the same results with the person's row focused.
 */
export interface WorkspaceView {
  query: string;
  filters: SearchFilters;
  /** "Show more" grows the page for this query and these filters only. */
  more: { key: string; limit: number };
  allPeople: { open: boolean; cursors: Cursor[] };
}

export function initialWorkspaceView(): WorkspaceView {
  return { query: '', filters: {}, more: { key: '', limit: PAGE }, allPeople: { open: false, cursors: [null] } };
}

/**
 * The side panel's home: search as you type across everyone saved (name,
 * company, role, headline, tags, notes; accents, case and word order ignored),
 * filters, and — when not searching — what is due today, upcoming meetings,
 * the people saved last and everyone, a page at a time. Everything here is read
 * through the background (utils/remote/): the side panel's first view loads no
 * store code (issue #11).
 */
export function Workspace({
  settings,
  now,
  focusSignal,
  focusId,
  view,
  onView,
  onOpen,
  onOpenRequest,
}: {
  settings: Settings;
  now: number;
  /** Changes when the user pressed "/": focus the search box. */
  focusSignal: number;
  /** The person just left: their row takes focus back (the search box, when no list shows them). */
  focusId?: string | null;
  /** Kept by the caller across visits to a person's page. */
  view: WorkspaceView;
  onView: Dispatch<SetStateAction<WorkspaceView>>;
  onOpen: (personId: string) => void;
  onOpenRequest: (requestId: string) => void;
}) {
  const id = useId();
  const search = useRef<HTMLInputElement>(null);
  const { query, filters, more } = view;
  // The row to give focus back to, once: cleared when it has it or the user searches on (a list that
  // appears later must not take focus from the search box).
  const [restoreId, setRestoreId] = useState(focusId ?? null);
  const setQuery = (q: string) => {
    setRestoreId(null);
    onView((v) => ({ ...v, query: q }));
  };
  const setFilters = (f: SearchFilters) => {
    setRestoreId(null);
    onView((v) => ({ ...v, filters: f }));
  };
  const deferred = useDeferredValue(query);
  const searchKey = JSON.stringify([deferred, filters]);
  const limit = more.key === searchKey ? more.limit : PAGE;
  const searching = deferred.trim() !== '' || hasFilters(filters);
  const filtersKey = JSON.stringify(filters);
  // Answered by the background, live; undefined while the answer for these words and filters is on its way.
  const results = useRemoteQuery(
    'people/search',
    // The time counts only for "has an upcoming meeting" (a search re-asked every minute for nothing otherwise).
    searching ? { query: deferred, filters, limit, at: filters.upcomingMeeting ? minuteOf(now) : 0 } : null,
    // While the next answer comes, the last stays — only if it was for the same filters.
    { keep: filtersKey },
  );

  const focusSearchBox = () => {
    search.current?.focus();
    search.current?.select();
  };
  // When the home appears: back from a person's page, focus waits in the search box until their row is
  // listed (PeopleList takes it then); after "/", the search box. Later "/" presses: the search box.
  const mounted = useRef(false);
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true;
      if (restoreId) {
        const row = document.getElementById(`${id}-results`)?.querySelector<HTMLElement>(`[data-person="${CSS.escape(restoreId)}"]`);
        if (row) row.focus();
        else search.current?.focus();
      } else if (focusSignal > 0) focusSearchBox();
      return;
    }
    if (focusSignal > 0) focusSearchBox();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- focusId counts only when the home appears
  }, [focusSignal]);

  return (
    <section
      className="panel workspace"
      aria-label={t('sidepanel.tab.people')}
      onFocus={(e) => {
        if (restoreId && (e.target as HTMLElement).dataset.person === restoreId) setRestoreId(null);
      }}
    >
      <div className="search-row">
        <label htmlFor={`${id}-q`} className="sr-only">
          {t('workspace.searchPeople')}
        </label>
        <input
          ref={search}
          id={`${id}-q`}
          type="search"
          className="search"
          maxLength={LIMITS.headline}
          value={query}
          placeholder={t('workspace.searchPlaceholder')}
          aria-keyshortcuts="/"
          aria-controls={`${id}-results`}
          autoComplete="off"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              document.getElementById(`${id}-results`)?.querySelector<HTMLButtonElement>('button.person-row')?.focus();
            } else if (e.key === 'Escape' && query) {
              e.preventDefault();
              e.stopPropagation();
              setQuery('');
            }
          }}
        />
      </div>
      <Filters filters={filters} onChange={setFilters} />
      <div id={`${id}-results`} data-arrow-nav>
        {searching ? (
          <Results results={results} focusId={restoreId} onOpen={onOpen} onMore={() => onView((v) => ({ ...v, more: { key: searchKey, limit: limit + PAGE } }))} />
        ) : (
          <Home
            settings={settings}
            now={now}
            focusId={restoreId}
            allPeople={view.allPeople}
            onAllPeople={(allPeople) => onView((v) => ({ ...v, allPeople }))}
            onOpen={onOpen}
            onOpenRequest={onOpenRequest}
          />
        )}
      </div>
    </section>
  );
}

function Results({ results, focusId, onOpen, onMore }: { results: { people: Person[]; more: boolean } | null | undefined; focusId?: string | null; onOpen: (id: string) => void; onMore: () => void }) {
  if (!results) return <p className="muted">{t('workspace.searching')}</p>;
  return (
    <>
      <p className="muted small" role="status">
        {results.people.length === 0
          ? results.more
            ? t('workspace.noMatchYet')
            : t('workspace.nobodyMatches')
          : tn(results.more ? 'workspace.peopleAtLeast' : 'common.people', results.people.length)}
      </p>
      {results.people.length > 0 && <PeopleList people={results.people} onOpen={(p) => onOpen(p.id)} label={t('workspace.searchResults')} focusId={focusId} />}
      {results.more && (
        <button type="button" onClick={onMore}>
          {t('workspace.showMore')}
        </button>
      )}
    </>
  );
}

function Filters({ filters, onChange }: { filters: SearchFilters; onChange: (f: SearchFilters) => void }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  // Options are read from the tag and company indexes' keys, only once the filters are opened.
  const options = useRemoteQuery('people/filter-options', open ? {} : null);
  const tags = options?.tags;
  const companies = options?.companies;
  const [company, setCompany] = useState(filters.company ?? '');
  const active = [filters.status, filters.company, filters.tag, filters.upcomingMeeting].filter(Boolean).length;
  const set = (change: Partial<SearchFilters>) => {
    const next = { ...filters, ...change };
    for (const key of Object.keys(next) as (keyof SearchFilters)[]) if (!next[key]) delete next[key];
    onChange(next);
  };
  return (
    <details className="filters-box" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{active > 0 ? t('workspace.filtersCount', { count: formatNumber(active) }) : t('workspace.filters')}</summary>
      <div className="filters">
        <span className="filter">
          <label htmlFor={`${id}-status`}>{t('workspace.requestStatus')}</label>
          <select id={`${id}-status`} value={filters.status ?? ''} onChange={(e) => set({ status: (e.target.value || undefined) as IntroStatus | undefined })}>
            <option value="">{t('workspace.any')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </span>
        <span className="filter">
          <label htmlFor={`${id}-company`}>{t('common.company')}</label>
          <input
            id={`${id}-company`}
            list={`${id}-companies`}
            maxLength={LIMITS.short}
            value={company}
            onChange={(e) => {
              setCompany(e.target.value);
              set({ company: e.target.value.trim() || undefined });
            }}
          />
          <datalist id={`${id}-companies`}>{companies?.map((c) => <option key={c} value={c} />)}</datalist>
        </span>
        <span className="filter">
          <label htmlFor={`${id}-tag`}>{t('workspace.tag')}</label>
          <select id={`${id}-tag`} value={filters.tag ?? ''} onChange={(e) => set({ tag: e.target.value || undefined })}>
            <option value="">{t('workspace.any')}</option>
            {(tags ?? []).map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </span>
        <label className="inline">
          <input type="checkbox" checked={filters.upcomingMeeting === true} onChange={(e) => set({ upcomingMeeting: e.target.checked || undefined })} /> {t('workspace.hasUpcomingMeeting')}
        </label>
        {active > 0 && (
          <button
            type="button"
            onClick={() => {
              setCompany('');
              onChange({});
            }}
          >
            {t('workspace.clearFilters')}
          </button>
        )}
      </div>
    </details>
  );
}

function Home({
  settings,
  now,
  focusId,
  allPeople,
  onAllPeople,
  onOpen,
  onOpenRequest,
}: {
  settings: Settings;
  now: number;
  focusId?: string | null;
  allPeople: WorkspaceView['allPeople'];
  onAllPeople: (next: WorkspaceView['allPeople']) => void;
  onOpen: (id: string) => void;
  onOpenRequest: (id: string) => void;
}) {
  const meetings = useRemoteQuery('meetings/upcoming', firstViewArgs.meetings(now), { keep: 'meetings' });
  const recent = useRemoteQuery('people/page', firstViewArgs.recent());
  return (
    <>
      <DueToday className="home-section" emptyText={t('workspace.nothingDueToday')} moreText={t('workspace.seeTheBoard')} onOpenRequest={onOpenRequest} onOpenPerson={onOpen} />
      <section aria-labelledby="upcoming-h" className="home-section">
        <h2 className="panel-title" id="upcoming-h">
          {t('workspace.upcomingMeetings')}
        </h2>
        {meetings?.length === 0 && <p className="muted small">{t('workspace.noMeetings')}</p>}
        {meetings && meetings.length > 0 && (
          <ul className="due-list" aria-label={t('workspace.upcomingMeetings')}>
            {meetings.map(({ meeting, person }) => (
              <li key={meeting.id}>
                <button type="button" className="link-button" onClick={() => onOpen(person.id)}>
                  {person.name}
                </button>{' '}
                <span className="muted small">
                  {formatWhen(meeting.startsAt, settings.timeZone)} · {CHANNEL_LABELS[meeting.channel]}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="recent-h" className="home-section">
        <h2 className="panel-title" id="recent-h">
          {t('workspace.recentlySaved')}
        </h2>
        {recent?.people.length === 0 && (
          <div className="empty">
            <strong>{t('workspace.nobodySavedYet')}</strong>
            <ol>
              <li>{t('workspace.firstStep1')}</li>
              <li>{t('workspace.firstStep2')}</li>
              <li>{t('workspace.firstStep3')}</li>
            </ol>
            <p>{t('workspace.orAddByHand')}</p>
          </div>
        )}
        {recent && recent.people.length > 0 && <PeopleList people={recent.people} onOpen={(p) => onOpen(p.id)} label={t('workspace.savedNewestFirst')} focusId={focusId} />}
      </section>
      <AllPeople focusId={focusId} state={allPeople} onState={onAllPeople} onOpen={onOpen} />
    </>
  );
}

/** Everyone, newest capture first, a page at a time (keyset pages: cost per page, not per person stored). */
function AllPeople({
  focusId,
  state,
  onState,
  onOpen,
}: {
  focusId?: string | null;
  state: WorkspaceView['allPeople'];
  onState: (next: WorkspaceView['allPeople']) => void;
  onOpen: (id: string) => void;
}) {
  const { open, cursors } = state;
  const setOpen = (next: boolean) => {
    if (next !== open) onState({ open: next, cursors });
  };
  const setCursors = (change: (c: Cursor[]) => Cursor[]) => onState({ open, cursors: change(cursors) });
  const after = cursors[cursors.length - 1] ?? null;
  const page = useRemoteQuery('people/page', open ? { after, limit: PAGE } : null, { keep: 'all-people' });
  return (
    <details className="home-section" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('workspace.allPeople')}</summary>
      {page && page.people.length > 0 && (
        <>
          <p className="muted small">
            {t('workspace.pageOf', {
              page: formatNumber(cursors.length),
              first: formatNumber((cursors.length - 1) * PAGE + 1),
              last: formatNumber((cursors.length - 1) * PAGE + page.people.length),
            })}
          </p>
          <PeopleList people={page.people} onOpen={(p) => onOpen(p.id)} label={t('workspace.allNewestFirst')} focusId={focusId} />
          <div className="actions">
            <button type="button" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
              {t('workspace.newer')}
            </button>
            <button type="button" disabled={!page.next} onClick={() => page.next && setCursors((c) => [...c, page.next])}>
              {t('workspace.older')}
            </button>
          </div>
        </>
      )}
      {page && page.people.length === 0 && <p className="muted">{t('workspace.nobodySavedYetDot')}</p>}
    </details>
  );
}
