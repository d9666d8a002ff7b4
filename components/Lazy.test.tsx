// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCapture, makeTestDb } from '@/tests/helpers/db';
import type { IntrobookDB } from '@/utils/db/app-db';
import { defaultSettings } from '@/utils/settings';
import { getDb } from '@/utils/db/db';
import { createRequest } from '@/utils/db/intros';
import { savePersonCapture } from '@/utils/db/people';
import { LazyRequestBoard, Panel } from './Lazy';

let db: IntrobookDB;
beforeEach(() => {
  db = makeTestDb(new IDBFactory());
});
afterEach(() => {
  cleanup();
  db.close();
});

describe('views loaded on first showing', () => {
  it('announce that they are loading (role=status), then show the view with the props they were given', async () => {
    let opened = '';
    render(<LazyRequestBoard db={db} settings={defaultSettings()} now={Date.now()} onOpen={(id) => (opened = id)} />);
    // The view's code is not loaded yet on the first render: a polite status says so.
    expect(screen.getByRole('status')).toHaveTextContent('Loading');
    // Then the board itself (its empty state: no requests yet), and the status is gone.
    expect(await screen.findByRole('heading', { name: /requests/i })).toBeInTheDocument();
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(opened).toBe('');
  });

  it('the side panel’s views get the page’s own database once their code has loaded (the first view has none)', async () => {
    const pageDb = getDb();
    const ada = (await savePersonCapture(pageDb, makeCapture())).person;
    await createRequest(pageDb, { kind: 'direct', targetId: ada.id, connectorId: null, message: 'hello' });
    render(<Panel.RequestBoard settings={defaultSettings()} now={Date.now()} onOpen={() => {}} />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading');
    expect(await screen.findByRole('region', { name: 'Draft (1)' })).toBeInTheDocument();
    await pageDb.delete();
  });
});
