// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { charlesCapture, makeCapture, makeTestDb } from '@/tests/helpers/db';
import type { IntrobookDB } from '@/utils/db/app-db';
import { storageFullMessage } from '@/utils/db/errors';
import { createRequest } from '@/utils/db/intros';
import { savePersonCapture } from '@/utils/db/people';
import type { Person } from '@/utils/domain/schemas';
import { defaultSettings, saveSettings } from '@/utils/settings';
import { useSettings } from './hooks';
import { RequestView } from './RequestView';
import { Toasts } from './Toasts';

let db: IntrobookDB;
let ada: Person;
let charles: Person;

beforeEach(async () => {
  db = makeTestDb(new IDBFactory());
  ada = (await savePersonCapture(db, makeCapture())).person;
  charles = (await savePersonCapture(db, charlesCapture())).person;
  // Goal and background left blank: the drafted ask still has their stand-ins.
  await saveSettings({ ...defaultSettings(), name: 'Sam Rivera', timeZone: 'Europe/London' });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  db.close();
});

function View({ requestId }: { requestId: string }) {
  const settings = useSettings();
  return (
    <>
      <RequestView db={db} settings={settings} requestId={requestId} onBack={() => {}} />
      <Toasts />
    </>
  );
}


/** A draft to Charles with goal and background filled in (no blanks left), open in the view. */
async function openFilledDraft() {
  await saveSettings({ ...defaultSettings(), name: 'Sam Rivera', background: 'a data analyst', goal: 'product management', timeZone: 'Europe/London' });
  const draft = await createRequest(db, { kind: 'intro', targetId: ada.id, connectorId: charles.id });
  render(<View requestId={draft.id} />);
  const message = (await screen.findByRole('textbox', { name: 'Message to Charles Babbage' })) as HTMLTextAreaElement;
  await waitFor(() => expect(message.value).toContain('product management'));
  return draft;
}

describe('the composer’s send paths', () => {
  it('asks before recording "I sent it another way" while the draft still has blanks, like every other way of sending', async () => {
    const user = userEvent.setup();
    const draft = await createRequest(db, { kind: 'intro', targetId: ada.id, connectorId: charles.id });
    render(<View requestId={draft.id} />);
    const message = (await screen.findByRole('textbox', { name: 'Message to Charles Babbage' })) as HTMLTextAreaElement;
    await waitFor(() => expect(message.value).toContain('[what you are exploring]'));

    await user.click(screen.getByRole('button', { name: 'I sent it another way' }));
    const confirm = await screen.findByRole('alertdialog');
    expect(confirm).toHaveTextContent('Still to fill in: [what you are exploring], [your background, in a line]');
    await user.click(within(confirm).getByRole('button', { name: 'Keep editing' }));
    expect((await db.intros.get(draft.id))?.status).toBe('draft');

    // Confirmed, it is recorded as sent another way (no text kept: it was not sent from here).
    await user.click(screen.getByRole('button', { name: 'I sent it another way' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Send anyway' }));
    await waitFor(async () => expect((await db.intros.get(draft.id))?.status).toBe('asked'));
  });

  it('records "I sent it another way" at once when nothing is left blank', async () => {
    const user = userEvent.setup();
    const draft = await openFilledDraft();
    await user.click(screen.getByRole('button', { name: 'I sent it another way' }));
    await waitFor(async () => expect((await db.intros.get(draft.id))?.status).toBe('asked'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('says the disk is full when a send or a typed draft cannot be stored', async () => {
    const user = userEvent.setup();
    const draft = await openFilledDraft();
    vi.spyOn(db.intros, 'put').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    vi.spyOn(db.intros, 'update').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    await user.click(screen.getByRole('button', { name: 'Copy and mark as asked' }));
    const composer = screen.getByRole('region', { name: /^The ask — to Charles Babbage/ });
    expect(await within(composer).findByRole('alert')).toHaveTextContent(storageFullMessage());
    expect((await db.intros.get(draft.id))?.status).toBe('draft');
    // Typing into the draft: its save fails the same way, and says so.
    cleanup();
    render(<View requestId={draft.id} />);
    const again = await screen.findByRole('textbox', { name: 'Message to Charles Babbage' });
    await user.type(again, ' Thanks!');
    expect(await screen.findByRole('alert', {}, { timeout: 3000 })).toHaveTextContent(storageFullMessage());
  });
});
