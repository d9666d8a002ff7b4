import { useLiveQuery } from 'dexie-react-hooks';
import type { IntrobookDB } from '@/utils/db/app-db';
import { countDueBy, requestsDueBy, withPeople } from '@/utils/db/intros';
import { endOfLocalDay } from '@/utils/domain/business-days';
import { dueBy } from '@/utils/domain/follow-ups';
import { formatWhen } from './format';
import { useNow, useSettings } from './hooks';

/** How many due steps the popup lists; the rest are counted. */
export const DUE_SHOWN = 20;

/**
 * What is due by the end of today, longest overdue first: read by the due-date
 * index (the first few due requests and their people, and a count of the
 * rest), re-read when the day changes.
 */
export function DueToday({ db, onOpen }: { db: IntrobookDB; onOpen: (requestId: string) => void }) {
  const settings = useSettings();
  const now = useNow();
  const until = endOfLocalDay(now, settings.timeZone);
  const days = settings.workingDays.join();
  const data = useLiveQuery(async () => {
    const [rows, total] = await Promise.all([requestsDueBy(db, until, DUE_SHOWN), countDueBy(db, until)]);
    const { requests, namesOf, meetings } = await withPeople(db, rows);
    const items = dueBy(requests, namesOf, { timeZone: settings.timeZone, workingDays: settings.workingDays }, until, (r) => meetings.get(r.id));
    return { items, total: Math.max(total - (rows.length - items.length), items.length) };
  }, [until, settings.timeZone, days]);
  if (!data || data.items.length === 0) return null;
  const due = data.items;
  return (
    <section className="panel" aria-labelledby="due-today">
      <h2 className="panel-title" id="due-today">
        Due today ({data.total})
      </h2>
      <ul className="due-list">
        {due.map((item) => (
          <li key={item.requestId}>
            <button type="button" className="card-button" onClick={() => onOpen(item.requestId)}>
              <span>{item.label}</span>
              <span className="card-next">
                {item.dueAt <= now ? 'Due since' : 'Due'} {formatWhen(item.dueAt, settings.timeZone)}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {data.total > due.length && (
        <p className="muted small">And {data.total - due.length} more: see the Requests board in the side panel.</p>
      )}
    </section>
  );
}
