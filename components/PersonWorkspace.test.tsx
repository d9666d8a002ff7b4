// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeCapture, makeTestDb } from '@/tests/helpers/db';
import type { IntrobookDB } from '@/utils/db/app-db';
import { addIntroIdea } from '@/utils/db/ledger';
import { savePersonCapture } from '@/utils/db/people';
import type { Person } from '@/utils/domain/schemas';
import { PersonWorkspace } from './PersonWorkspace';

let db: IntrobookDB;
let ada: Person;
let charles: Person;

beforeEach(async () => {
  db = makeTestDb(new IDBFactory());
  ada = (await savePersonCapture(db, makeCapture())).person;
  charles = (await savePersonCapture(db, makeCapture({ profileUrl: 'https://www.linkedin.com/in/charles-babbage/', name: 'Charles Babbage' }))).person;
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  db.close();
});

describe('introductions you could make', () => {
  it('moves an idea on only when its message really was copied', async () => {
    const user = userEvent.setup();
    const idea = await addIntroIdea(db, { aId: ada.id, bId: charles.id, reason: 'Both build engines' });
    render(<PersonWorkspace person={ada} db={db} />);
    const copy = await screen.findByRole('button', { name: 'Copy the ask to Ada Lovelace' });
    // The clipboard refuses (the page lost focus, or the browser said no).
    const write = vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValueOnce(new DOMException('Document is not focused.', 'NotAllowedError'));
    await user.click(copy);
    await screen.findByText(/could not copy to the clipboard/);
    expect(write).toHaveBeenCalledOnce();
    expect((await db.introIdeas.get(idea.id))?.status).toBe('idea');
    // It works the second time: copied, and the idea is asked.
    await user.click(copy);
    await waitFor(async () => expect((await db.introIdeas.get(idea.id))?.status).toBe('asked'));
    expect(await navigator.clipboard.readText()).toContain('Charles Babbage');
    expect(screen.queryByText(/could not copy to the clipboard/)).toBeNull();
  });
});
