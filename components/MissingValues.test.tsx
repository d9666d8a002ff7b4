// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeCapture, makeTestDb, quotaError } from '@/tests/helpers/db';
import type { IntrobookDB } from '@/utils/db/app-db';
import { getDb } from '@/utils/db/db';
import { storageFullMessage } from '@/utils/db/errors';
import { savePersonCapture } from '@/utils/db/people';
import type { Person } from '@/utils/domain/schemas';
import { defaultSettings } from '@/utils/settings';
import { MissingValues } from './MissingValues';

let db: IntrobookDB;
let ada: Person;

beforeEach(async () => {
  db = makeTestDb(new IDBFactory());
  ada = (await savePersonCapture(db, makeCapture({ company: null, positions: [] }))).person;
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  db.close();
});


describe('filling a missing value in place, with a full disk', () => {
  it('says the disk is full when a setting cannot be stored, and keeps the value typed', async () => {
    const user = userEvent.setup();
    render(<MissingValues db={db} variables={['me.goal']} settings={defaultSettings()} people={{ target: ada }} />);
    vi.spyOn(getDb().settings, 'put').mockRejectedValue(quotaError());
    await user.click(screen.getByRole('button', { name: 'Fill in goal' }));
    const form = screen.getByRole('form', { name: 'Fill in Goal' });
    await user.type(within(form).getByRole('textbox', { name: 'Goal' }), 'climate tech');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(storageFullMessage());
    expect(within(form).getByRole('textbox', { name: 'Goal' })).toHaveValue('climate tech');
  });

  it('says the disk is full when a person’s field cannot be stored', async () => {
    const user = userEvent.setup();
    render(<MissingValues db={db} variables={['target.company']} settings={defaultSettings()} people={{ target: ada }} />);
    vi.spyOn(db.people, 'put').mockRejectedValue(quotaError());
    await user.click(screen.getByRole('button', { name: /company/ }));
    const form = screen.getByRole('form');
    await user.type(within(form).getByRole('textbox'), 'Analytical Engines');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(storageFullMessage());
  });
});
