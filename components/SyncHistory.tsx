/**
 * A row's sync history: values that lost to a change made on another browser
 * at the same time (every browser kept the same winner), and saves of the same
 * person on two browsers that were folded into this one. Shows nothing when
 * sync never had to decide anything for this row.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { IntrobookDB } from '@/utils/db/app-db';
import { describeValue, fieldLabel, historyOf } from '@/utils/sync/notices';

export function SyncHistory({ db, table, rowId }: { db: IntrobookDB; table: string; rowId: string }) {
  const history = useLiveQuery(() => historyOf(db, table, rowId), [db, table, rowId]);
  if (!history || history.length === 0) return null;
  return (
    <>
      <h3 className="panel-title">Changed on two browsers at once</h3>
      <ul className="history" aria-label="Sync history">
        {history.map((c) => (
          <li key={c.id}>
            {c.kind === 'merge' ? (
              <>Saved on two browsers while they were apart; the two records were merged into this one.</>
            ) : (
              <>
                {fieldLabel(c.field ?? '')}: kept “{describeValue(table, c.field ?? '', c.kept)}”; the other browser had “
                {describeValue(table, c.field ?? '', c.other)}”.
              </>
            )}{' '}
            <span className="muted">({new Date(c.at).toLocaleString()})</span>
          </li>
        ))}
      </ul>
    </>
  );
}
