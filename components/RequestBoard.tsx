import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useId, useState } from 'react';
import type { IntrobookDB } from '@/utils/db/app-db';
import { BOARD_STATUSES, boardFirstRead, countByStatus, FOLDED_STATUSES, withPeople, type RequestsWithPeople } from '@/utils/db/intros';
import { nextAction } from '@/utils/domain/follow-ups';
import { STATUS_LABELS, type IntroStatus } from '@/utils/domain/intro-status';
import type { IntroRequest, Person, Settings } from '@/utils/domain/schemas';
import { formatWhen } from './format';
import { formatNumber, t } from '@/utils/i18n';

type Filters = { person: string; connector: string; company: string };

/**
 * Requests by status, filterable by person, connector and company; each with
 * its next step and due date. Open requests are read by the status index;
 * declined, withdrawn and closed ones fold away (counted by the index, read
 * only when unfolded). Before the first paint only the cards on screen read
 * their people; everyone's (the filters' choices) follows.
 */
export function RequestBoard({ db, settings, now, onOpen }: { db: IntrobookDB; settings: Settings; now: number; onOpen: (id: string) => void }) {
  const id = useId();
  // Finished columns the user unfolded are read too; the others only counted.
  const [unfolded, setUnfolded] = useState<IntroStatus[]>([]);
  // Every open request (by the status index), and the people of each column's first page of cards.
  const board = useLiveQuery(() => boardFirstRead(db, [...BOARD_STATUSES, ...unfolded], COLUMN_PAGE), [unfolded.join()]);
  const requests = board?.requests;
  const folded = useLiveQuery(() => countByStatus(db, FOLDED_STATUSES), []);
  const [filters, setFilters] = useState<Filters>({ person: '', connector: '', company: '' });
  // The people behind every request (for the filters' choices and the company filter) are read
  // after the first paint: the cards on screen read their own (firstPage / Cards).
  const later = useDeferredValue(requests ?? null, null);
  const everyone = useLiveQuery(() => (later ? withPeople(db, later) : Promise.resolve(null)), [later]);
  if (!board || !requests || !folded) return <p className="muted">{t('common.loading')}</p>;
  const people = everyone?.people ?? new Map<string, Person>();
  const targets = uniquePeople(requests.map((r) => people.get(r.targetId)));
  const connectors = uniquePeople(requests.map((r) => (r.connectorId ? people.get(r.connectorId) : undefined)));
  const companies = Array.from(new Set(targets.map((p) => p.company).filter((c): c is string => Boolean(c)))).sort();
  const shown = requests.filter((r) => matches(r, filters, people));
  const openCount = shown.filter((r) => !FOLDED_STATUSES.includes(r.status)).length;
  const foldedTotal = FOLDED_STATUSES.reduce((n, s) => n + (folded[s] ?? 0), 0);

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 className="panel-title" id={`${id}-title`}>
        {foldedTotal > 0
          ? t('requestBoard.titleWithFinished', { open: formatNumber(openCount), finished: formatNumber(foldedTotal) })
          : t('requestBoard.title', { open: formatNumber(openCount) })}
      </h2>
      <div className="filters">
        <Filter label={t('requestBoard.person')} value={filters.person} onChange={(person) => setFilters({ ...filters, person })} options={targets.map((p) => [p.id, p.name])} />
        <Filter label={t('requestBoard.connector')} value={filters.connector} onChange={(connector) => setFilters({ ...filters, connector })} options={connectors.map((p) => [p.id, p.name])} />
        <Filter label={t('common.company')} value={filters.company} onChange={(company) => setFilters({ ...filters, company })} options={companies.map((c) => [c, c])} />
      </div>
      {requests.length === 0 && foldedTotal === 0 && (
        <div className="empty">
          <strong>{t('requestBoard.noRequestsYet')}</strong>
          <p>{t('requestBoard.howToAsk')}</p>
        </div>
      )}
      {BOARD_STATUSES.map((status) => {
        const inColumn = shown.filter((r) => r.status === status);
        if (inColumn.length === 0) return null;
        return (
          <section key={status} className="column" aria-label={`${STATUS_LABELS[status]} (${inColumn.length})`}>
            <h3>
              {STATUS_LABELS[status]} <span className="muted">({inColumn.length})</span>
            </h3>
            <Cards db={db} initial={board.first} requests={inColumn} settings={settings} now={now} onOpen={onOpen} />
          </section>
        );
      })}
      {FOLDED_STATUSES.map((status) =>
        (folded[status] ?? 0) > 0 ? (
          <details
            key={status}
            className="column folded"
            aria-label={`${STATUS_LABELS[status]} (${folded[status]})`}
            open={unfolded.includes(status)}
            onToggle={(e) => {
              const isOpen = (e.target as HTMLDetailsElement).open;
              setUnfolded((u) => (isOpen ? (u.includes(status) ? u : [...u, status]) : u.filter((s) => s !== status)));
            }}
          >
            <summary>
              {STATUS_LABELS[status]} <span className="muted">({folded[status]})</span>
            </summary>
            {unfolded.includes(status) && <Cards db={db} initial={board.first} requests={shown.filter((r) => r.status === status)} settings={settings} now={now} onOpen={onOpen} />}
          </details>
        ) : null,
      )}
    </section>
  );
}

/** Cards a column shows at first; "Show more" adds as many again. */
export const COLUMN_PAGE = 50;

/**
 * One column's cards, a page at a time: only the requests on screen have their
 * people and meetings read (by key), so a column of thousands costs what it shows.
 */
function Cards({
  db,
  initial,
  requests,
  settings,
  now,
  onOpen,
}: {
  db: IntrobookDB;
  /** The board's first read: each column's first page with its people (enough until a filter or "Show more"). */
  initial: RequestsWithPeople;
  requests: IntroRequest[];
  settings: Settings;
  now: number;
  onOpen: (id: string) => void;
}) {
  const week = { timeZone: settings.timeZone, workingDays: settings.workingDays };
  const [shown, setShown] = useState(COLUMN_PAGE);
  const visible = requests.slice(0, shown);
  const covered = new Set(initial.requests.map((r) => r.id));
  const own = visible.every((r) => covered.has(r.id));
  const more = useLiveQuery(() => (own ? Promise.resolve(null) : withPeople(db, visible)), [own, visible.map((r) => `${r.id}:${r.updatedAt}`).join()]);
  // While more cards' people are read, the cards already known stay on screen.
  const data = own || !more ? { ...initial, requests: visible.filter((r) => covered.has(r.id)) } : more;
  return (
    <>
      <ul className="cards">
        {data.requests.map((r) => {
          const names = data.namesOf(r);
          const action = nextAction(r, names, week, data.meetings.get(r.id));
          const overdue = action?.dueAt != null && action.dueAt <= now;
          return (
            <li key={r.id} className={overdue ? 'card overdue' : 'card'}>
              <button type="button" className="card-button" onClick={() => onOpen(r.id)}>
                <span className="person-row-name">{names.target}</span>
                <span className="muted">{r.kind === 'intro' ? t('requestBoard.via', { name: names.connector ?? '' }) : t('requestBoard.direct')}</span>
                {action && (
                  <span className="card-next">
                    {action.label}
                    {action.dueAt !== null && t(overdue ? 'requestBoard.due' : 'requestBoard.by', { when: formatWhen(action.dueAt, settings.timeZone) })}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
      {requests.length > shown && (
        <div className="actions">
          <button type="button" onClick={() => setShown((n) => n + COLUMN_PAGE)}>
            {t('requestBoard.showMore', { more: formatNumber(Math.min(COLUMN_PAGE, requests.length - shown)), hidden: formatNumber(requests.length - shown) })}
          </button>
        </div>
      )}
    </>
  );
}

function matches(r: IntroRequest, f: Filters, people: Map<string, Person>): boolean {
  return (!f.person || r.targetId === f.person) && (!f.connector || r.connectorId === f.connector) && (!f.company || people.get(r.targetId)?.company === f.company);
}

function uniquePeople(list: (Person | undefined)[]): Person[] {
  const map = new Map<string, Person>();
  for (const p of list) if (p) map.set(p.id, p);
  return Array.from(map.values()).sort((a, b) => a.name.localeCompare(b.name));
}

function Filter({ label, value, onChange, options }: { label: string; value: string; onChange: (v: string) => void; options: [string, string][] }) {
  const id = useId();
  return (
    <span className="filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('requestBoard.all')}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </span>
  );
}
