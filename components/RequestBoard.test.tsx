// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countReads, makeCapture, makeTestDb } from '@/tests/helpers/db';
import type { IntrobookDB } from '@/utils/db/app-db';
import { createRequest, markSent, moveRequest } from '@/utils/db/intros';
import { savePersonCapture } from '@/utils/db/people';
import { defaultSettings } from '@/utils/settings';
import { COLUMN_PAGE, RequestBoard } from './RequestBoard';

let db: IntrobookDB;
let reads: ReturnType<typeof countReads>;
beforeEach(() => {
  db = makeTestDb(new IDBFactory());
  reads = countReads(db);
});
afterEach(() => {
  cleanup();
  db.close();
});

describe('the requests board', () => {
  it('folds finished requests away (counted, not read) and shows long columns a page at a time', async () => {
    const user = userEvent.setup();
    const ada = (await savePersonCapture(db, makeCapture())).person;
    for (let i = 0; i < COLUMN_PAGE + 10; i++) await createRequest(db, { kind: 'direct', targetId: ada.id, connectorId: null, message: `draft ${i}` });
    const closed: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await markSent(db, (await createRequest(db, { kind: 'direct', targetId: ada.id, connectorId: null })).id, 'copy');
      closed.push((await moveRequest(db, r.id, 'withdrawn')).id);
    }
    reads.reset();
    render(<RequestBoard db={db} settings={defaultSettings()} now={Date.now()} onOpen={() => {}} />);
    const drafts = await screen.findByRole('region', { name: `Draft (${COLUMN_PAGE + 10})` });
    expect(within(drafts).getAllByRole('listitem')).toHaveLength(COLUMN_PAGE);
    const withdrawn = screen.getByRole('group', { name: 'Withdrawn (5)' });
    expect(within(withdrawn).queryAllByRole('listitem')).toHaveLength(0);
    // Only the open requests were read.
    expect(reads.rows.intros).toBe(COLUMN_PAGE + 10);

    await user.click(within(drafts).getByRole('button', { name: 'Show 10 more (10 not shown)' }));
    // The next page's people are read by key when asked for.
    await waitFor(() => expect(within(drafts).getAllByRole('listitem')).toHaveLength(COLUMN_PAGE + 10));
    await user.click(within(withdrawn).getByText('Withdrawn'));
    await waitFor(() => expect(within(withdrawn).getAllByRole('listitem')).toHaveLength(5));
  });
});
