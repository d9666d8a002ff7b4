// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { makeCapture } from '@/tests/helpers/db';
import { defaultSettings } from '@/utils/settings';
import { getDb } from '@/utils/db/db';
import { createRequest } from '@/utils/db/intros';
import { savePersonCapture } from '@/utils/db/people';
import { Panel } from './Lazy';

afterEach(async () => {
  cleanup();
  await getDb().delete();
});

describe('the side panel’s views loaded on first showing', () => {
  it('announce that they are loading (role=status), then show the view, with the page’s own database and the props they were given', async () => {
    // The first view has no database; a view that edits gets the page's own once its code has loaded.
    const pageDb = getDb();
    const ada = (await savePersonCapture(pageDb, makeCapture())).person;
    const request = await createRequest(pageDb, { kind: 'direct', targetId: ada.id, connectorId: null, message: 'hello' });
    let opened = '';
    render(<Panel.RequestBoard settings={defaultSettings()} now={Date.now()} onOpen={(id) => (opened = id)} />);
    // The view's code is not loaded yet on the first render: a polite status says so.
    expect(screen.getByRole('status')).toHaveTextContent('Loading');
    // Then the board itself, with the request from that database, and the status is gone.
    const drafts = await screen.findByRole('region', { name: 'Draft (1)' });
    expect(screen.queryByText('Loading…')).toBeNull();
    await userEvent.setup().click(within(drafts).getAllByRole('button')[0]!);
    expect(opened).toBe(request.id);
  });
});
