// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeTestDb, quotaError } from '@/tests/helpers/db';
import type { IntrobookDB } from '@/utils/db/app-db';
import { storageFullMessage } from '@/utils/db/errors';
import { addTask, removeTask } from '@/utils/db/ledger';
import { defaultSettings } from '@/utils/domain/settings-defaults';
import type { Task } from '@/utils/domain/ledger';
import { TaskList } from './TaskList';

let db: IntrobookDB;
let task: Task;
beforeEach(async () => {
  db = makeTestDb(new IDBFactory());
  task = await addTask(db, { personId: crypto.randomUUID(), meetingId: null, kind: 'connect', text: 'Connect on LinkedIn', dueAt: null });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  db.close();
});


describe('task list, when a write fails', () => {
  it('says the disk is full when a tick cannot be stored, and the box goes back', async () => {
    const user = userEvent.setup();
    render(<TaskList tasks={[task]} db={db} settings={defaultSettings()} label="Follow-through" />);
    vi.spyOn(db.tasks, 'put').mockRejectedValue(quotaError());
    const box = screen.getByRole('checkbox');
    await user.click(box);
    expect(await screen.findByRole('alert')).toHaveTextContent(storageFullMessage());
    expect(box).not.toBeChecked();
    expect((await db.tasks.get(task.id))?.doneAt).toBeNull();
  });

  it('says the disk is full when a task cannot be removed', async () => {
    const user = userEvent.setup();
    render(<TaskList tasks={[task]} db={db} settings={defaultSettings()} label="Follow-through" />);
    vi.spyOn(db.tasks, 'put').mockRejectedValue(quotaError());
    await user.click(screen.getByRole('button', { name: /Connect on LinkedIn/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent(storageFullMessage());
    expect((await db.tasks.get(task.id))?.deletedAt).toBeNull();
  });

  it('says the task is gone when it was removed elsewhere', async () => {
    const user = userEvent.setup();
    render(<TaskList tasks={[task]} db={db} settings={defaultSettings()} label="Follow-through" />);
    await removeTask(db, task.id);
    await user.click(screen.getByRole('checkbox'));
    expect(await screen.findByRole('alert')).toHaveTextContent('This task no longer exists.');
  });
});
