import { useLiveQuery } from 'dexie-react-hooks';
import type { IntrobookDB } from '@/utils/db/app-db';
import { requestsDueBy, withPeople } from '@/utils/db/intros';
import { endOfLocalDay } from '@/utils/domain/business-days';
import { dueBy } from '@/utils/domain/follow-ups';
import { formatWhen } from './format';
import { useNow, useSettings } from './hooks';

/**
 * What is due by the end of today, soonest first: read by the due-date index
 * (only the due requests and their people), re-read when the day changes.
 */
export function DueToday({ db, onOpen }: { db: IntrobookDB; onOpen: (requestId: string) => void }) {
  const settings = useSettings();
  const now = useNow();
  const until = endOfLocalDay(now, settings.timeZone);
  const days = settings.workingDays.join();
  const due = useLiveQuery(async () => {
    const { requests, namesOf, meetings } = await withPeople(db, await requestsDueBy(db, until));
    return dueBy(requests, namesOf, { timeZone: settings.timeZone, workingDays: settings.workingDays }, until, (r) => meetings.get(r.id));
  }, [until, settings.timeZone, days]);
  if (!due || due.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="due-today">
      <h2 className="panel-title" id="due-today">
        Due today ({due.length})
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
    </section>
  );
}
