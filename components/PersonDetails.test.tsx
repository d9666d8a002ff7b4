// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLiveQuery } from 'dexie-react-hooks';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeCapture, makeTestDb } from '@/tests/helpers/db';
import type { IntrobookDB } from '@/utils/db/app-db';
import { storageFullMessage } from '@/utils/db/errors';
import { dismissMutual } from '@/utils/db/contacts';
import { getPerson, savePersonCapture } from '@/utils/db/people';
import type { Person } from '@/utils/domain/schemas';
import { defaultSettings, getSettings, saveSettings } from '@/utils/settings';
import { PersonDetails } from './PersonDetails';
import { SettingsView } from './SettingsView';
import { dismissToast, showToast, Toasts, TOAST_MS } from './Toasts';

let db: IntrobookDB;
let ada: Person;
let charles: Person;
beforeEach(async () => {
  db = makeTestDb(new IDBFactory());
  // Role and headline read from the page layout: low confidence.
  ada = (await savePersonCapture(db, makeCapture({ fieldSources: { profileUrl: 'url', name: 'heading', role: 'structure', company: 'link' } }))).person;
  charles = (await savePersonCapture(db, makeCapture({ profileUrl: 'https://www.linkedin.com/in/charles/', name: 'Charles Babbage', firstName: 'Charles', degree: 1, mutualConnections: { count: 0, names: [] } }))).person;
});
afterEach(() => {
  cleanup();
  dismissToast();
  db.close();
  vi.useRealTimers();
});

function Page({ id, onBack = () => {} }: { id: string; onBack?: () => void }) {
  const person = useLiveQuery(() => getPerson(db, id), [id]);
  return (
    <>
      {person && <PersonDetails person={person} db={db} onBack={onBack} />}
      <Toasts />
    </>
  );
}

describe('the person page', () => {
  it('marks low-confidence fields until the user confirms or edits them', async () => {
    const user = userEvent.setup();
    render(<Page id={ada.id} />);
    const fields = await screen.findByLabelText('Profile fields');
    await waitFor(() => expect(fields).toHaveTextContent(/Role\s*Principal Engineer\s*check this/));
    expect(fields).not.toHaveTextContent(/Company\s*Analytical Engines\s*check this/);
    await user.click(screen.getByRole('button', { name: 'Role looks right' }));
    await waitFor(() => expect(fields).not.toHaveTextContent('check this'));
    expect((await getPerson(db, ada.id))?.fieldConfidence).toMatchObject({ role: 'high' });
  });

  it('shows the capture’s note beside a field (a long name cut at a word), and drops it once the user edits the value', async () => {
    const user = userEvent.setup();
    const CUT = 'The page shows a longer name; Introbook kept the first 500 characters, cut at a word.';
    const grace = (
      await savePersonCapture(
        db,
        makeCapture({ profileUrl: 'https://www.linkedin.com/in/grace/', name: 'Grace Hopper', headline: 'Rear Admiral', fieldNotes: { name: CUT, headline: 'Cut at a word.' } }),
      )
    ).person;
    render(<Page id={grace.id} />);
    const fields = await screen.findByLabelText('Profile fields');
    expect(screen.getByText(CUT)).toBeInTheDocument();
    expect(fields).toHaveTextContent(/Headline\s*Rear Admiral\s*Cut at a word\./);
    await user.click(screen.getByRole('button', { name: 'Edit details' }));
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription(CUT);
    await user.clear(screen.getByRole('textbox', { name: 'Name' }));
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Grace Brewster Murray Hopper');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.queryByText(CUT)).toBeNull());
    expect(await screen.findByLabelText('Profile fields')).toHaveTextContent('Cut at a word.');
  });

  it('edits a person’s fields by hand; the edit counts as the user’s word', async () => {
    const user = userEvent.setup();
    await savePersonCapture(db, makeCapture({ fieldSources: { profileUrl: 'url', name: 'heading', location: 'structure' } }));
    render(<Page id={ada.id} />);
    await user.click(await screen.findByRole('button', { name: 'Edit details' }));
    const form = screen.getByRole('form', { name: 'Edit Ada Lovelace' });
    expect(within(form).getByRole('textbox', { name: 'Location' })).toHaveAccessibleDescription('Check this: read from the page layout, it may be wrong.');
    await user.clear(within(form).getByRole('textbox', { name: 'Location' }));
    await user.type(within(form).getByRole('textbox', { name: 'Location' }), 'London');
    await user.type(within(form).getByRole('textbox', { name: 'Email' }), 'ada@example.org');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    await waitFor(async () => expect(await getPerson(db, ada.id)).toMatchObject({ location: 'London', email: 'ada@example.org', fieldConfidence: { location: 'high' } }));
    expect((await getPerson(db, ada.id))?.editedFields).toContain('location');
  });

  it('a full disk says so, not "check the fields"', async () => {
    const user = userEvent.setup();
    render(<Page id={ada.id} />);
    await user.click(await screen.findByRole('button', { name: 'Edit details' }));
    const form = screen.getByRole('form', { name: 'Edit Ada Lovelace' });
    await user.clear(within(form).getByRole('textbox', { name: 'Location' }));
    await user.type(within(form).getByRole('textbox', { name: 'Location' }), 'London');
    vi.spyOn(db.people, 'put').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    vi.spyOn(db.people, 'update').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await within(form).findByText(storageFullMessage())).toBeInTheDocument();
    expect(within(form).queryByText(/Check the fields/)).toBeNull();
    expect(await getPerson(db, ada.id)).toMatchObject({ location: ada.location });
  });

  it('a "looks right" or "all of these look right" that cannot be stored says so (a full disk says so) and the field stays marked', async () => {
    const user = userEvent.setup();
    const grace = (
      await savePersonCapture(
        db,
        makeCapture({ profileUrl: 'https://www.linkedin.com/in/grace/', name: 'Grace Hopper', firstName: 'Grace', fieldSources: { profileUrl: 'url', name: 'heading', role: 'structure', location: 'structure', company: 'link' } }),
      )
    ).person;
    render(<Page id={grace.id} />);
    const fields = await screen.findByLabelText('Profile fields');
    await waitFor(() => expect(fields).toHaveTextContent(/Role\s*Principal Engineer\s*check this/));
    vi.spyOn(db.people, 'put').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    await user.click(screen.getByRole('button', { name: 'Role looks right' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(storageFullMessage());
    await user.click(screen.getByRole('button', { name: 'All of these look right' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(storageFullMessage());
    expect(fields).toHaveTextContent(/Role\s*Principal Engineer\s*check this/);
    expect((await getPerson(db, grace.id))?.fieldConfidence).not.toMatchObject({ role: 'high' });
  });

  it('saves notes typed just before the page is left', async () => {
    const user = userEvent.setup();
    const view = render(<Page id={ada.id} />);
    await user.type(await screen.findByRole('textbox', { name: 'Your notes' }), 'Ask about the engine');
    view.unmount();
    await waitFor(async () => expect((await getPerson(db, ada.id))?.notes).toBe('Ask about the engine'));
  });

  it('removes a person with a confirmation that offers Undo', async () => {
    const user = userEvent.setup();
    const onBack = vi.fn();
    render(<Page id={charles.id} onBack={onBack} />);
    await user.click(await screen.findByRole('button', { name: 'Remove from Introbook' }));
    await user.click(screen.getByRole('button', { name: 'Yes, remove Charles Babbage' }));
    await waitFor(() => expect(onBack).toHaveBeenCalled());
    expect(await getPerson(db, charles.id)).toBeUndefined();
    const toast = screen.getByRole('status', { name: 'Notifications' });
    expect(toast).toHaveTextContent('Removed Charles Babbage.');
    await user.click(within(toast).getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await getPerson(db, charles.id)).toMatchObject({ deletedAt: null }));
  });

  it('lists a dismissed match as dismissed, with Undo, and says how many mutuals were read and saved', async () => {
    const user = userEvent.setup();
    await dismissMutual(db, ada.id, charles.id);
    render(<Page id={ada.id} />);
    const dismissed = await screen.findByRole('list', { name: 'Dismissed matches' });
    expect(dismissed).toHaveTextContent('Not the mutual connection Charles Babbage: the Charles Babbage you saved');
    expect(screen.getByLabelText('Mutual connections')).toHaveTextContent('5 mutual connections on their profile · 2 names read · 1 saved in Introbook');
    expect(screen.getByLabelText('Answer')).not.toHaveTextContent('None of the mutual connections');
    await user.click(within(dismissed).getByRole('button', { name: 'Undo: Charles Babbage may be the mutual connection' }));
    expect(await screen.findByRole('button', { name: 'Yes, Charles Babbage is the mutual connection' })).toBeInTheDocument();
  });

  it('offers the saved person when a connector is added by the same name', async () => {
    const user = userEvent.setup();
    render(<Page id={ada.id} />);
    await user.click(await screen.findByRole('button', { name: 'Add a connector by hand' }));
    const form = screen.getByRole('form', { name: 'Add a connector' });
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Charles Babbage');
    await user.click(within(form).getByRole('button', { name: 'Add connector' }));
    const ask = await screen.findByRole('alertdialog');
    expect(ask).toHaveTextContent('Is this the Charles Babbage you saved?');
    await user.click(within(ask).getByRole('button', { name: /^Yes, Charles Babbage/ }));
    await waitFor(async () => expect((await getPerson(db, ada.id))?.mutualContactIds).toStrictEqual([charles.id]));
    expect((await db.people.toArray()).filter((p) => p.name === 'Charles Babbage')).toHaveLength(1);
  });

  it('starts a draft in place: the user stays on the person', async () => {
    const user = userEvent.setup();
    render(<Page id={charles.id} />);
    await user.click(await screen.findByRole('button', { name: 'Ask Charles directly' }));
    expect(await screen.findByRole('region', { name: 'Request to meet Charles Babbage' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '← Back to Charles Babbage' }));
    expect(await screen.findByRole('region', { name: 'Details for Charles Babbage' })).toBeInTheDocument();
    expect(await db.intros.count()).toBe(0);
  });

  it('goes back on Escape, leaving a field first', async () => {
    const user = userEvent.setup();
    const onBack = vi.fn();
    render(<Page id={charles.id} onBack={onBack} />);
    const heading = await screen.findByRole('heading', { name: 'Charles Babbage', level: 2 });
    await waitFor(() => expect(heading).toHaveFocus());
    await user.click(screen.getByRole('textbox', { name: 'Your notes' }));
    await user.keyboard('{Escape}');
    expect(heading).toHaveFocus();
    expect(onBack).not.toHaveBeenCalled();
    await user.keyboard('{Escape}');
    expect(onBack).toHaveBeenCalledTimes(1);
  });
});

describe('transient messages', () => {
  it('a toast without Undo leaves on its own', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    render(<Toasts />);
    act(() => showToast('Nudge copied.'));
    const toasts = screen.getByRole('status', { name: 'Notifications' });
    expect(toasts).toHaveTextContent('Nudge copied.');
    act(() => void vi.advanceTimersByTime(TOAST_MS + 10));
    expect(toasts).toBeEmptyDOMElement();
  });
});

describe('settings', () => {
  const Live = () => <SettingsView settings={defaultSettings()} />;

  it('clears a time-zone error as soon as the zone is fixed', async () => {
    const user = userEvent.setup();
    render(<Live />);
    const zone = screen.getByRole('combobox', { name: 'Time zone' });
    await user.clear(zone);
    await user.type(zone, 'London');
    expect(zone).toHaveAccessibleDescription('Not a time zone yet: pick one from the list.');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('“London” is not a time zone.');
    await user.clear(zone);
    await user.type(zone, 'Europe/London');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(zone).not.toHaveAccessibleDescription();
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(screen.getByText('Settings saved.')).toBeInTheDocument());
    expect((await getSettings()).timeZone).toBe('Europe/London');
  });

  it('"Settings saved." does not stay on screen', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await saveSettings({ ...defaultSettings(), timeZone: 'UTC' });
    render(<Live />);
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(screen.getByText('Settings saved.')).toBeInTheDocument());
    const status = screen.getByText('Settings saved.');
    // Let React run the effects of that render (its scheduler runs on the faked timers too), then wait it out.
    await act(async () => void vi.advanceTimersByTime(1));
    act(() => void vi.advanceTimersByTime(5_000));
    expect(status).toBeEmptyDOMElement();
  });
});
