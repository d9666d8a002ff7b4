import type { IntrobookDB } from '@/utils/db/app-db';
import { removeTask, setTaskDone } from '@/utils/db/ledger';
import { TASK_KIND_LABELS, type Task } from '@/utils/domain/ledger';
import type { Settings } from '@/utils/domain/schemas';
import { formatWhen } from './format';
import { useNow } from './now';
import { SyncedCheck } from './Synced';
import { t } from '@/utils/i18n';

/** Follow-through tasks: tick when done (saved at once), with their due dates. */
export function TaskList({ tasks, db, settings, label }: { tasks: Task[]; db: IntrobookDB; settings: Settings; label: string }) {
  const now = useNow();
  return (
    <ul className="task-list" aria-label={label}>
      {tasks.map((task) => (
        <li key={task.id} className={task.doneAt !== null ? 'done' : task.dueAt !== null && task.dueAt <= now ? 'overdue' : undefined}>
          <label className="inline task-text">
            <SyncedCheck checked={task.doneAt !== null} onChecked={(done) => void setTaskDone(db, task.id, done)} /> {task.text}
          </label>
          <span className="muted small task-due" title={TASK_KIND_LABELS[task.kind]}>
            {task.dueAt !== null ? t('taskList.due', { when: formatWhen(task.dueAt, settings.timeZone) }) : ''}
          </span>
          <button type="button" className="small-button" aria-label={t('taskList.delete', { text: task.text })} onClick={() => void removeTask(db, task.id)}>
            ✕
          </button>
        </li>
      ))}
    </ul>
  );
}

