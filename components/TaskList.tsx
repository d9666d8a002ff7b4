import type { IntrobookDB } from '@/utils/db/app-db';
import { removeTask, setTaskDone } from '@/utils/db/ledger';
import { TASK_KIND_LABELS, type Task } from '@/utils/domain/ledger';
import type { Settings } from '@/utils/domain/schemas';
import { formatWhen } from './format';
import { useNow } from './hooks';
import { SyncedCheck } from './Synced';

/** Follow-through tasks: tick when done (saved at once), with their due dates. */
export function TaskList({ tasks, db, settings, label }: { tasks: Task[]; db: IntrobookDB; settings: Settings; label: string }) {
  const now = useNow();
  return (
    <ul className="task-list" aria-label={label}>
      {tasks.map((t) => (
        <li key={t.id} className={t.doneAt !== null ? 'done' : t.dueAt !== null && t.dueAt <= now ? 'overdue' : undefined}>
          <label className="inline task-text">
            <SyncedCheck checked={t.doneAt !== null} onChecked={(done) => void setTaskDone(db, t.id, done)} /> {t.text}
          </label>
          <span className="muted small task-due" title={TASK_KIND_LABELS[t.kind]}>
            {t.dueAt !== null ? `due ${formatWhen(t.dueAt, settings.timeZone)}` : ''}
          </span>
          <button type="button" className="small-button" aria-label={`Delete: ${t.text}`} onClick={() => void removeTask(db, t.id)}>
            ✕
          </button>
        </li>
      ))}
    </ul>
  );
}

