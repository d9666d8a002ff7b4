/**
 * A row's sync history: values that lost to a change made on another browser
 * at the same time (every browser kept the same winner), and saves of the same
 * person on two browsers that were folded into this one. Shows nothing when
 * sync never had to decide anything for this row.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { IntrobookDB } from '@/utils/db/app-db';
import { describeValue, fieldLabel, historyOf } from '@/utils/sync/notices';
import { t } from '@/utils/i18n';

export function SyncHistory({ db, table, rowId }: { db: IntrobookDB; table: string; rowId: string }) {
  const history = useLiveQuery(() => historyOf(db, table, rowId), [db, table, rowId]);
  if (!history || history.length === 0) return null;
  return (
    <>
      <h3 className="panel-title">{t('syncHistory.changedOnTwoBrowsersAtOnce')}</h3>
      <ul className="history" aria-label={t('syncHistory.syncHistory')}>
        {history.map((c) => (
          <li key={c.id}>
            {c.kind === 'merge' ? (
              <>{t('syncHistory.savedOnTwoBrowsersWhileThey')}</>
            ) : (
              <>
                {t('syncHistory.keptOther', { field: fieldLabel(c.field ?? ''), kept: describeValue(table, c.field ?? '', c.kept), other: describeValue(table, c.field ?? '', c.other) })}
              </>
            )}{' '}
            <span className="muted">({new Date(c.at).toLocaleString()})</span>
          </li>
        ))}
      </ul>
    </>
  );
}
