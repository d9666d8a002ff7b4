// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeCapture, makeTestDb, quotaError } from '@/tests/helpers/db';
import type { IntrobookDB } from '@/utils/db/app-db';
import { storageFullMessage } from '@/utils/db/errors';
import { getMeeting, scheduleMeeting } from '@/utils/db/meetings';
import { savePersonCapture } from '@/utils/db/people';
import type { Meeting, Person } from '@/utils/domain/schemas';
import { PersonWorkspace } from './PersonWorkspace';
import { dismissToast, Toasts } from './Toasts';

let db: IntrobookDB;
let ada: Person;
let meeting: Meeting;

beforeEach(async () => {
  db = makeTestDb(new IDBFactory());
  ada = (await savePersonCapture(db, makeCapture())).person;
  meeting = await scheduleMeeting(db, { personId: ada.id, startsAt: Date.now() + 2 * 86_400_000, durationMin: 30, link: 'https://meet.google.com/abc-defg-hij' });
});
afterEach(() => {
  dismissToast();
  cleanup();
  vi.restoreAllMocks();
  db.close();
});

function View() {
  return (
    <>
      <PersonWorkspace person={ada} db={db} />
      <Toasts />
    </>
  );
}

const sheet = () => screen.findByRole('region', { name: 'Prep sheet for Ada Lovelace' });

describe('cancelling a meeting', () => {
  it('says so with Undo, and Undo brings the meeting and its prep sheet back', async () => {
    const user = userEvent.setup();
    render(<View />);
    await user.click(within(await sheet()).getByRole('button', { name: 'Change meeting details' }));
    await user.click(screen.getByRole('button', { name: 'Cancel this meeting' }));
    await waitFor(async () => expect(await getMeeting(db, meeting.id)).toBeUndefined());
    const toast = screen.getByRole('status', { name: 'Notifications' });
    await waitFor(() => expect(toast).toHaveTextContent('Meeting cancelled.'));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Prep sheet for Ada Lovelace' })).toBeNull());
    await user.click(within(toast).getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await getMeeting(db, meeting.id)).toMatchObject({ id: meeting.id, deletedAt: null }));
    expect(await sheet()).toBeInTheDocument();
    await waitFor(() => expect(toast).toHaveTextContent('Undone.'));
  });

  it('says the disk is full when the cancel cannot be stored, and the meeting stays', async () => {
    const user = userEvent.setup();
    render(<View />);
    await user.click(within(await sheet()).getByRole('button', { name: 'Change meeting details' }));
    vi.spyOn(db.meetings, 'update').mockRejectedValue(quotaError());
    await user.click(screen.getByRole('button', { name: 'Cancel this meeting' }));
    expect(await within(screen.getByRole('form', { name: 'Meeting details' })).findByRole('alert')).toHaveTextContent(storageFullMessage());
    expect(screen.getByRole('status', { name: 'Notifications' })).not.toHaveTextContent('Meeting cancelled.');
    expect(await getMeeting(db, meeting.id)).toBeDefined();
  });
});

describe('a full disk in the prep sheet', () => {
  it('says so when a question cannot be added, and keeps it in the box', async () => {
    const user = userEvent.setup();
    render(<View />);
    const form = within(await sheet()).getByRole('form', { name: 'Add your own question' });
    await waitFor(async () => expect(await db.meetingNotes.get(meeting.id)).toBeDefined());
    vi.spyOn(db.meetingNotes, 'put').mockRejectedValue(quotaError());
    await user.type(within(form).getByRole('textbox', { name: 'Your own question' }), 'What changed this year?');
    await user.click(within(form).getByRole('button', { name: 'Add question' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(storageFullMessage());
    expect(within(form).getByRole('textbox', { name: 'Your own question' })).toHaveValue('What changed this year?');
  });

  it('says so when a reason cannot be ticked', async () => {
    const user = userEvent.setup();
    render(<View />);
    const why = within(await sheet()).getByRole('group', { name: 'Why this person' });
    await waitFor(async () => expect(await db.meetingNotes.get(meeting.id)).toBeDefined());
    vi.spyOn(db.meetingNotes, 'put').mockRejectedValue(quotaError());
    await user.click(within(why).getAllByRole('checkbox')[0]!);
    expect(await within(why).findByRole('alert')).toHaveTextContent(storageFullMessage());
  });
});
