// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeTestDb, quotaError } from '@/tests/helpers/db';
import type { IntrobookDB } from '@/utils/db/app-db';
import { storageFullMessage } from '@/utils/db/errors';
import { TemplatesView } from './TemplatesView';

let db: IntrobookDB;
beforeEach(() => {
  db = makeTestDb(new IDBFactory());
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  db.close();
});

describe('templates', () => {
  it('says the disk is full when a template cannot be stored for lack of space, not that its fields are wrong', async () => {
    const user = userEvent.setup();
    render(<TemplatesView db={db} />);
    await user.click(await screen.findByRole('button', { name: 'New template' }));
    const form = screen.getByRole('form', { name: 'New template' });
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Coffee chat');
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Hi {{{{target.firstName}}, coffee?');
    vi.spyOn(db.templates, 'add').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    vi.spyOn(db.templates, 'put').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    await user.click(screen.getByRole('button', { name: /^Save/ }));
    expect(await screen.findByText(storageFullMessage())).toBeInTheDocument();
    expect(form).toBeInTheDocument(); // the editor stays open with what was typed
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('Coffee chat');
  });
});

describe('templates, with a full disk', () => {
    it('says so when a template cannot be duplicated, deleted or the built-ins restored', async () => {
    const user = userEvent.setup();
    render(<TemplatesView db={db} />);
    const list = await screen.findByRole('list', { name: 'Your templates' });
    const first = (await db.templates.toArray()).sort((a, b) => a.name.localeCompare(b.name))[0]!;
    vi.spyOn(db.templates, 'add').mockRejectedValue(quotaError());
    vi.spyOn(db.templates, 'put').mockRejectedValue(quotaError());
    vi.spyOn(db.templates, 'bulkPut').mockRejectedValue(quotaError());
    vi.spyOn(db.templates, 'update').mockRejectedValue(quotaError());
    vi.spyOn(db.templates, 'delete').mockRejectedValue(quotaError());
    vi.spyOn(db.templates, 'bulkDelete').mockRejectedValue(quotaError());
    vi.spyOn(db.templates, 'bulkAdd').mockRejectedValue(quotaError());
    await user.click(screen.getByRole('button', { name: `Duplicate ${first.name}` }));
    expect(await screen.findByRole('alert')).toHaveTextContent(storageFullMessage());
    await user.click(screen.getByRole('button', { name: `Delete ${first.name}` }));
    expect(await screen.findByRole('alert')).toHaveTextContent(storageFullMessage());
    expect(list).toHaveTextContent(first.name);
    cleanup();
    render(<TemplatesView db={db} />);
    await user.click(await screen.findByRole('button', { name: 'Restore built-in templates' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(storageFullMessage());
  });
});
