// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeCapture, makeTestDb } from '@/tests/helpers/db';
import type { IntrobookDB } from '@/utils/db/app-db';
import { storageFullMessage } from '@/utils/db/errors';
import { scheduleMeeting } from '@/utils/db/meetings';
import { savePersonCapture } from '@/utils/db/people';
import { updateMeetingNotes } from '@/utils/db/workspace';
import type { Meeting } from '@/utils/domain/schemas';
import type { Person } from '@/utils/domain/schemas';
import { defaultSettings } from '@/utils/settings';
import { AfterCall, WhoElse } from './CallView';

let db: IntrobookDB;
let ada: Person;
let meeting: Meeting;
beforeEach(async () => {
  db = makeTestDb(new IDBFactory());
  ada = (await savePersonCapture(db, makeCapture())).person;
  meeting = await scheduleMeeting(db, { personId: ada.id, startsAt: Date.now() - 2 * 3_600_000 });
  await updateMeetingNotes(db, meeting.id, { advice: [{ id: crypto.randomUUID(), text: 'Write a one-page brief', actedOnAt: null }] });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  db.close();
});

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('after the call, with a full disk', () => {
  it('advice that cannot be added, ticked or removed says so; the typed advice stays and the box goes back', async () => {
    const user = userEvent.setup();
    render(<AfterCall db={db} person={ada} meeting={meeting} settings={defaultSettings()} />);
    const list = await screen.findByRole('list', { name: 'Advice received' });
    vi.spyOn(db.meetingNotes, 'put').mockRejectedValue(quota());
    const box = screen.getByRole('checkbox', { name: 'I acted on: Write a one-page brief' });
    await user.click(box);
    expect(await screen.findByRole('alert')).toHaveTextContent(storageFullMessage());
    expect(box).not.toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Remove advice: Write a one-page brief' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(storageFullMessage());
    expect(list).toHaveTextContent('Write a one-page brief');
    const form = screen.getByRole('form', { name: 'Add advice' });
    await user.type(within(form).getByRole('textbox', { name: 'A piece of advice' }), 'Ship a side project');
    await user.click(within(form).getByRole('button', { name: 'Add advice' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(storageFullMessage());
    expect(within(form).getByRole('textbox', { name: 'A piece of advice' })).toHaveValue('Ship a side project');
    expect((await db.meetingNotes.get(meeting.id))?.advice.map((a) => [a.text, a.actedOnAt])).toEqual([['Write a one-page brief', null]]);
  });

  it('in the call, a suggested person that cannot be added says so, and what was typed stays', async () => {
    const user = userEvent.setup();
    const notes = (await db.meetingNotes.get(meeting.id))!;
    render(<WhoElse notes={notes} save={(change) => updateMeetingNotes(db, meeting.id, change)} />);
    const form = await screen.findByRole('form', { name: 'Add a suggested person' });
    vi.spyOn(db.meetingNotes, 'put').mockRejectedValue(quota());
    await user.type(within(form).getByRole('textbox', { name: 'Someone to talk to' }), 'Grace Hopper');
    await user.click(within(form).getByRole('button'));
    expect(await screen.findByRole('alert')).toHaveTextContent(storageFullMessage());
    expect(within(form).getByRole('textbox', { name: 'Someone to talk to' })).toHaveValue('Grace Hopper');
    expect((await db.meetingNotes.get(meeting.id))?.suggestions).toEqual([]);
  });
});
