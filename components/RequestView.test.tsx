// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { charlesCapture, makeCapture, makeTestDb } from '@/tests/helpers/db';
import type { IntrobookDB } from '@/utils/db/app-db';
import { createRequest, markSent, moveRequest, recordFollowUp, scheduleMeetingStep } from '@/utils/db/intros';
import { setRelationship } from '@/utils/db/contacts';
import { savePersonCapture } from '@/utils/db/people';
import { storageFullMessage } from '@/utils/db/errors';
import type { Person } from '@/utils/domain/schemas';
import { defaultSettings, saveSettings } from '@/utils/settings';
import { useSettings } from './hooks';
import { RequestView, type RequestSeed } from './RequestView';
import { Toasts } from './Toasts';

let db: IntrobookDB;
let ada: Person;
let charles: Person;

beforeEach(async () => {
  db = makeTestDb(new IDBFactory());
  ada = (await savePersonCapture(db, makeCapture())).person;
  charles = (await savePersonCapture(db, charlesCapture())).person;
  await saveSettings({ ...defaultSettings(), name: 'Sam Rivera', background: 'a data analyst', goal: 'product management', timeZone: 'Europe/London' });
});
afterEach(() => {
  cleanup();
  db.close();
});

function View({ requestId, seed, onBack = () => {} }: { requestId?: string; seed?: RequestSeed; onBack?: () => void }) {
  const settings = useSettings();
  return (
    <>
      <RequestView db={db} settings={settings} requestId={requestId} seed={seed} onBack={onBack} />
      <Toasts />
    </>
  );
}

const region = () => screen.getByRole('region', { name: /^Request to meet/ });
/** What the clipboard holds (user-event gives each test a fresh one). */
const copied = () => navigator.clipboard.readText();
const live = async () => (await db.intros.toArray()).filter((r) => r.deletedAt === null);

describe('drafts', () => {
  it('stores no draft until the user does something with it', async () => {
    const user = userEvent.setup();
    render(<View seed={{ kind: 'intro', targetId: ada.id, connectorId: charles.id }} />);
    const message = await screen.findByRole('textbox', { name: 'Message to Charles Babbage' });
    await waitFor(() => expect((message as HTMLTextAreaElement).value).toContain('Hi Charles,'));
    expect(await live()).toStrictEqual([]);
    await user.type(message, ' Thanks!');
    // Stored once touched, and kept up to date as the user types.
    await waitFor(async () => expect((await live())[0]?.message).toContain('Thanks!'));
    expect(await live()).toMatchObject([{ status: 'draft', connectorId: charles.id }]);
  });

  it('offers Delete for a draft, with Undo', async () => {
    const user = userEvent.setup();
    const draft = await createRequest(db, { kind: 'direct', targetId: ada.id, connectorId: null, message: 'Hi Ada?' });
    const onBack = vi.fn();
    render(<View requestId={draft.id} onBack={onBack} />);
    await user.click(await screen.findByRole('button', { name: 'Delete draft' }));
    await waitFor(() => expect(onBack).toHaveBeenCalled());
    await waitFor(async () => expect(await live()).toStrictEqual([]));
    expect(screen.getByRole('status', { name: 'Notifications' })).toHaveTextContent('Draft to meet Ada Lovelace deleted.');
    await user.click(within(screen.getByRole('status', { name: 'Notifications' })).getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await live()).map((r) => r.id)).toStrictEqual([draft.id]));
    // A draft is deleted, not withdrawn.
    expect(screen.queryByRole('button', { name: 'Mark as withdrawn' })).toBeNull();
  });
});

describe('sending', () => {
  it('copies, says "Copied", and keeps the exact text in the history with Copy again', async () => {
    const user = userEvent.setup();
    const draft = await createRequest(db, { kind: 'intro', targetId: ada.id, connectorId: charles.id });
    render(<View requestId={draft.id} />);
    const message = await screen.findByRole('textbox', { name: 'Message to Charles Babbage' });
    await user.clear(message);
    await user.type(message, 'Hi Charles, would you introduce me to Ada?');
    await user.click(screen.getByRole('button', { name: 'Copy and mark as asked' }));
    await waitFor(() => expect(screen.getByRole('status', { name: 'Notifications' })).toHaveTextContent('Copied. Marked as asked.'));
    const first = await copied();
    expect(first).toMatch(/^Hi Charles, would you introduce me to Ada\?\n\n---\nSam Rivera \(a data analyst\)/);
    await waitFor(() => expect(region()).toHaveTextContent('Status: Asked'));
    const history = screen.getByRole('list', { name: 'History' });
    expect(history).toHaveTextContent('Asked Charles Babbage (copied to send yourself)');
    await user.click(within(history).getByText('What was sent'));
    expect(history).toHaveTextContent('Subject: Would you introduce me to Ada?');
    expect(history).toHaveTextContent('Hi Charles, would you introduce me to Ada?');
    await navigator.clipboard.writeText('something else');
    await user.click(within(history).getByRole('button', { name: 'Copy again' }));
    await waitFor(() => expect(within(history).getByRole('status')).toHaveTextContent('Copied'));
    expect(await copied()).toBe(first);
  });

  it('asks "Did you send it?" after opening LinkedIn, and records nothing until yes', async () => {
    const user = userEvent.setup();
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const draft = await createRequest(db, { kind: 'intro', targetId: ada.id, connectorId: charles.id });
    render(<View requestId={draft.id} />);
    await user.click(await screen.findByRole('button', { name: 'Message on LinkedIn' }));
    expect(open).toHaveBeenCalledWith('https://www.linkedin.com/in/charles-babbage/', '_blank', 'noopener');
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog).toHaveTextContent('Did you send it on LinkedIn?');
    expect((await db.intros.get(draft.id))?.status).toBe('draft');
    await user.click(within(dialog).getByRole('button', { name: 'Not yet' }));
    expect((await db.intros.get(draft.id))?.status).toBe('draft');
    await user.click(screen.getByRole('button', { name: 'Message on LinkedIn' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Yes, I sent it' }));
    await waitFor(() => expect(screen.getByRole('list', { name: 'History' })).toHaveTextContent('Asked Charles Babbage (by LinkedIn message)'));
  });

  it('shows why Email draft is off, in words and not only a tooltip', async () => {
    const draft = await createRequest(db, { kind: 'intro', targetId: ada.id, connectorId: charles.id });
    render(<View requestId={draft.id} />);
    const email = await screen.findByRole('button', { name: 'Email draft' });
    expect(email).toBeDisabled();
    expect(email).toHaveAccessibleDescription('No email saved for Charles Babbage: add it under “Your relationship” on their page.');
    await setRelationship(db, charles.id, { email: 'charles@example.org' });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Email draft' })).toBeEnabled());
  });
});

describe('placeholders', () => {
  it('names the missing settings, fills them in place, and asks before sending what is still blank', async () => {
    const user = userEvent.setup();
    await saveSettings({ ...defaultSettings(), name: 'Sam Rivera', timeZone: 'Europe/London' });
    await navigator.clipboard.writeText('untouched');
    const draft = await createRequest(db, { kind: 'intro', targetId: ada.id, connectorId: charles.id });
    render(<View requestId={draft.id} />);
    const missing = await screen.findByRole('region', { name: 'Missing values' });
    await waitFor(() => expect(missing).toHaveTextContent('Missing: what you are exploring.'));
    expect(missing).toHaveTextContent('Missing: your background, in a line.');
    expect(region().textContent).not.toMatch(/\{\{\s*me\./);
    expect(within(missing).getByRole('button', { name: 'Open “Goal” in Settings' })).toBeInTheDocument();

    // Sending with blanks asks first.
    await user.click(screen.getByRole('button', { name: 'Copy and mark as asked' }));
    const confirm = await screen.findByRole('alertdialog');
    expect(confirm).toHaveTextContent('Still to fill in: [what you are exploring], [your background, in a line]');
    await user.click(within(confirm).getByRole('button', { name: 'Keep editing' }));
    expect(await copied()).toBe('untouched');
    expect((await db.intros.get(draft.id))?.status).toBe('draft');

    // Filling the goal here fills the message.
    await user.click(within(missing).getByRole('button', { name: 'Fill in goal' }));
    await user.type(within(missing).getByRole('textbox', { name: 'Goal' }), 'climate tech');
    await user.click(within(missing).getByRole('button', { name: 'Save' }));
    const message = screen.getByRole('textbox', { name: 'Message to Charles Babbage' }) as HTMLTextAreaElement;
    await waitFor(() => expect(message.value).toContain('I’m exploring climate tech'));
    expect(screen.getByRole('region', { name: 'Missing values' })).not.toHaveTextContent('what you are exploring');
  });
});

describe('every step that is a message offers it', () => {
  it('drafts the thank-you at Met and the report back at Thanked, each sent and recorded like the ask', async () => {
    const user = userEvent.setup();
    let r = await markSent(db, (await createRequest(db, { kind: 'intro', targetId: ada.id, connectorId: charles.id })).id, 'copy');
    for (const s of ['agreed', 'introduced'] as const) r = await moveRequest(db, r.id, s);
    await scheduleMeetingStep(db, r.id, { startsAt: Date.now() - 3600_000 });
    r = await moveRequest(db, r.id, 'met');
    render(<View requestId={r.id} />);
    const thanks = await screen.findByRole('textbox', { name: 'Message to Ada Lovelace' });
    await waitFor(() => expect((thanks as HTMLTextAreaElement).value).toContain('Thank you for your time today'));
    expect(screen.getByRole('region', { name: /^The thank-you — to Ada Lovelace/ })).toBeInTheDocument();
    await user.clear(thanks);
    await user.type(thanks, 'Hi Ada, thank you! Your advice about mentors was useful.');
    await user.click(screen.getByRole('button', { name: 'Copy and mark as sent' }));
    await waitFor(() => expect(region()).toHaveTextContent('Status: Thanked'));
    const report = await screen.findByRole('textbox', { name: 'Message to Charles Babbage' });
    expect((report as HTMLTextAreaElement).value).toContain('Thank you for introducing me to Ada Lovelace');
    await user.clear(report);
    await user.type(report, 'Hi Charles, I met Ada Lovelace and will read the book she suggested.');
    await user.click(screen.getByRole('button', { name: 'Copy and mark as sent' }));
    await waitFor(() => expect(region()).toHaveTextContent('Status: Closed the loop'));
    const history = screen.getByRole('list', { name: 'History' });
    expect(history).toHaveTextContent('Thanked Ada Lovelace (copied to send yourself)');
    expect(history).toHaveTextContent('Reported back to Charles Babbage (copied to send yourself)');
  });

  it('uses the direct-ask checklist for a direct ask (no "names the connection first")', async () => {
    render(<View seed={{ kind: 'direct', targetId: ada.id, connectorId: null }} />);
    const checklist = await screen.findByRole('complementary', { name: 'Outreach checklist' });
    await waitFor(() => expect(checklist).toHaveTextContent('Says why them'));
    expect(checklist).not.toHaveTextContent('Names the connection first');
  });
});

describe('undo', () => {
  it('labels Undo with the last action, and after a nudge undoes only the nudge', async () => {
    const user = userEvent.setup();
    let r = await markSent(db, (await createRequest(db, { kind: 'intro', targetId: ada.id, connectorId: charles.id })).id, 'copy');
    r = await recordFollowUp(db, r.id);
    render(<View requestId={r.id} />);
    const undo = await screen.findByRole('button', { name: 'Undo “Sent the nudge (sent another way)”' });
    await user.click(undo);
    await waitFor(() => expect(screen.getByRole('button', { name: /^Undo “Asked/ })).toBeInTheDocument());
    expect(region()).toHaveTextContent('Status: Asked');
    expect(region()).toHaveTextContent('Next: Nudge Charles Babbage');
  });

  it('a due date typed segment by segment is one change (set when the box is left), undone in one step', async () => {
    const r = await markSent(db, (await createRequest(db, { kind: 'intro', targetId: ada.id, connectorId: charles.id })).id, 'copy');
    render(<View requestId={r.id} />);
    const due = await screen.findByLabelText('Change due date');
    // Typing the day "17" passes through day 01 first.
    fireEvent.change(due, { target: { value: '2030-01-01T10:30' } });
    fireEvent.change(due, { target: { value: '2030-01-17T10:30' } });
    expect((await db.intros.get(r.id))!.history.filter((h) => h.action === 'due')).toHaveLength(0);
    fireEvent.blur(due);
    await waitFor(async () => expect((await db.intros.get(r.id))!.history.filter((h) => h.action === 'due')).toHaveLength(1));
    await waitFor(() => expect(region()).toHaveTextContent('(your date)'));
    expect((await db.intros.get(r.id))!.dueOverride).toBe(Date.UTC(2030, 0, 17, 10, 30));
  });
});

describe('the due date, with a full disk', () => {
  afterEach(() => vi.restoreAllMocks());
  it('a due date or "back to the schedule" that cannot be stored says so, and the typed date stays in the box', async () => {
    const user = userEvent.setup();
    const r = await markSent(db, (await createRequest(db, { kind: 'intro', targetId: ada.id, connectorId: charles.id })).id, 'copy');
    render(<View requestId={r.id} />);
    const due = await screen.findByLabelText('Change due date');
    vi.spyOn(db.intros, 'put').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    vi.spyOn(db.intros, 'update').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    fireEvent.change(due, { target: { value: '2030-01-17T10:30' } });
    fireEvent.blur(due);
    expect(await screen.findByRole('alert')).toHaveTextContent(storageFullMessage());
    expect(due).toHaveValue('2030-01-17T10:30');
    expect((await db.intros.get(r.id))!.dueOverride).toBeNull();
    vi.restoreAllMocks();
    fireEvent.blur(due);
    await waitFor(() => expect(region()).toHaveTextContent('(your date)'));
    expect(screen.queryByRole('alert')).toBeNull();
    vi.spyOn(db.intros, 'put').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    await user.click(screen.getByRole('button', { name: 'Back to the schedule' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(storageFullMessage());
    expect((await db.intros.get(r.id))!.dueOverride).toBe(Date.UTC(2030, 0, 17, 10, 30));
  });
});

describe('meetings', () => {
  it('"Meeting scheduled" asks for date, time, length and link, and creates the meeting for the request', async () => {
    const user = userEvent.setup();
    let r = await markSent(db, (await createRequest(db, { kind: 'direct', targetId: ada.id, connectorId: null })).id, 'copy');
    r = await moveRequest(db, r.id, 'agreed');
    render(<View requestId={r.id} />);
    await user.click(await screen.findByRole('button', { name: 'Mark as meeting scheduled' }));
    const form = screen.getByRole('form', { name: 'Meeting details' });
    fireEvent.change(within(form).getByLabelText('Date'), { target: { value: '2030-03-14' } });
    fireEvent.change(within(form).getByLabelText('Time'), { target: { value: '15:30' } });
    // The store's length rule, checked before anything is written (the browser's own check bypassed).
    await user.clear(within(form).getByRole('spinbutton', { name: 'Length (minutes)' }));
    await user.type(within(form).getByRole('spinbutton', { name: 'Length (minutes)' }), '2');
    fireEvent.submit(form);
    expect(await within(form).findByText('The length is in minutes, 5 to 600.')).toBeInTheDocument();
    expect(await db.meetings.where('requestId').equals(r.id).count()).toBe(0);
    await user.clear(within(form).getByRole('spinbutton', { name: 'Length (minutes)' }));
    await user.type(within(form).getByRole('spinbutton', { name: 'Length (minutes)' }), '30');
    await user.type(within(form).getByRole('textbox', { name: 'Call link' }), 'https://meet.google.com/abc-defg-hij');
    await user.click(within(form).getByRole('button', { name: 'Schedule the meeting' }));
    await waitFor(() => expect(region()).toHaveTextContent('Status: Meeting scheduled'));
    const meetings = await db.meetings.where('requestId').equals(r.id).toArray();
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({ personId: ada.id, durationMin: 30, channel: 'meet', link: 'https://meet.google.com/abc-defg-hij' });
    expect(new Date(meetings[0]!.startsAt).toISOString()).toBe('2030-03-14T15:30:00.000Z'); // London in March is UTC
    expect(screen.getByLabelText('Next step')).toHaveTextContent('Next: Meet Ada Lovelace — due');
  });
});

describe('history written before every action was an entry', () => {
  it('words an old "Sent by linkedin" note properly', async () => {
    const r = await createRequest(db, { kind: 'intro', targetId: ada.id, connectorId: charles.id });
    await db.intros.update(r.id, {
      status: 'asked',
      history: [
        { from: null, to: 'draft', at: 1, note: '', correction: false },
        { from: 'draft', to: 'asked', at: 2, note: 'Sent by linkedin', correction: false },
      ],
    });
    render(<View requestId={r.id} />);
    const history = await screen.findByRole('list', { name: 'History' });
    expect(history).toHaveTextContent('Asked — sent by LinkedIn message');
    expect(history).not.toHaveTextContent('linkedin');
  });
});
