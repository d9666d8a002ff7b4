// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeCapture, makeTestDb, quotaError } from '@/tests/helpers/db';
import type { IntrobookDB } from '@/utils/db/app-db';
import { storageFullMessage } from '@/utils/db/errors';
import { scheduleMeeting } from '@/utils/db/meetings';
import { createRequest, markSent, moveRequest, scheduleMeetingStep } from '@/utils/db/intros';
import type { LiveCall } from '@/utils/calls-state';
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


/** A request asked, agreed and met, with the meeting it came to (two hours ago). */
async function metRequest() {
  const asked = await markSent(db, (await createRequest(db, { kind: 'direct', targetId: ada.id, connectorId: null })).id, 'copy');
  await moveRequest(db, asked.id, 'agreed');
  const { meeting: met } = await scheduleMeetingStep(db, asked.id, { startsAt: Date.now() - 2 * 3_600_000 });
  return { r: await moveRequest(db, asked.id, 'met'), met };
}

describe('after the call, with a full disk', () => {
  it('advice that cannot be added, ticked or removed says so; the typed advice stays and the box goes back', async () => {
    const user = userEvent.setup();
    render(<AfterCall db={db} person={ada} meeting={meeting} settings={defaultSettings()} />);
    const list = await screen.findByRole('list', { name: 'Advice received' });
    vi.spyOn(db.meetingNotes, 'put').mockRejectedValue(quotaError());
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

  it('a culture observation that cannot be stored says so, and the choice goes back', async () => {
    const user = userEvent.setup();
    render(<AfterCall db={db} person={ada} meeting={meeting} settings={defaultSettings()} />);
    const pace = await screen.findByRole('group', { name: 'Pace and noise' });
    vi.spyOn(db.meetingNotes, 'put').mockRejectedValue(quotaError());
    const quiet = within(pace).getByRole('radio', { name: 'Quiet, unhurried' });
    await user.click(quiet);
    expect(await screen.findByRole('alert')).toHaveTextContent(storageFullMessage());
    expect(quiet).not.toBeChecked();
    await user.click(within(screen.getByRole('group', { name: 'Do people seem happy there?' })).getByRole('radio', { name: 'Mixed' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(storageFullMessage());
    expect((await db.meetingNotes.get(meeting.id))?.culture).toMatchObject({ pace: null, happy: null });
  });

  it('an Undo of "moved to met" that cannot be stored says so, and the request stays met', async () => {
    const user = userEvent.setup();
    const { r, met } = await metRequest();
    const call = { tabId: 1, endedAt: Date.now(), movedRequest: { requestId: r.id, from: 'scheduled' } } as unknown as LiveCall;
    render(<AfterCall db={db} person={ada} meeting={met} settings={defaultSettings()} call={call} />);
    const undo = await screen.findByRole('button', { name: 'Undo' });
    vi.spyOn(db.intros, 'put').mockRejectedValue(quotaError());
    vi.spyOn(db.intros, 'update').mockRejectedValue(quotaError());
    await user.click(undo);
    expect(await screen.findByRole('alert')).toHaveTextContent(storageFullMessage());
    expect((await db.intros.get(r.id))?.status).toBe('met');
  });

  it('"Add the follow-up reminders" that cannot be stored says so', async () => {
    const user = userEvent.setup();
    render(<AfterCall db={db} person={ada} meeting={meeting} settings={defaultSettings()} />);
    const add = await screen.findByRole('button', { name: 'Add the follow-up reminders' });
    vi.spyOn(db.tasks, 'bulkAdd').mockRejectedValue(quotaError());
    vi.spyOn(db.tasks, 'add').mockRejectedValue(quotaError());
    await user.click(add);
    expect(await screen.findByRole('alert')).toHaveTextContent(storageFullMessage());
    expect(await db.tasks.count()).toBe(0);
  });

  it('"I sent the thank-you" and "Done with this call" that cannot be stored say so, and the request stays met', async () => {
    const user = userEvent.setup();
    const { r, met } = await metRequest();
    const call = { tabId: 1, endedAt: Date.now(), movedRequest: null } as unknown as LiveCall;
    render(<AfterCall db={db} person={ada} meeting={met} settings={defaultSettings()} call={call} />);
    const sent = await screen.findByRole('button', { name: 'I sent the thank-you' });
    vi.spyOn(db.intros, 'put').mockRejectedValue(quotaError());
    vi.spyOn(db.intros, 'update').mockRejectedValue(quotaError());
    await user.click(sent);
    expect(await screen.findByRole('alert')).toHaveTextContent(storageFullMessage());
    expect((await db.intros.get(r.id))?.status).toBe('met');
    cleanup();
    render(<AfterCall db={db} person={ada} meeting={met} settings={defaultSettings()} call={call} />);
    const done = await screen.findByRole('button', { name: 'Done with this call' });
    vi.spyOn(db.meetingNotes, 'put').mockRejectedValue(quotaError());
    await user.click(done);
    expect(await screen.findByRole('alert')).toHaveTextContent(storageFullMessage());
    expect((await db.meetingNotes.get(met.id))?.followedUpAt ?? null).toBeNull();
  });

  it('in the call, a suggested person that cannot be added says so, and what was typed stays', async () => {
    const user = userEvent.setup();
    const notes = (await db.meetingNotes.get(meeting.id))!;
    render(<WhoElse notes={notes} save={(change) => updateMeetingNotes(db, meeting.id, change)} />);
    const form = await screen.findByRole('form', { name: 'Add a suggested person' });
    vi.spyOn(db.meetingNotes, 'put').mockRejectedValue(quotaError());
    await user.type(within(form).getByRole('textbox', { name: 'Someone to talk to' }), 'Grace Hopper');
    await user.click(within(form).getByRole('button'));
    expect(await screen.findByRole('alert')).toHaveTextContent(storageFullMessage());
    expect(within(form).getByRole('textbox', { name: 'Someone to talk to' })).toHaveValue('Grace Hopper');
    expect((await db.meetingNotes.get(meeting.id))?.suggestions).toEqual([]);
  });
});
