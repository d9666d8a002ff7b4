import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import type { IntrobookDB } from '@/utils/db/app-db';
import { loadRequestsWithPeople } from '@/utils/db/intros';
import { nextAction } from '@/utils/domain/follow-ups';
import { STATUS_LABELS, STATUSES } from '@/utils/domain/intro-status';
import type { Person, Settings } from '@/utils/domain/schemas';
import { formatWhen } from './format';

/** Every request by status, filterable by person, connector and company; each with its next step and due date. */
export function RequestBoard({ db, settings, now, onOpen }: { db: IntrobookDB; settings: Settings; now: number; onOpen: (id: string) => void }) {
  const id = useId();
  const data = useLiveQuery(() => loadRequestsWithPeople(db), []);
  const [person, setPerson] = useState('');
  const [connector, setConnector] = useState('');
  const [company, setCompany] = useState('');
  if (!data) return <p className="muted">Loading…</p>;
  const { requests, people, namesOf } = data;
  const week = { timeZone: settings.timeZone, workingDays: settings.workingDays };
  const targets = uniquePeople(requests.map((r) => people.get(r.targetId)));
  const connectors = uniquePeople(requests.map((r) => (r.connectorId ? people.get(r.connectorId) : undefined)));
  const companies = Array.from(new Set(targets.map((p) => p.company).filter((c): c is string => Boolean(c)))).sort();
  const shown = requests.filter(
    (r) =>
      (!person || r.targetId === person) &&
      (!connector || r.connectorId === connector) &&
      (!company || people.get(r.targetId)?.company === company),
  );

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 className="panel-title" id={`${id}-title`}>
        Intro requests ({shown.length})
      </h2>
      <div className="filters">
        <Filter label="Person" value={person} onChange={setPerson} options={targets.map((p) => [p.id, p.name])} />
        <Filter label="Connector" value={connector} onChange={setConnector} options={connectors.map((p) => [p.id, p.name])} />
        <Filter label="Company" value={company} onChange={setCompany} options={companies.map((c) => [c, c])} />
      </div>
      {requests.length === 0 && <p className="muted">No requests yet. Open a saved person and ask who can introduce you.</p>}
      {STATUSES.map((status) => {
        const inColumn = shown.filter((r) => r.status === status);
        if (inColumn.length === 0) return null;
        return (
          <section key={status} className="column" aria-label={`${STATUS_LABELS[status]} (${inColumn.length})`}>
            <h3>
              {STATUS_LABELS[status]} <span className="muted">({inColumn.length})</span>
            </h3>
            <ul className="cards">
              {inColumn.map((r) => {
                const names = namesOf(r);
                const action = nextAction(r, names, week);
                const overdue = action?.dueAt != null && action.dueAt <= now;
                return (
                  <li key={r.id} className={overdue ? 'card overdue' : 'card'}>
                    <button type="button" className="card-button" onClick={() => onOpen(r.id)}>
                      <span className="person-row-name">{names.target}</span>
                      <span className="muted">{r.kind === 'intro' ? ` via ${names.connector}` : ' (direct)'}</span>
                      {action && (
                        <span className="card-next">
                          {action.label}
                          {action.dueAt !== null && ` · ${overdue ? 'due' : 'by'} ${formatWhen(action.dueAt, settings.timeZone)}`}
                        </span>
                      )}
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </section>
  );
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
        <option value="">All</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </span>
  );
}
