// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeCapture, makeTestDb, quotaError } from '@/tests/helpers/db';
import type { IntrobookDB } from '@/utils/db/app-db';
import { storageFullMessage } from '@/utils/db/errors';
import { addFavour, addIntroIdea } from '@/utils/db/ledger';
import { savePersonCapture } from '@/utils/db/people';
import type { Person } from '@/utils/domain/schemas';
import { defaultSettings, saveSettings } from '@/utils/settings';
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


describe('dates', () => {
  it('dates favours in the settings’ time zone, not the computer’s', async () => {
    await saveSettings({ ...defaultSettings(), timeZone: 'Pacific/Kiritimati' });
    // Noon in UTC is already the next day at UTC+14.
    const at = Date.UTC(2026, 10, 27, 12, 0);
    await addFavour(db, { personId: ada.id, direction: 'received', text: 'Reviewed my CV', at });
    render(<PersonWorkspace person={ada} db={db} />);
    const favours = await screen.findByRole('list', { name: 'Favours with Ada Lovelace' });
    const day = (timeZone: string) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone }).format(at);
    await waitFor(() => expect(favours).toHaveTextContent(day('Pacific/Kiritimati')));
    expect(day('Pacific/Kiritimati')).not.toBe(day('UTC'));
    expect(favours).not.toHaveTextContent(new Date(at).toLocaleDateString());
  });
});

describe('a full disk', () => {
  it('says so when a tag, an offer or a favour cannot be stored, and keeps what was typed', async () => {
    const user = userEvent.setup();
    render(<PersonWorkspace person={ada} db={db} />);
    vi.spyOn(db.people, 'put').mockRejectedValue(quotaError());
    vi.spyOn(db.tasks, 'add').mockRejectedValue(quotaError());
    vi.spyOn(db.favours, 'add').mockRejectedValue(quotaError());

    const tags = screen.getByRole('form', { name: 'Add tags' });
    await user.type(within(tags).getByRole('combobox', { name: 'Add a tag' }), 'mentor');
    await user.click(within(tags).getByRole('button', { name: 'Add tag' }));
    expect(await within(screen.getByRole('region', { name: 'Tags' })).findByRole('alert')).toHaveTextContent(storageFullMessage());
    expect(within(tags).getByRole('combobox', { name: 'Add a tag' })).toHaveValue('mentor');

    const offer = screen.getByRole('form', { name: 'Something you offered' });
    await user.type(within(offer).getByRole('textbox'), 'Send the article');
    await user.click(within(offer).getByRole('button', { name: 'Add offer' }));
    expect(await within(offer).findByRole('alert')).toHaveTextContent(storageFullMessage());
    expect(within(offer).getByRole('textbox')).toHaveValue('Send the article');

    const favour = screen.getByRole('form', { name: 'Record a favour' });
    await user.type(within(favour).getByRole('textbox'), 'Reviewed my CV');
    await user.click(within(favour).getByRole('button', { name: 'Record favour' }));
    expect(await within(favour).findByRole('alert')).toHaveTextContent(storageFullMessage());
    expect(within(favour).getByRole('textbox')).toHaveValue('Reviewed my CV');
  });

  it('says so when an intro idea cannot move on after its message was copied, and does not say "Copied"', async () => {
    const user = userEvent.setup();
    const idea = await addIntroIdea(db, { aId: ada.id, bId: charles.id, reason: 'Both build engines' });
    render(<PersonWorkspace person={ada} db={db} />);
    const copy = await screen.findByRole('button', { name: 'Copy the ask to Ada Lovelace' });
    vi.spyOn(db.introIdeas, 'put').mockRejectedValue(quotaError());
    await user.click(copy);
    expect(await screen.findByText(storageFullMessage())).toBeInTheDocument();
    expect(screen.queryByText(/^Copied/)).toBeNull();
    expect((await db.introIdeas.get(idea.id))?.status).toBe('idea');
  });

  it('says so when a favour cannot be deleted', async () => {
    const user = userEvent.setup();
    await addFavour(db, { personId: ada.id, direction: 'given', text: 'Shared a paper' });
    render(<PersonWorkspace person={ada} db={db} />);
    const remove = await screen.findByRole('button', { name: /Shared a paper/ });
    vi.spyOn(db.favours, 'update').mockRejectedValue(quotaError());
    await user.click(remove);
    expect(await screen.findByText(storageFullMessage())).toBeInTheDocument();
  });
});
