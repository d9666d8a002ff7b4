import { useState } from 'react';
import { firstViewArgs } from '@/utils/remote/first-view';
import { useRemoteQuery } from '@/utils/remote/hooks';
import { formatWhen } from './format';
import { useNow } from './now';
import { formatNumber, t, tn } from '@/utils/i18n';


/**
 * What is due by the end of today, longest overdue first — request steps and
 * follow-through tasks (utils/db/due.ts): the first few read by the due-date
 * indexes with their people, the rest counted; re-read when the day changes
 * or the store does. The popup and the side panel's home show this one list, answered by the
 * background (utils/remote/: the page loads no database code, issue #11), which also reads the
 * user's time zone and working days for it.
 */
export function DueToday({
  onOpenRequest,
  onOpenPerson,
  className = 'panel',
  emptyText,
  moreText = t('dueToday.seeTheBoard'),
}: {
  onOpenRequest: (requestId: string) => void;
  /** A task is about a person: open them. */
  onOpenPerson: (personId: string) => void;
  className?: string;
  /** Said when nothing is due (without it, nothing is shown). */
  emptyText?: string;
  /** Where the rest are, after "And N more: ". */
  moreText?: string;
}) {
  const now = useNow();
  // The moment the list is asked for: kept until its day is over (the background answers up to the
  // end of that local day, in the user's time zone), so the clock's ticks don't ask again.
  const [at, setAt] = useState(now);
  const data = useRemoteQuery('due', firstViewArgs.due(at));
  // More due than are listed: the count is asked for once the list is here, so the index count (it
  // walks every due key) never holds up the first view's reads.
  const counted = useRemoteQuery('due/total', data && data.total === null ? firstViewArgs.due(at) : null);
  // A new day: ask again (state adjusted while rendering, React's pattern for state derived from props).
  if (data && now > data.until && at < now) setAt(now);
  if (!data || (data.items.length === 0 && !emptyText)) return null;
  const total = data.total ?? counted?.total ?? null;
  return (
    <section className={className} aria-labelledby="due-today">
      <h2 className="panel-title" id="due-today">
        {total !== null && total > 0 ? t('dueToday.titleCount', { count: formatNumber(total) }) : t('dueToday.title')}
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
                {t(item.dueAt <= now ? 'dueToday.dueSince' : 'taskList.due', { when: formatWhen(item.dueAt, data.timeZone) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {total !== null && total > data.items.length && (
        <p className="muted small">
          {tn('dueToday.andMore', total - data.items.length, { where: moreText })}
        </p>
      )}
    </section>
  );
}
