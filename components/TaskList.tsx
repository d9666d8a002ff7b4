import type { IntrobookDB } from '@/utils/db/app-db';
import { removeTask, setTaskDone } from '@/utils/db/ledger';
import { TASK_KIND_LABELS, type Task } from '@/utils/domain/ledger';
import type { Settings } from '@/utils/domain/schemas';
import { formatWhen } from './format';
import { useNow } from './now';
import { SyncedCheck } from './Synced';
import { t } from '@/utils/i18n';
import { useState } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { userMessage } from './user-message';

/** Follow-through tasks: tick when done (saved at once), with their due dates. */
export function TaskList({ tasks, db, settings, label }: { tasks: Task[]; db: IntrobookDB; settings: Settings; label: string }) {
  const now = useNow();
  const [error, setError] = useState<string | null>(null);
  /** Tick or remove: a write that fails says why (a full disk says so; a task removed elsewhere says so). */
  const run = (write: Promise<unknown>): Promise<boolean> =>
    write.then(
      () => (setError(null), true),
      (err: unknown) => (setError(userMessage(err, t('notSaved.task'))), false),
    );
  return (
    <>
    <ul className="task-list" aria-label={label}>
      {tasks.map((task) => (
        <li key={task.id} className={task.doneAt !== null ? 'done' : task.dueAt !== null && task.dueAt <= now ? 'overdue' : undefined}>
          <label className="inline task-text">
            <SyncedCheck checked={task.doneAt !== null} onChecked={(done) => run(setTaskDone(db, task.id, done))} /> {task.text}
          </label>
          <span className="muted small task-due" title={TASK_KIND_LABELS[task.kind]}>
            {task.dueAt !== null ? t('taskList.due', { when: formatWhen(task.dueAt, settings.timeZone) }) : ''}
          </span>
          <button type="button" className="small-button" aria-label={t('taskList.delete', { text: task.text })} onClick={() => void run(removeTask(db, task.id))}>
            ✕
          </button>
        </li>
      ))}
    </ul>
    <ErrorMessage text={error} />
    </>
  );
}

