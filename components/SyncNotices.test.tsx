// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeTestDb, quotaError } from '@/tests/helpers/db';
import type { IntrobookDB } from '@/utils/db/app-db';
import { storageFullMessage } from '@/utils/db/errors';
import type { SyncConflict } from '@/utils/sync/schemas';
import { SyncNotices } from './SyncNotices';

let db: IntrobookDB;
beforeEach(() => {
  db = makeTestDb(new IDBFactory());
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  db.close();
});

const offer = { id: crypto.randomUUID(), table: 'people', rowId: crypto.randomUUID(), kind: 'restore' } as unknown as SyncConflict;

describe('restore offers, when a write fails', () => {
  it('says the disk is full when a restore or a "keep removed" cannot be stored, and the offer stays', async () => {
    const user = userEvent.setup();
    render(<SyncNotices db={db} offers={[{ offer, label: 'Ada Lovelace' }]} />);
    vi.spyOn(db.syncConflicts, 'update').mockRejectedValue(quotaError());
    vi.spyOn(db.syncConflicts, 'put').mockRejectedValue(quotaError());
    await user.click(screen.getByRole('button', { name: 'Restore Ada Lovelace' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(storageFullMessage());
    cleanup();
    render(<SyncNotices db={db} offers={[{ offer, label: 'Ada Lovelace' }]} />);
    await user.click(screen.getByRole('button', { name: 'Keep Ada Lovelace removed' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(storageFullMessage());
    expect(screen.getByRole('button', { name: 'Restore Ada Lovelace' })).toBeInTheDocument();
  });
});
