import { useLiveQuery } from 'dexie-react-hooks';
import type { IntrobookDB } from '@/utils/db/app-db';
import { dueUntil } from '@/utils/db/due';
import { endOfLocalDay } from '@/utils/domain/business-days';
import { formatWhen } from './format';
import { useNow, useSettings } from './hooks';
import { formatNumber, t, tn } from '@/utils/i18n';

/** How many due items are listed; the rest are counted. */
export const DUE_SHOWN = 20;

/**
 * What is due by the end of today, longest overdue first — request steps and
 * follow-through tasks (utils/db/due.ts): the first few read by the due-date
 * indexes with their people, the rest counted; re-read when the day changes
 * or the store does. The popup and the side panel's home show this one list.
 */
export function DueToday({
  db,
  onOpenRequest,
  onOpenPerson,
  className = 'panel',
  emptyText,
  moreText = t('dueToday.seeTheBoard'),
}: {
  db: IntrobookDB;
  onOpenRequest: (requestId: string) => void;
  /** A task is about a person: open them. */
  onOpenPerson: (personId: string) => void;
  className?: string;
  /** Said when nothing is due (without it, nothing is shown). */
  emptyText?: string;
  /** Where the rest are, after "And N more: ". */
  moreText?: string;
}) {
  const settings = useSettings();
  const now = useNow();
  const until = endOfLocalDay(now, settings.timeZone);
  const days = settings.workingDays.join();
  const data = useLiveQuery(
    () => dueUntil(db, { timeZone: settings.timeZone, workingDays: settings.workingDays }, until, DUE_SHOWN),
    [until, settings.timeZone, days],
  );
  if (!data || (data.items.length === 0 && !emptyText)) return null;
  return (
    <section className={className} aria-labelledby="due-today">
      <h2 className="panel-title" id="due-today">
        {data.total > 0 ? t('dueToday.titleCount', { count: formatNumber(data.total) }) : t('dueToday.title')}
      </h2>
      {data.items.length === 0 && <p className="muted small">{emptyText}</p>}
      {data.items.length > 0 && (
        <ul className="due-list" aria-label={t('dueToday.title')}>
          {data.items.map((item) => (
            <li key={item.key} className={item.dueAt < now ? 'overdue' : undefined}>
              <button type="button" className="link-button" onClick={() => (item.kind === 'request' ? onOpenRequest(item.requestId) : onOpenPerson(item.personId))}>
                {item.label}
              </button>{' '}
              <span className="muted small">
                {t(item.dueAt <= now ? 'dueToday.dueSince' : 'taskList.due', { when: formatWhen(item.dueAt, settings.timeZone) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {data.total > data.items.length && (
        <p className="muted small">
          {tn('dueToday.andMore', data.total - data.items.length, { where: moreText })}
        </p>
      )}
    </section>
  );
}
